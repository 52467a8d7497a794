package io.gatedesk.mail;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.NewTicket;
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

    abstract SmtpServer smtp();

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
}
