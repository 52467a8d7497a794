package io.gatedesk.answer;

import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.secret.SampleKeys;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Short answers on the desk, in the API and on the admin pages, through the real security chain. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AnswerWebTest {

    static final SampleKeys.Sample KEY = SampleKeys.oneApi(new java.util.SplittableRandom(6));
    static final String FULL_KEY = KEY.written();

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    AnswerService answers;
    @Autowired
    ChecklistService checklists;
    @Autowired
    LogImportService logs;

    StaffMember agent;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("answers-" + marker, "Ann <i>Agent</i> " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
    }

    /** A wrong-base-URL ticket from Cursor with no request ID, key, status code or time. */
    TicketReceipt wrongBaseUrl(String customer, Locale locale) {
        return tickets.submit(new NewTicket("Cursor fails " + marker, "It says unexpected token '<' " + marker,
                customer, "bob@example.com", ClientApp.CURSOR, null, "https://api.example.com", "gpt-4o", null,
                List.of(), null, "Invalid URL (POST /v1/v1/chat/completions)", null, null, false,
                CallerType.TEST), locale);
    }

    MockHttpServletRequestBuilder asAgent(MockHttpServletRequestBuilder request, boolean htmx) {
        request.with(user(agent.username()).roles("AGENT"));
        return htmx ? request.header("HX-Request", "true") : request;
    }

    ShortAnswer seeded(String key, String language) {
        return answers.find(key, language).orElseThrow();
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void panelSuggestsTheCategorysAnswersInTheCustomersLanguageFirst(boolean htmx) throws Exception {
        TicketReceipt receipt = wrongBaseUrl("王先生", Locale.SIMPLIFIED_CHINESE);

        String html = mvc.perform(asAgent(get("/desk/tickets/" + receipt.number() + "/answers"), htmx))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        var items = page.select("[data-answer-key]");
        assertThat(items.first().attr("data-answer-key")).isEqualTo("wrong-base-url");
        assertThat(items.first().attr("data-answer-language")).isEqualTo("zh-CN");
        assertThat(items.eachAttr("data-answer-key")).contains("request-missing-evidence", "key-exposed-rotate")
                .doesNotContain("invalid-key", "rate-limited");
        int lastChinese = items.eachAttr("data-answer-language").lastIndexOf("zh-CN");
        int firstEnglish = items.eachAttr("data-answer-language").indexOf("en");
        assertThat(lastChinese).isLessThan(firstEnglish);
        assertThat(page.select("[data-missing-evidence]").text()).contains("Request IDs", "Masked API key")
                .doesNotContain("Model");
        assertThat(page.select("[data-checklist-progress]").text()).isEqualTo("0 of 4 done");
        assertThat(html.contains("<html")).isEqualTo(!htmx);
    }

    @Test
    void theTicketPageIncludesThePanelOnce() throws Exception {
        TicketReceipt receipt = wrongBaseUrl("Bob", Locale.ENGLISH);
        String html = mvc.perform(asAgent(get("/desk/tickets/" + receipt.number()), false))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#answers-panel[hx-get]").attr("hx-get"))
                .isEqualTo("/desk/tickets/" + receipt.number() + "/answers");
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void previewEscapesHtmlInValues(boolean htmx) throws Exception {
        TicketReceipt receipt = wrongBaseUrl("<b>Bob</b>", Locale.ENGLISH);
        ShortAnswer answer = seeded("wrong-base-url", "en");

        String html = mvc.perform(asAgent(get("/desk/tickets/" + receipt.number() + "/answers/" + answer.id()
                        + "/preview"), htmx))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Hi &lt;b&gt;Bob&lt;/b&gt;,", "Ann &lt;i&gt;Agent&lt;/i&gt;",
                "https://api.example.com/v1").doesNotContain("<b>Bob</b>", "<i>Agent</i>");
        assertThat(html.contains("<html")).isEqualTo(!htmx);
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void insertAppendsTheFilledAnswerToTheDraftAndCountsTheUse(boolean htmx) throws Exception {
        TicketReceipt receipt = wrongBaseUrl("<b>Bob</b>", Locale.ENGLISH);
        ShortAnswer answer = seeded("wrong-base-url", "en");
        long before = answers.usesOf(answer.id(), agent.id());

        String html = mvc.perform(asAgent(post("/desk/tickets/" + receipt.number() + "/answers/" + answer.id()
                        + "/insert"), htmx).with(csrf()).param("body", "Thanks for waiting, " + FULL_KEY + "\n"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        String reply = page.select("textarea#reply-body").first().wholeText();
        assertThat(reply).startsWith("Thanks for waiting, sk-").contains("\n\nHi <b>Bob</b>,")
                .contains("please enter exactly:\n\nhttps://api.example.com/v1\n").doesNotContain(FULL_KEY);
        assertThat(html).doesNotContain(FULL_KEY);
        assertThat(page.select("textarea#reply-body").hasAttr("hx-swap-oob")).isEqualTo(htmx);
        assertThat(html.contains("<html")).isEqualTo(!htmx);
        assertThat(answers.usesOf(answer.id(), agent.id())).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void insertIsRefusedNamingThePlaceholdersThisTicketCannotFill(boolean htmx) throws Exception {
        TicketReceipt receipt = wrongBaseUrl("Bob", Locale.ENGLISH);
        ShortAnswer answer = seeded("upstream-error", "en");

        String html = mvc.perform(asAgent(post("/desk/tickets/" + receipt.number() + "/answers/" + answer.id()
                        + "/insert"), htmx).with(csrf()).header("Accept-Language", "zh-CN").param("body", "My draft"))
                .andExpect(status().is(htmx ? 200 : 422)).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("[data-unresolved]").text()).contains("无法插入", "{{log.statusCode}}", "{{log.time}}",
                "{{log.errorMessage}}");
        if (htmx) {
            assertThat(page.select("textarea")).isEmpty();
        } else {
            assertThat(page.select("textarea#reply-body").first().wholeText()).isEqualTo("My draft");
        }
        assertThat(answers.usesOf(answer.id(), agent.id())).isZero();
    }

    @Test
    void missingEvidenceAnswerAsksExactlyForWhatTheTicketLacksAndNeverForAFullKey() throws Exception {
        TicketReceipt receipt = wrongBaseUrl("Bob", Locale.ENGLISH);

        String text = mvc.perform(post("/api/v1/answers/request-missing-evidence/render")
                        .with(user(agent.username()).roles("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticket\":\"" + receipt.number() + "\",\"lang\":\"en\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(text).contains("- Request IDs: From the error message", "- Masked API key: Only the start",
                "- HTTP status code: ", "- Request time: ").contains("Never the full key")
                .doesNotContain("- Model:", "- Client:", "- Base URL:");

        String zh = mvc.perform(post("/api/v1/answers/request-missing-evidence/render")
                        .with(user(agent.username()).roles("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticket\":\"" + receipt.number() + "\",\"lang\":\"zh-CN\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("- 请求 ID：", "- 脱敏后的 API Key：").doesNotContain("- 模型：");
    }

    @Test
    void everyPlaceholderIsFilledFromTheTicketTheAgentTheSiteAndTheBestLogMatch() throws Exception {
        String requestId = "2031050110000012345678" + String.valueOf(Math.abs(UUID.randomUUID()
                .getMostSignificantBits())).substring(0, 8);
        logs.ingest(new ByteArrayInputStream(("{\"source\":\"answer-test\",\"request_id\":\"" + requestId
                + "\",\"created_at\":\"2031-05-01T10:00:00Z\",\"log_type\":\"error\",\"model\":\"gpt-4o\","
                + "\"status_code\":503,\"error_message\":\"<b>overloaded</b>\"}\n")
                .getBytes(StandardCharsets.UTF_8)), "test");
        TicketReceipt receipt = tickets.submit(new NewTicket("Overloaded " + marker, "Key " + FULL_KEY + " fails",
                "Bob", "bob@example.com", ClientApp.NEXTCHAT, null, "https://api.example.com/v1", "gpt-4o", null,
                List.of(requestId), 503, "overloaded", LocalDateTime.of(2031, 5, 1, 10, 0), "UTC", true,
                CallerType.PRODUCTION), Locale.ENGLISH);
        StringBuilder body = new StringBuilder();
        for (Placeholder placeholder : Placeholder.values()) {
            if (placeholder != Placeholder.MISSING_FIELDS) {
                body.append(placeholder.token()).append("=[{{").append(placeholder.token()).append("}}]\n");
            }
        }
        ShortAnswer all = answers.create(new AnswerForm("all-" + marker, "en", "All", "", body.toString()), "test");

        Rendering rendering = answers.render(all, receipt.id(), "Ann");

        assertThat(rendering.unresolved()).isEmpty();
        assertThat(rendering.text()).contains("ticket.number=[" + receipt.number() + "]", "ticket.model=[gpt-4o]",
                "ticket.requestId=[" + requestId + "]", "ticket.baseUrl=[https://api.example.com/v1]",
                "ticket.client=[NextChat]", "customer.name=[Bob]", "agent.name=[Ann]", "site.name=[GateDesk]",
                "site.apiBaseUrl=[https://api.example.com/v1]", "expected.baseUrl=[https://api.example.com]",
                "log.statusCode=[503]", "log.errorMessage=[<b>overloaded</b>]", "log.time=[2031-05-01 10:00:00 UTC]")
                .contains("ticket.maskedKey=[" + KEY.expectedMask() + "]").doesNotContain(FULL_KEY);
        // Nothing is missing, so the missing-evidence answer has nothing to ask and is refused.
        assertThat(answers.render(seeded("request-missing-evidence", "en"), receipt.id(), "Ann").unresolved())
                .containsExactly("missing.fields");
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void tickingAChecklistItemIsSavedAuditedAndShownInTheQueue(boolean htmx) throws Exception {
        TicketReceipt receipt = wrongBaseUrl("Bob", Locale.ENGLISH);
        TicketChecklist checklist = checklists.forTicket(receipt.id(), "en");
        assertThat(checklist.category()).isEqualTo("WRONG_BASE_URL");
        long itemId = checklist.items().get(1).id();

        var result = mvc.perform(asAgent(post("/desk/tickets/" + receipt.number() + "/checklist/" + itemId), htmx)
                .with(csrf()).param("done", "true"));
        if (htmx) {
            result.andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-progress=\"1/4\"")));
        } else {
            result.andExpect(status().is3xxRedirection());
        }

        assertThat(checklists.forTicket(receipt.id(), "en").items().get(1).done()).isTrue();
        assertThat(tickets.detail(receipt.id()).events()).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo(TicketAction.CHECKLIST_UPDATED);
            // The history says what was ticked, in words, not the item's key.
            assertThat(event.detail()).isEqualTo("✓ " + checklist.items().get(1).text());
        });
        String queue = mvc.perform(asAgent(get("/desk").param("q", "Cursor fails " + marker), true))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(queue).select("[data-checklist]").text()).isEqualTo("1/4");
    }

    @Test
    void apiListsAnswersByCategoryAndLanguageForStaffOnly() throws Exception {
        mvc.perform(get("/api/v1/answers")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/answers").param("category", "WRONG_BASE_URL").param("lang", "zh-CN")
                        .with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].key").value("wrong-base-url"))
                .andExpect(jsonPath("$[0].language").value("zh-CN"))
                .andExpect(jsonPath("$[0].body").value(containsString("{{expected.baseUrl}}")));
        mvc.perform(get("/api/v1/answers").param("category", "general").param("lang", "en")
                        .with(user(agent.username()).roles("AGENT")))
                .andExpect(jsonPath("$[*].key").value(org.hamcrest.Matchers.hasItems("known-incident",
                        "key-exposed-rotate", "request-missing-evidence")));
    }

    @Test
    void apiRendersOrNamesTheUnresolvedPlaceholdersWith422() throws Exception {
        TicketReceipt receipt = wrongBaseUrl("<b>Bob</b>", Locale.ENGLISH);

        mvc.perform(post("/api/v1/answers/wrong-base-url/render").with(user(agent.username()).roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"" + receipt.number() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.text").value(containsString("Hi <b>Bob</b>,")));
        mvc.perform(post("/api/v1/answers/upstream-error/render").with(user(agent.username()).roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"" + receipt.number() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("PLACEHOLDER_UNRESOLVED"))
                .andExpect(jsonPath("$.error.message").value(containsString("{{log.statusCode}}")))
                .andExpect(jsonPath("$.error.placeholders").value(org.hamcrest.Matchers.contains("log.statusCode",
                        "log.time", "log.errorMessage")));
        mvc.perform(post("/api/v1/answers/upstream-error/render").with(user(agent.username()).roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"GD-999999999\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error.code").value("TICKET_NOT_FOUND"));
        mvc.perform(post("/api/v1/answers/no-such-answer/render").with(user(agent.username()).roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"" + receipt.number() + "\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error.code").value("ANSWER_NOT_FOUND"));
    }

    @Test
    void adminsCreateEditAndRetireAnswersAndEveryEditIsAVersion() throws Exception {
        StaffMember admin = users.create(new UserService.NewStaffMember("answer-admin-" + marker, "Ada", null,
                "admin-password-1", EnumSet.of(Role.ADMIN)));
        mvc.perform(get("/admin/answers").with(user(agent.username()).roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/answers").with(user(admin.username()).roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("wrong-base-url")));

        mvc.perform(post("/admin/answers").with(user(admin.username()).roles("ADMIN")).with(csrf())
                        .param("key", "bad key").param("language", "en").param("title", "T")
                        .param("category", "").param("body", "Hi {{customer.nmae}}"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Unknown placeholders: {{customer.nmae}}")))
                .andExpect(content().string(containsString("Hi {{customer.nmae}}")));

        String key = "refund-" + marker;
        mvc.perform(post("/admin/answers").with(user(admin.username()).roles("ADMIN")).with(csrf())
                        .param("key", key).param("language", "en").param("title", "Refund")
                        .param("category", "INSUFFICIENT_QUOTA").param("body", "Hi {{customer.name}}, refunded."))
                .andExpect(status().is3xxRedirection());
        ShortAnswer created = answers.find(key, "en").orElseThrow();
        mvc.perform(post("/admin/answers/" + created.id()).with(user(admin.username()).roles("ADMIN")).with(csrf())
                        .param("title", "Refund done").param("category", "INSUFFICIENT_QUOTA")
                        .param("body", "Hi {{customer.name}}, we refunded it.").param("version", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/answers/" + created.id()).with(user(admin.username()).roles("ADMIN")).with(csrf())
                        .param("title", "Stale").param("category", "").param("body", "Stale edit")
                        .param("version", "1"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Stale edit")));
        mvc.perform(post("/admin/answers/" + created.id() + "/retire").with(user(admin.username()).roles("ADMIN"))
                .with(csrf()).param("retired", "true")).andExpect(status().is3xxRedirection());

        ShortAnswer after = answers.find(created.id());
        assertThat(after.title()).isEqualTo("Refund done");
        assertThat(after.retired()).isTrue();
        assertThat(answers.versions(created.id())).extracting(ShortAnswerVersion::changeKind)
                .containsExactly("RETIRED", "EDITED", "CREATED");
        assertThat(answers.list("INSUFFICIENT_QUOTA", "en")).extracting(ShortAnswer::key).doesNotContain(key);
        mvc.perform(get("/admin/answers/" + created.id()).with(user(admin.username()).roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Hi {{customer.name}}, refunded.")));
    }

    @Test
    void desksAndAdminPagesAreForStaffOnly() throws Exception {
        mvc.perform(get("/desk/tickets/GD-1/answers")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/tickets/GD-1/answers/1/insert").with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(asAgent(get("/desk/tickets/GD-999999999/answers"), true)).andExpect(status().isNotFound());
    }

    @Test
    void usesAreCountedPerAgent() {
        TicketReceipt receipt = wrongBaseUrl("Bob", Locale.ENGLISH);
        ShortAnswer answer = seeded("wrong-base-url", "en");
        answers.insert(answer.id(), receipt.id(), new Actor(agent.id(), agent.displayName()));
        assertThat(answers.usageByAgent()).anySatisfy(count -> {
            assertThat(count.label()).isEqualTo(agent.displayName());
            assertThat(count.count()).isEqualTo(1);
        });
    }
}
