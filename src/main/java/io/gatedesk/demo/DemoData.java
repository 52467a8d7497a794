package io.gatedesk.demo;

import io.gatedesk.demo.TicketGenerator.GeneratedTicket;
import io.gatedesk.gatewaylog.ImportSummary;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.selfservice.SiteSettingsService;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.escalation.EscalationRequest;
import io.gatedesk.escalation.EscalationService;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import io.gatedesk.user.UserService.NewStaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Profile {@code demo}: two demo accounts, {@code agent} (AGENT) and {@code engineer} (ENGINEER, AGENT), both with the
 * password {@value #PASSWORD}, and {@code gatedesk.demo.tickets} sample tickets worked the way a real day looks:
 * some untouched, some answered, some waiting on the customer, escalated, resolved or closed. Runs once: when the
 * accounts already exist nothing is added, so restarting the demo keeps what was there.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

    static final String AGENT = "agent";
    static final String ENGINEER = "engineer";
    static final String PASSWORD = "demo-password";
    private static final long SEED = 20261128L;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserService users;
    private final TicketService tickets;
    private final EscalationService escalations;
    private final LogImportService logImports;
    private final SiteSettingsService site;
    private final Clock clock;
    private final int ticketCount;

    DemoData(UserService users, TicketService tickets, EscalationService escalations, LogImportService logImports,
             SiteSettingsService site, Clock clock, @Value("${gatedesk.demo.tickets:40}") int ticketCount) {
        this.users = users;
        this.tickets = tickets;
        this.escalations = escalations;
        this.logImports = logImports;
        this.site = site;
        this.clock = clock;
        this.ticketCount = ticketCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists(AGENT) || users.exists(ENGINEER)) {
            log.info("Demo accounts already exist; leaving the demo data as it is");
            return;
        }
        StaffMember agent = users.create(new NewStaffMember(AGENT, "Mia Zhang", "agent@gatedesk.example", PASSWORD,
                EnumSet.of(Role.AGENT)));
        StaffMember engineer = users.create(new NewStaffMember(ENGINEER, "Jonas Berg", "engineer@gatedesk.example",
                PASSWORD, EnumSet.of(Role.ENGINEER, Role.AGENT)));
        Actor agentActor = Actor.of(agent);
        Actor engineerActor = Actor.of(engineer);

        // The site and its catalogue first, so the configuration check knows the demo gateway's address and
        // refuses models it does not serve.
        if (site.lastSaved().isEmpty()) {
            site.save(new SiteSettingsService.SettingsCommand("RelayGate", TicketGenerator.SITE + "/v1",
                    TicketGenerator.HOMEPAGE), AGENT);
        }
        if (site.catalogue().isEmpty()) {
            site.importModels(DemoGatewayLogs.modelsAnswer(TicketGenerator.servedModels()));
        }
        TicketGenerator generator = new TicketGenerator(SEED, clock.instant());
        DemoGatewayLogs gatewayLogs = new DemoGatewayLogs();
        for (int i = 0; i < ticketCount; i++) {
            GeneratedTicket generated = generator.next();
            TicketReceipt receipt = tickets.submit(generated.ticket(), generated.locale());
            work(i, receipt.id(), generated, agentActor, engineerActor);
            gatewayLogs.add(i, generated);
        }
        long imported = importLogs(gatewayLogs);
        log.info("Demo data: accounts '{}' and '{}' (password '{}'), {} sample tickets, {} gateway log rows", AGENT,
                ENGINEER, PASSWORD, ticketCount, imported);
    }

    /** Imports the gateway's rows through the same import an admin uses, one file per export format. */
    private long importLogs(DemoGatewayLogs gatewayLogs) {
        long imported = 0;
        if (gatewayLogs.hasNewApiRows()) {
            imported += importFile("demo-new-api-logs.json", "NEW_API_TABLE", gatewayLogs.newApiJson());
        }
        if (gatewayLogs.hasOneApiLines()) {
            imported += importFile("demo-one-api.log", "ONE_API_TEXT", gatewayLogs.oneApiText());
        }
        return imported;
    }

    private long importFile(String name, String format, String content) {
        try {
            Path file = Files.createTempFile("gatedesk-demo-", "-" + name);
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8);
                ImportSummary summary = logImports.importNow(file, name, format, "UTC", AGENT, "API");
                return summary.imported();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spreads the tickets over the lifecycle by position, so every demo shows each status. */
    private void work(int index, long id, GeneratedTicket generated, Actor agent, Actor engineer) {
        boolean zh = generated.locale().getLanguage().equals(Locale.CHINESE.getLanguage());
        switch (index % 10) {
            case 0, 1, 2 -> {
                // Left as the customer filed it: the morning's new arrivals.
            }
            case 3, 4 -> {
                change(id, new TicketChange(null, null, agent.userId(), false), agent);
                tickets.addStaffMessage(id, reply(generated, zh), Visibility.PUBLIC, null, agent);
            }
            case 5 -> {
                change(id, new TicketChange(null, null, agent.userId(), false), agent);
                tickets.addStaffMessage(id, evidenceRequest(zh), Visibility.PUBLIC, null, agent);
                change(id, new TicketChange(TicketStatus.WAITING_ON_CUSTOMER, null, null, false), agent);
            }
            case 6 -> {
                change(id, new TicketChange(null, Priority.P1, agent.userId(), false), agent);
                tickets.addStaffMessage(id, "Checked the gateway logs for the request ID: the channel answered "
                        + "with the same error. Handing to engineering with the evidence.", Visibility.INTERNAL, null,
                        agent);
                change(id, new TicketChange(null, null, engineer.userId(), false), agent);
                escalations.escalate(id, new EscalationRequest("The channel answers with the same error for the "
                        + "customer's request IDs; please check the channel and the upstream.", "S2", ENGINEER), agent);
            }
            case 7, 8 -> {
                change(id, new TicketChange(null, null, agent.userId(), false), agent);
                tickets.addStaffMessage(id, reply(generated, zh), Visibility.PUBLIC, null, agent);
                tickets.addStaffMessage(id, "Known pattern, answered with the standard fix.", Visibility.INTERNAL,
                        null, agent);
                change(id, new TicketChange(TicketStatus.RESOLVED, null, null, false), agent);
            }
            default -> {
                change(id, new TicketChange(null, null, engineer.userId(), false), engineer);
                tickets.addStaffMessage(id, reply(generated, zh), Visibility.PUBLIC, null, engineer);
                change(id, new TicketChange(TicketStatus.CLOSED, null, null, false), engineer);
            }
        }
    }

    private void change(long id, TicketChange change, Actor actor) {
        tickets.change(id, change, tickets.detail(id).version(), actor);
    }

    private static String evidenceRequest(boolean zh) {
        return zh ? "您好，为了定位问题，请补充：出错时间（含时区）、请求 ID（响应头 X-Oneapi-Request-Id）、令牌名称或打码后的 key"
                + "（例如 sk-abcd****wxyz，请不要发送完整 key）。"
                : "Hello, to trace this we need the time of the failure (with time zone), the request ID (response "
                + "header X-Oneapi-Request-Id) and the token name or masked key (like sk-abcd****wxyz; please never "
                + "send the full key).";
    }

    private static String reply(GeneratedTicket generated, boolean zh) {
        String model = generated.ticket().model();
        String baseUrl = TicketGenerator.correctBaseUrl(generated.ticket().client());
        return switch (generated.family()) {
            case INVALID_TOKEN -> zh ? "您好，这个令牌已失效或被禁用。请在“令牌”页面确认状态和有效期，必要时新建一个令牌并在客户端中替换。"
                    : "Hello, the gateway does not accept this token: it is disabled or expired. Please check it on "
                    + "the Tokens page and create a new one if needed.";
            case QUOTA_EXHAUSTED -> zh ? "您好，额度限制在令牌上而不是账户余额上。请在令牌设置里调高额度或设为无限额度。"
                    : "Hello, the limit is on the token, not on your wallet. Raise the token's quota (or set it to "
                    + "unlimited) on the Tokens page.";
            case RATE_LIMITED -> zh ? "您好，您所在分组有每分钟请求数限制，请加入指数退避重试，或联系我们调整分组。"
                    : "Hello, your group has a per-minute request limit. Please retry with exponential backoff, or "
                    + "ask us to move the token to a group with a higher limit.";
            case MODEL_NOT_AVAILABLE -> zh ? "您好，" + model + " 在您令牌所在的分组中没有可用渠道。请在模型列表中选择本分组可用的模型。"
                    : "Hello, " + model + " has no channel in your token's group. Please pick a model listed for "
                    + "your group on the Models page.";
            case DOUBLED_V1, HTML_INSTEAD_OF_JSON -> zh ? "您好，请把 Base URL 设置为 " + baseUrl + "，客户端会自己拼接后面的路径。"
                    : "Hello, please set the base URL to " + baseUrl + "; the client adds the rest of the path "
                    + "itself.";
            case UPSTREAM_TIMEOUT -> zh ? "您好，长输出请开启流式（stream），或把客户端超时调到 300 秒以上。"
                    : "Hello, for long outputs please turn streaming on, or raise the client timeout above 300 s.";
            case STREAM_CUT_OFF -> zh ? "您好，上游渠道在流式输出时断开，我们已切换渠道，请重试。"
                    : "Hello, the upstream channel dropped the stream; we switched channels, please try again.";
            case CONTEXT_LENGTH_EXCEEDED -> zh ? "您好，对话超过了模型的上下文长度，请减少历史消息条数或换用更长上下文的模型。"
                    : "Hello, the conversation is longer than the model's context window. Please send fewer "
                    + "history messages or use a model with a longer context.";
        };
    }
}
