package io.gatedesk.mail;

import io.gatedesk.escalation.EscalationRequest;
import io.gatedesk.escalation.EscalationService;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox against a real SMTP server (GreenMail), on every database GateDesk runs on: each customer mail arrives
 * once, in the ticket's language, with what it must hold and nothing it must not; an outage delays mail but loses none.
 */
abstract class MailOutboxContract {

    /** A key the secret scanner recognises; it must never reach a mail. */
    static final String RAW_KEY = "sk-proj-" + "Q7wErT9yUiOp3AsDfGhJkL2zXcVbNm4Q7wErT9yUiOp3AsDf";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    MailPreferences preferences;
    @Autowired
    OutboxSender sender;
    @Autowired
    MailSettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailPurge purge;
    @Autowired
    SlaWarnings slaWarnings;
    @Autowired
    EscalationService escalations;
    @Autowired
    io.gatedesk.incident.IncidentService incidents;

    abstract SmtpServer smtp();

    abstract ImapMailbox mailbox();

    static String customer() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    long file(String email, Locale locale) {
        TicketReceipt receipt = tickets.submit(new NewTicket("Cursor gets 401", "Every call fails with 401", "Ann",
                email, null, null, null, null, null, null, 401, null, null, null, null, null), locale);
        return receipt.id();
    }

