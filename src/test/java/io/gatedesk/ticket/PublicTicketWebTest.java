package io.gatedesk.ticket;

import io.gatedesk.support.CookieJar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The customer's side: the public form, the confirmation and the follow link, without any login. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicTicketWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void formShowsEveryEvidenceFieldWithHelp() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String field : List.of("subject", "description", "customerName", "customerEmail", "client",
                "clientVersion", "baseUrl", "model", "maskedKey", "requestIds", "statusCode", "errorMessage",
                "requestTime", "requestTimeZone", "stream", "callerType")) {
            assertThat(page).as(field).contains("name=\"" + field + "\"");
        }
        assertThat(page).contains("X-Oneapi-Request-Id", "Cherry Studio", "OpenAI Node SDK", "High-cost job");
    }

    @Test
    void filingATicketShowsItsNumberAndAPrivateFollowLinkOnce() throws Exception {
        String subject = "Cursor 401 " + UUID.randomUUID();
        CookieJar visitor = new CookieJar();
        mvc.perform(post("/").with(visitor).with(csrf())
                        .param("subject", subject).param("description", "Since 9:00")
                        .param("customerName", "Ann").param("customerEmail", "ann@example.com")
                        .param("client", "CURSOR").param("statusCode", "401").param("stream", "yes")
                        .param("requestIds", "20241128093015123456789012345678\nchatcmpl-9xYz")
                        .param("requestTime", "2024-11-28T09:30").param("requestTimeZone", "Asia/Shanghai")
                        .param("callerType", "PRODUCTION"))
                .andExpect(redirectedUrl("/submitted")).andDo(visitor);

        MvcResult confirmation = mvc.perform(get("/submitted").with(visitor))
                .andExpect(status().isOk()).andReturn();
        String page = confirmation.getResponse().getContentAsString();
        assertThat(page).containsPattern("GD-\\d+");
        String token = page.replaceAll("(?s).*?/t/([A-Za-z0-9_-]{43}).*", "$1");
        assertThat(token).hasSize(43);

        mvc.perform(get("/t/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString(subject)));
        mvc.perform(get("/submitted")).andExpect(redirectedUrl("/"));
    }

    @Test
    void findingsTheBrowserReportsAreAuditedButAForgedOneCarryingAKeyIsDropped() throws Exception {
        String subject = "Masked in the browser " + UUID.randomUUID();
        String fingerprint = "a".repeat(64);
        String fullKey = "sk-" + "Zq9".repeat(16);
        mvc.perform(post("/").with(csrf())
                        .param("subject", subject).param("description", "My key was sk-abcd…wxyz")
                        .param("customerName", "Ann").param("customerEmail", "ann@example.com")
                        .param("maskedEarlier", "GATEWAY_KEY|sk-abcd…wxyz|" + fingerprint)
                        .param("maskedEarlier", "GATEWAY_KEY|" + fullKey + "|" + "b".repeat(64))
                        .param("maskedEarlier", "NOT_A_KIND|sk-abcd…wxyz|" + "c".repeat(64)))
                .andExpect(redirectedUrl("/submitted"));

        Long id = jdbc.queryForObject("SELECT id FROM tickets WHERE subject = ?", Long.class, subject);
        List<String> audit = jdbc.queryForList("SELECT detail FROM ticket_events WHERE ticket_id = ? AND action = ?",
                String.class, id, TicketAction.SECRET_MASKED.name());
        assertThat(audit).containsExactly("GATEWAY_KEY sk-abcd…wxyz sha256:" + fingerprint);
        assertThat(jdbc.queryForList("SELECT detail FROM ticket_events WHERE detail IS NOT NULL", String.class))
                .noneMatch(detail -> detail.contains(fullKey));
    }

    @Test
    void invalidSubmissionComesBackInTheCustomersLanguageWithEverythingTyped() throws Exception {
        Integer before = jdbc.queryForObject("SELECT count(*) FROM tickets", Integer.class);
        String page = mvc.perform(post("/").with(csrf()).header("Accept-Language", "zh-CN,zh;q=0.9")
                        .param("subject", "").param("description", "流式输出到一半就断了")
                        .param("customerName", "王伟").param("customerEmail", "not-an-email")
                        .param("statusCode", "四百零一").param("requestTime", "yesterday")
                        .param("baseUrl", "https://api.example.com/v1/v1"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请填写工单标题", "邮箱地址格式不正确", "状态码是一个数字", "请填写日期和时间",
                "流式输出到一半就断了", "王伟", "value=\"四百零一\"", "value=\"yesterday\"", "https://api.example.com/v1/v1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets", Integer.class)).isEqualTo(before);
    }

    @Test
    void hostileMarkupIsShownAsTextNeverAsMarkup() throws Exception {
        TicketReceipt receipt = tickets.submit(new NewTicket("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                "<b>Eve</b>", "eve@example.com", null, null, null, null, null, List.of(), null, null, null, null, null,
                null), Locale.ENGLISH);
        String page = mvc.perform(get("/t/" + receipt.followToken())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert(1)</script>", "<img src=x").contains("&lt;script&gt;");
    }

    @Test
    void followPageNeverShowsInternalNotesAndAnAnswerReopens() throws Exception {
        TicketReceipt receipt = tickets.submit(new NewTicket("Notes", "Hidden notes test", "Cy", "cy@example.com",
                null, null, null, null, null, List.of(), null, null, null, null, null, null), Locale.ENGLISH);
        tickets.addStaffMessage(receipt.id(), "Visible answer", Visibility.PUBLIC, null, new Actor(null, "Agent"));
        tickets.addStaffMessage(receipt.id(), "Secret internal musing", Visibility.INTERNAL, null, new Actor(null, "Agent"));
        tickets.change(receipt.id(), new TicketChange(TicketStatus.RESOLVED, null, null, false),
                tickets.detail(receipt.id()).version(), new Actor(null, "Agent"));

        mvc.perform(get("/t/" + receipt.followToken())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Visible answer")))
                .andExpect(content().string(not(containsString("Secret internal musing"))));

        mvc.perform(post("/t/" + receipt.followToken() + "/reply").with(csrf()).param("body", "Still failing"))
                .andExpect(redirectedUrl("/t/" + receipt.followToken()));
        assertThat(tickets.detail(receipt.id()).status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void emptyAnswerKeepsThePageAndSaysWhy() throws Exception {
        TicketReceipt receipt = tickets.submit(new NewTicket("Empty answer", "x", "Di", "di@example.com", null, null,
                null, null, null, List.of(), null, null, null, null, null, null), Locale.ENGLISH);
        mvc.perform(post("/t/" + receipt.followToken() + "/reply").with(csrf()).param("body", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Please write something before sending")));
    }

    @Test
    void unknownFollowLinkIsAFriendlyNotFound() throws Exception {
        mvc.perform(get("/t/not-a-real-token")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link is not valid")));
    }

    @Test
    void languageFollowsTheBrowserAndTheSwitchIsRemembered() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "zh-TW,zh;q=0.9"))
                .andExpect(content().string(containsString("请告诉我们出了什么问题")));
        var switched = mvc.perform(get("/").param("lang", "en").header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("Tell us what went wrong")))
                .andReturn().getResponse().getCookie("gatedesk-lang");
        assertThat(switched).isNotNull();
        mvc.perform(get("/").cookie(switched).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("Tell us what went wrong")));
        mvc.perform(get("/").header("Accept-Language", "fr-FR"))
                .andExpect(content().string(containsString("Tell us what went wrong")));
    }
}