    @Test
    void ticketFiledThroughTheApiGetsAConfirmationWithNumberAndFollowLinkButNoKey() throws Exception {
        String email = customer();
        String created = mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
                        {"subject": "401 from my key", "description": "My key %s fails", "name": "Ann",
                         "email": "%s", "statusCode": 401}""".formatted(RAW_KEY, email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = created.replaceAll(".*\"number\"\\s*:\\s*\"(GD-\\d+)\".*", "$1");
        String followUrl = created.replaceAll(".*\"followUrl\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        ReceivedMail mail = ReceivedMail.of(smtp().awaitMails(email, 1).get(0));

        assertThat(mail.subject()).startsWith("[" + number + "] ").contains("We received your request");
        assertThat(mail.text()).contains(number).contains(followUrl).contains("/t/");
        assertThat(mail.html()).contains(number).contains("href=\"" + followUrl + "\"");
        assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain(RAW_KEY).doesNotContain(RAW_KEY.substring(8, 30));
        assertThat(mail.header("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(mail.header("Message-ID")).isEqualTo("<gd-ticket-" + number.substring(3) + "@example-gw.com>");
        assertThat(mail.message().getFrom()[0].toString()).isEqualTo(SmtpServer.FROM);
    }

    @Test
    void anInternalNoteSendsNothingAPublicReplySendsOneWithTheKeyMasked() throws Exception {
        String email = customer();
        long id = file(email, Locale.ENGLISH);
        smtp().awaitMails(email, 1);

        tickets.addStaffMessage(id, "Internal: customer looks like a reseller", Visibility.INTERNAL, null,
                new Actor(null, "Agent Bo"));
        tickets.addStaffMessage(id, "Please rotate " + RAW_KEY + " and try again", Visibility.PUBLIC, null,
                new Actor(null, "Agent Bo"));

        List<ReceivedMail> mails = smtp().awaitMails(email, 2).stream().map(ReceivedMail::of).toList();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> smtp().to(email).size() == 2);
        ReceivedMail reply = mails.stream().filter(m -> m.subject().contains("New answer")).findFirst().orElseThrow();
        assertThat(reply.subject()).startsWith("[GD-" + id + "] ");
        assertThat(reply.text()).contains("Agent Bo").contains("Please rotate").doesNotContain(RAW_KEY)
                .doesNotContain("reseller");
        assertThat(reply.html()).doesNotContain(RAW_KEY).doesNotContain("reseller");
        assertThat(reply.header("In-Reply-To")).isEqualTo("<gd-ticket-" + id + "@example-gw.com>");
        assertThat(reply.header("References")).isEqualTo("<gd-ticket-" + id + "@example-gw.com>");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where ticket_id = ?", Long.class, id))
                .isEqualTo(2);
    }

    @Test
    void statusMailsGoOutInTheTicketsLanguage() {
        String email = customer();
        long id = file(email, Locale.SIMPLIFIED_CHINESE);
        long version = tickets.detail(id).version();
        tickets.change(id, new TicketChange(TicketStatus.WAITING_ON_CUSTOMER, null, null, false), version,
                new Actor(null, "Agent Bo"));
        tickets.change(id, new TicketChange(TicketStatus.OPEN, null, null, false), tickets.detail(id).version(),
                new Actor(null, "Agent Bo"));
        tickets.change(id, new TicketChange(TicketStatus.RESOLVED, null, null, false), tickets.detail(id).version(),
                new Actor(null, "Agent Bo"));

        List<String> subjects = smtp().awaitMails(email, 3).stream().map(ReceivedMail::of).map(ReceivedMail::subject)
                .toList();
        assertThat(subjects).containsExactlyInAnyOrder("[GD-" + id + "] 我们已收到您的请求：Cursor gets 401",
                "[GD-" + id + "] 需要您的回复：Cursor gets 401", "[GD-" + id + "] 已解决：Cursor gets 401");
        ReceivedMail confirmation = smtp().to(email).stream().map(ReceivedMail::of)
                .filter(m -> m.subject().contains("我们已收到")).findFirst().orElseThrow();
        assertThat(confirmation.text()).contains("您好").contains("https://desk.example-gw.com/t/");
        assertThat(confirmation.header("Content-Language")).isEqualTo("zh-CN");
    }

    @Test
    void anSmtpOutageNeitherFailsFilingNorLosesTheMailWhichArrivesOnceItIsBack() {
        String email = customer();
        smtp().stop();
        long id;
        try {
            id = file(email, Locale.ENGLISH);
            // The sender tries, fails and backs off; the mail waits with the error.
            // (attempts counts at the claim, before the attempt ends: wait for its recorded error instead)
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from mail_outbox where ticket_id = ? and status = 'PENDING'"
                            + " and last_error is not null", Long.class, id) == 1);
            assertThat(jdbc.queryForObject("select status from mail_outbox where ticket_id = ?", String.class, id))
                    .isEqualTo("PENDING");
            assertThat(jdbc.queryForObject("select last_error from mail_outbox where ticket_id = ?", String.class, id))
                    .isNotBlank();
        } finally {
            smtp().start();
        }
        assertThat(smtp().awaitMails(email, 1)).hasSize(1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smtp().to(email).size() == 1);
        assertThat(jdbc.queryForObject("select status from mail_outbox where ticket_id = ?", String.class, id))
                .isEqualTo("SENT");
        assertThat(jdbc.queryForObject("select text_body from mail_outbox where ticket_id = ?", String.class, id))
                .as("a sent mail's body, with the follow link, is not kept").isNull();
    }

    @Test
    void twoSendersAtOnceSendEachMailOnce() throws Exception {
        String email = customer();
        for (int i = 0; i < 5; i++) {
            file(email, Locale.ENGLISH);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = List.of(pool.submit(() -> sender.sendDue(settings.sender().orElseThrow())),
                    pool.submit(() -> sender.sendDue(settings.sender().orElseThrow())),
                    pool.submit(() -> sender.sendDue(settings.sender().orElseThrow())));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        smtp().awaitMails(email, 5);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smtp().to(email).size() == 5);
    }

    @Test
    void staffAreToldOfAssignmentsAndCustomerAnswersUnlessTheySwitchedItOff() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffMember keen = users.create(new UserService.NewStaffMember("keen-" + suffix, "Keen Agent",
                "keen-" + suffix + "@example-gw.com", "keen-password-1", Set.of(Role.AGENT)));
        StaffMember quiet = users.create(new UserService.NewStaffMember("quiet-" + suffix, "Quiet Agent",
                "quiet-" + suffix + "@example-gw.com", "quiet-password-1", Set.of(Role.AGENT)));
        preferences.save(quiet, List.of());
        Actor lead = new Actor(null, "Lead Li");

        long forKeen = file(customer(), Locale.ENGLISH);
        tickets.change(forKeen, new TicketChange(null, null, keen.id(), false), tickets.detail(forKeen).version(), lead);
        long forQuiet = file(customer(), Locale.ENGLISH);
        tickets.change(forQuiet, new TicketChange(null, null, quiet.id(), false), tickets.detail(forQuiet).version(),
                lead);

        ReceivedMail assigned = ReceivedMail.of(smtp().awaitMails(keen.email(), 1).get(0));
        assertThat(assigned.subject()).isEqualTo("[GD-" + forKeen + "] Assigned to you: Cursor gets 401");
        assertThat(assigned.text()).contains("Lead Li").contains("https://desk.example-gw.com/desk/tickets/GD-" + forKeen);
        assertThat(assigned.header("List-Unsubscribe")).isEqualTo("<https://desk.example-gw.com/profile>");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> smtp().to(quiet.email()).isEmpty());
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Long.class,
                quiet.email())).isZero();
    }

    @Test
    void anAdminSeesSmtpOnSendsATestMailAndResendsOneThatFailed() throws Exception {
        String page = mvc.perform(get("/admin/mail").with(user("mail-admin").roles("ADMIN"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("On: 127.0.0.1:").contains("sending as " + SmtpServer.FROM)
                .doesNotContain("data-smtp-off");

        String typed = "not an address";
        mvc.perform(post("/admin/mail/test").param("to", typed).with(csrf()).with(user("mail-admin").roles("ADMIN"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("请输入一个邮箱地址")))
                .andExpect(content().string(containsString("value=\"" + typed + "\"")));

        String to = customer();
        mvc.perform(post("/admin/mail/test").param("to", to).with(csrf()).with(user("mail-admin").roles("ADMIN"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Test mail sent to " + to)));
        ReceivedMail test = ReceivedMail.of(smtp().awaitMails(to, 1).get(0));
        assertThat(test.subject()).endsWith("Test mail");
        assertThat(test.text()).contains("mail-admin").contains("outgoing mail works");

        String failing = customer();
        smtp().stop();
        try {
            mvc.perform(post("/admin/mail/test").param("to", failing).with(csrf())
                            .with(user("mail-admin").roles("ADMIN")).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("The test mail could not be sent")));
        } finally {
            smtp().start();
        }
        long id = jdbc.queryForObject("select id from mail_outbox where recipient = ?", Long.class, failing);
        assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id))
                .isEqualTo("FAILED");
        mvc.perform(get("/admin/mail").param("status", "FAILED").with(user("mail-admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/admin/mail/outbox/" + id + "/resend")));

        mvc.perform(post("/admin/mail/outbox/{id}/resend", id).param("status", "FAILED").with(csrf())
                        .with(user("mail-admin").roles("ADMIN")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/mail?status=FAILED"))
                .andExpect(flash().attribute("notice", "mail.admin.resent"));
        assertThat(smtp().awaitMails(failing, 1)).hasSize(1);
        mvc.perform(post("/admin/mail/outbox/{id}/resend", id).with(csrf()).with(user("mail-admin").roles("ADMIN")))
                .andExpect(flash().attribute("notice", "mail.admin.notFailed"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> smtp().to(failing).size() == 1);
    }

    @Test
    void aStaffMemberSwitchesAKindOffOnTheProfileAndGetsNoSuchMail() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffMember agent = users.create(new UserService.NewStaffMember("switch-" + suffix, "Switch Agent",
                "switch-" + suffix + "@example-gw.com", "switch-password-1", Set.of(Role.AGENT)));
        String profile = mvc.perform(get("/profile").with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("hx-get=\"/profile/mail\"").contains("href=\"/profile/mail\"");

        String fragment = mvc.perform(get("/profile/mail").header("HX-Request", "true")
                        .with(user(agent.username()).roles("AGENT")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("data-switch=\"ASSIGNED\"")
                .contains("data-switch=\"SLA_WARNING\"").doesNotContain("ESCALATION_ASSIGNED")
                .contains(agent.email());
        mvc.perform(get("/profile/mail").with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<html")));

        String saved = mvc.perform(post("/profile/mail").param("on", "CUSTOMER_REPLIED", "NO_SUCH_KIND")
                        .header("HX-Request", "true").with(csrf()).with(user(agent.username()).roles("AGENT"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(saved).contains("邮件设置已保存").doesNotContain("<html");
        assertThat(preferences.of(agent.id())).containsEntry(MailKind.ASSIGNED, false)
                .containsEntry(MailKind.CUSTOMER_REPLIED, true).containsEntry(MailKind.SLA_WARNING, false);
        mvc.perform(post("/profile/mail").param("on", "ASSIGNED").with(csrf())
                        .with(user(agent.username()).roles("AGENT")))
                .andExpect(redirectedUrl("/profile/mail"));
        assertThat(preferences.of(agent.id())).containsEntry(MailKind.ASSIGNED, true)
                .containsEntry(MailKind.CUSTOMER_REPLIED, false);
    }

    @Test
    void sendAndResolveSendsTheCustomerOneMail() {
        String email = customer();
        long id = file(email, Locale.ENGLISH);
        smtp().awaitMails(email, 1);

        tickets.reply(id, "Use https://api.example-gw.com/v1 as the base URL.", Visibility.PUBLIC,
                tickets.detail(id).version(), new Actor(null, "Agent Bo"), TicketStatus.RESOLVED);

        List<ReceivedMail> mails = smtp().awaitMails(email, 2).stream().map(ReceivedMail::of).toList();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp().to(email).size() == 2);
        ReceivedMail resolved = mails.stream().filter(m -> !m.subject().contains("We received")).findFirst()
                .orElseThrow();
        assertThat(resolved.subject()).isEqualTo("[GD-" + id + "] Resolved: Cursor gets 401");
        assertThat(resolved.text()).contains("Agent Bo").contains("Use https://api.example-gw.com/v1 as the base URL.");
    }

    @Test
    void anIncidentsBulkReplyAndResolutionReachEveryLinkedCustomerOnceEach() {
        String ann = customer();
        String bo = customer();
        long first = file(ann, Locale.ENGLISH);
        long second = file(bo, Locale.SIMPLIFIED_CHINESE);
        smtp().awaitMails(ann, 1);
        smtp().awaitMails(bo, 1);
        Actor agent = new Actor(null, "Agent Incident");
        long incident = incidents.create("gpt-4o 503 " + ann, "UPSTREAM_ERROR", "gpt-4o",
                List.of("GD-" + first, "GD-" + second), agent);

        incidents.reply(incident, "", "Known issue: gpt-4o answers 503 since 10:20. We are on it.", agent);
        for (String customer : List.of(ann, bo)) {
            assertThat(smtp().awaitMails(customer, 2).stream().map(ReceivedMail::of)
                    .filter(m -> m.text().contains("Known issue: gpt-4o answers 503 since 10:20.")))
                    .as("the incident update reached " + customer).hasSize(1);
        }

        incidents.resolve(incident, "Fixed upstream at 11:05; please retry.", TicketStatus.RESOLVED, agent);
        for (String customer : List.of(ann, bo)) {
            List<ReceivedMail> mails = smtp().awaitMails(customer, 3).stream().map(ReceivedMail::of).toList();
            // The resolution reply and the move to resolved are one mail, as for a single "send and resolve".
            assertThat(mails).filteredOn(m -> m.text().contains("Fixed upstream at 11:05; please retry."))
                    .hasSize(1);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> smtp().to(ann).size() == 3 && smtp().to(bo).size() == 3);
        assertThat(smtp().to(ann).stream().map(ReceivedMail::of)
                .filter(m -> m.text().contains("Fixed upstream at 11:05")).findFirst().orElseThrow().subject())
                .startsWith("[GD-" + first + "] Resolved");
    }

    @Test
    void theAssigneeIsWarnedOnceWhenAnSlaClockIsAboutToBreachUnlessSwitchedOff() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffMember keen = users.create(new UserService.NewStaffMember("sla-" + suffix, "Sla Agent",
                "sla-" + suffix + "@example-gw.com", "sla-password-1", Set.of(Role.AGENT)));
        StaffMember quiet = users.create(new UserService.NewStaffMember("slaq-" + suffix, "Quiet Sla",
                "slaq-" + suffix + "@example-gw.com", "sla-password-1", Set.of(Role.AGENT)));
        preferences.save(quiet, List.of("ASSIGNED"));
        Actor lead = new Actor(null, "Lead Li");
        long urgent = file(customer(), Locale.ENGLISH);
        tickets.change(urgent, new TicketChange(null, Priority.P1, keen.id(), false), tickets.detail(urgent).version(),
                lead);
        long muted = file(customer(), Locale.ENGLISH);
        tickets.change(muted, new TicketChange(null, Priority.P1, quiet.id(), false), tickets.detail(muted).version(),
                lead);

        assertThat(slaWarnings.warn()).isGreaterThanOrEqualTo(1);
        slaWarnings.warn();

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp().to(keen.email()).stream().map(ReceivedMail::of)
                .anyMatch(m -> m.subject().contains("SLA about to breach")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp().to(keen.email())
                .stream().map(ReceivedMail::of).filter(m -> m.subject().contains("SLA about to breach")).count() == 1);
        ReceivedMail warning = smtp().to(keen.email()).stream().map(ReceivedMail::of)
                .filter(m -> m.subject().contains("SLA about to breach")).findFirst().orElseThrow();
        assertThat(warning.subject()).isEqualTo("[GD-" + urgent + "] SLA about to breach: Cursor gets 401");
        assertThat(warning.text()).contains("UTC").contains("/desk/tickets/GD-" + urgent);
        assertThat(smtp().to(quiet.email()).stream().map(ReceivedMail::of)
                .noneMatch(m -> m.subject().contains("SLA"))).isTrue();
    }

    @Test
    void anEngineerNamedOnAnEscalationIsToldUnlessSwitchedOff() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffMember engineer = users.create(new UserService.NewStaffMember("eng-" + suffix, "Eng " + suffix,
                "eng-" + suffix + "@example-gw.com", "eng-password-12", Set.of(Role.ENGINEER)));
        long id = file(customer(), Locale.ENGLISH);

        escalations.escalate(id, new EscalationRequest("502 on every stream, see request ids", "S2",
                engineer.username()), new Actor(null, "Agent Bo"));

        ReceivedMail mail = ReceivedMail.of(smtp().awaitMails(engineer.email(), 1).get(0));
        assertThat(mail.subject()).isEqualTo("[GD-" + id + "] Escalated to you: Cursor gets 401");
        assertThat(mail.text()).contains("Agent Bo").contains("502 on every stream")
                .contains("https://desk.example-gw.com/engineering/tickets/GD-" + id);

        preferences.save(engineer, List.of());
        long quiet = file(customer(), Locale.ENGLISH);
        escalations.escalate(quiet, new EscalationRequest("Again", "S3", engineer.username()),
                new Actor(null, "Agent Bo"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> smtp().to(engineer.email()).size() == 1);
    }

    // ---- Inbound: the support mailbox over IMAP --------------------------------------------------------------------

    /** What became of the mail with {@code messageId}, once the poller has read it: outcome, reason, ticket id. */
    Map<String, Object> inbound(String messageId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_inbound where message_id = ? and outcome <> 'PROCESSING'", Long.class,
                messageId) == 1);
        return jdbc.queryForMap("select outcome, reason, ticket_id from mail_inbound where message_id = ?", messageId);
    }

    @Test
    void aReplyByMailBecomesTheCustomersMessageWithoutTheQuoteAndReopensTheTicket() {
        String email = customer();
        long id = file(email, Locale.ENGLISH);
        ReceivedMail confirmation = ReceivedMail.of(smtp().awaitMails(email, 1).get(0));
        String replyTo = confirmation.header("Reply-To");
        assertThat(replyTo).matches("support\\+gd-" + id + "-[0-9a-f]{20}@example-gw\\.com");
        tickets.change(id, new TicketChange(TicketStatus.WAITING_ON_CUSTOMER, null, null, false),
                tickets.detail(id).version(), new Actor(null, "Agent Bo"));

        String byToken = mailbox().deliver("Other Address <" + customer() + ">", replyTo, "Re: [GD-" + id + "] Cursor",
                "The request id is req-7f3a9c1e2b\n\nOn Sat, 5 Dec 2026, Support wrote:\n> We need the request id\n", null,
                Map.of());

        assertThat(inbound(byToken)).containsEntry("outcome", "REPLY");
        TicketDetail ticket = tickets.detail(id);
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        MessageView answer = ticket.messages().get(ticket.messages().size() - 1);
        assertThat(answer.fromCustomer()).isTrue();
        assertThat(answer.body()).isEqualTo("The request id is req-7f3a9c1e2b");

        String byHeader = mailbox().deliver(email, ImapMailbox.ADDRESS, "Re: your request", "Still failing.\n-- \nAnn",
                null, Map.of("In-Reply-To", confirmation.header("Message-ID")));
        assertThat(inbound(byHeader)).containsEntry("outcome", "REPLY");
        assertThat(tickets.detail(id).messages()).extracting(MessageView::body).contains("Still failing.");

        String stranger = mailbox().deliver(customer(), ImapMailbox.ADDRESS, "Re: [GD-" + id + "] Cursor",
                "Let me in", null, Map.of("In-Reply-To", "<gd-ticket-" + id + "@example-gw.com>"));
        assertThat(inbound(stranger)).containsEntry("outcome", "REJECTED");
        assertThat(tickets.detail(id).messages()).extracting(MessageView::body).doesNotContain("Let me in");
    }

    @Test
    void aNewMailBecomesATicketAsTheFormMakesOneWithThePastedKeyMaskedAndHtmlMadeText() {
        String email = customer();
        String messageId = mailbox().deliver("Ann Lee <" + email + ">", ImapMailbox.ADDRESS, "Cursor says 401",
                null, "<div><p>My key <b>" + RAW_KEY + "</b> fails with 401.</p><script>alert('x')</script>"
                        + "<p>request id req-55aa66bb77</p></div><div>-- <br>Ann Lee, Example Ltd</div>",
                Map.of());

        Map<String, Object> outcome = inbound(messageId);
        assertThat(outcome).containsEntry("outcome", "NEW_TICKET");
        TicketDetail ticket = tickets.detail(((Number) outcome.get("ticket_id")).longValue());
        assertThat(ticket.subject()).isEqualTo("Cursor says 401");
        assertThat(ticket.customerName()).isEqualTo("Ann Lee");
        assertThat(ticket.customerEmail()).isEqualTo(email);
        assertThat(ticket.description()).contains("fails with 401").contains("req-55aa66bb77")
                .contains("sk-proj-").doesNotContain(RAW_KEY).doesNotContain(RAW_KEY.substring(8, 30))
                .doesNotContain("<p>").doesNotContain("alert").doesNotContain("Example Ltd");
        assertThat(jdbc.queryForObject("select count(*) from mail_inbound where subject like ?", Long.class,
                "%" + RAW_KEY.substring(8, 30) + "%")).isZero();
        ReceivedMail confirmation = ReceivedMail.of(smtp().awaitMails(email, 1).get(0));
        assertThat(confirmation.subject()).startsWith("[" + ticket.number() + "] ");
        assertThat(confirmation.text()).doesNotContain(RAW_KEY);

        String chinese = mailbox().deliver(customer(), ImapMailbox.ADDRESS, "模型不可用",
                "调用 gpt-4o 返回 model_not_found", null, Map.of());
        TicketDetail zh = tickets.detail(((Number) inbound(chinese).get("ticket_id")).longValue());
        assertThat(zh.locale()).isEqualTo("zh-CN");
    }

    @Test
    void filesAttachedToAMailAreStoredOnTheTicketMaskedAndARefusedOneIsNamedInTheRecord() {
        String email = customer();
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("网关日志.log", ("2026-12-05 10:00:01 POST /v1/chat/completions 401 request_id=req-9f8e7d6c5b\n"
                + "Authorization: Bearer " + RAW_KEY + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put("setup.exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF});
        String messageId = mailbox().deliverWithFiles("Ann Lee <" + email + ">", "Cursor 401 with log",
                "The log is attached.", files);

        Map<String, Object> outcome = inbound(messageId);
        assertThat(outcome).containsEntry("outcome", "NEW_TICKET");
        assertThat((String) outcome.get("reason")).startsWith("files not stored: setup.exe: ");
        long ticketId = ((Number) outcome.get("ticket_id")).longValue();
        List<Map<String, Object>> stored = jdbc.queryForList(
                "select file_name, from_customer, content from attachments where ticket_id = ?", ticketId);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).containsEntry("file_name", "网关日志.log").containsEntry("from_customer", true);
        String text = new String((byte[]) stored.get(0).get("content"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("req-9f8e7d6c5b").doesNotContain(RAW_KEY)
                .doesNotContain(RAW_KEY.substring(8, 30));

        // A reply by mail brings its file to the same ticket.
        String reply = mailbox().deliverWithFiles(email, "Re: [GD-" + ticketId + "] Cursor 401 with log",
                "One more.", java.util.Map.of("second.txt", "request id req-0a1b2c3d4e".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(inbound(reply)).containsEntry("outcome", "REPLY");
        assertThat(jdbc.queryForList("select file_name from attachments where ticket_id = ? order by id",
                String.class, ticketId)).containsExactly("网关日志.log", "second.txt");
    }

    @Test
    void everyNodeShowsWhenAndByWhichNodeTheMailboxWasLastRead() throws Exception {
        String messageId = mailbox().deliver(customer(), ImapMailbox.ADDRESS, "Poll status", "Help", null, Map.of());
        inbound(messageId);
        // The poll writes its row once its pass is over, which may be a moment after the mail's own record.
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_inbound_poll where id = 1 and polled_at is not null", Long.class) == 1);
        String node = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        assertThat(jdbc.queryForObject("select node from mail_inbound_poll where id = 1", String.class))
                .isEqualTo(node);
        // The page reads that row, which every node shares, not a memory of the node that serves it.
        String page = mvc.perform(get("/admin/mail").with(user("mail-admin").roles("ADMIN"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, by node "
                + java.util.regex.Pattern.quote(node));
    }

    @Test
    void automaticMailOurOwnMailFloodsAndHugeMailsAreNotTurnedIntoTickets() throws Exception {
        String autoReply = mailbox().deliver(customer(), ImapMailbox.ADDRESS, "Out of office", "Back Monday", null,
                Map.of("Auto-Submitted", "auto-replied"));
        String bulk = mailbox().deliver(customer(), ImapMailbox.ADDRESS, "Newsletter", "Big news", null,
                Map.of("Precedence", "bulk"));
        String bounce = mailbox().deliver("MAILER-DAEMON@mx.example.net", ImapMailbox.ADDRESS, "Undeliverable",
                "Delivery failed", null, Map.of());
        String ours = mailbox().deliver(SmtpServer.FROM, ImapMailbox.ADDRESS, "[GD-1] We received your request",
                "Hello", null, Map.of());
        for (String ignored : List.of(autoReply, bulk, bounce, ours)) {
            assertThat(inbound(ignored)).containsEntry("outcome", "IGNORED").containsEntry("ticket_id", null);
        }

        String flooder = customer();
        List<String> flood = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            flood.add(mailbox().deliver(flooder, ImapMailbox.ADDRESS, "Flood " + i, "Help " + i, null, Map.of()));
            inbound(flood.get(i - 1));
        }
        assertThat(flood.subList(0, 3)).allSatisfy(id -> assertThat(inbound(id)).containsEntry("outcome", "NEW_TICKET"));
        assertThat(inbound(flood.get(3))).containsEntry("outcome", "REJECTED");
        assertThat((String) inbound(flood.get(3)).get("reason")).startsWith("rate limit");

        String huge = mailbox().deliver(customer(), ImapMailbox.ADDRESS, "Huge log", "x".repeat(100_000), null,
                Map.of());
        assertThat((String) inbound(huge).get("reason")).startsWith("too large");

        assertThat(mailbox().flaggedSubjects()).contains("Flood 4", "Huge log").doesNotContain("Flood 1");
        mvc.perform(get("/admin/mail").param("rejected", "true").with(user("mail-admin").roles("ADMIN"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Huge log")))
                .andExpect(content().string(containsString("rate limit")))
                .andExpect(content().string(containsString("On: imap://127.0.0.1:")));
    }

    @Test
    void thePurgeDeletesOldSentAndFailedMailsButKeepsPendingOnes() {
        jdbc.update("insert into mail_outbox (kind, recipient, lang, subject, message_id, status, attempts,"
                + " next_attempt_at, created_at) values ('TEST', 'old@example.com', 'en', 'old sent', '<old-sent@x>',"
                + " 'SENT', 1, ?, ?), ('TEST', 'old@example.com', 'en', 'old pending', '<old-pending@x>', 'PENDING', 0,"
                + " ?, ?)", ts(400), ts(400), ts(400), ts(400));
        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select subject from mail_outbox where recipient = 'old@example.com'",
                String.class)).containsExactly("old pending");
        jdbc.update("delete from mail_outbox where recipient = 'old@example.com'");
    }

    private static java.sql.Timestamp ts(int daysAgo) {
        return java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(daysAgo)));
    }
}
