package io.gatedesk.triage;

import io.gatedesk.secret.SampleKeys;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Triage through the real security chain: rules admin, the ticket panel and override, the queue, the diagnose API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TriageWebTest {

    static final String RAW_KEY = SampleKeys.oneApi(new SplittableRandom(5)).written();

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    TriageService triage;
    @Autowired
    UserService users;

    StaffMember agent;
    StaffMember admin;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("tri-" + marker, "Tri " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        admin = users.create(new UserService.NewStaffMember("adm-" + marker, "Adm " + marker, null,
                "admin-password-1", EnumSet.of(Role.ADMIN)));
    }

    TicketReceipt file(String description, Integer status, String error, String baseUrl, CallerType callerType) {
        return tickets.submit(new NewTicket(description + " " + marker, description + " " + marker, "Ann", "ann@example.com",
                ClientApp.CURSOR, null, baseUrl, "gpt-4o", null, List.of(), status, error, null, null, false,
                callerType), Locale.ENGLISH);
    }

    MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(user(admin.username()).roles("ADMIN"));
    }

    MockHttpServletRequestBuilder asAgent(MockHttpServletRequestBuilder request, boolean htmx) {
        request.with(user(agent.username()).roles("AGENT"));
        return htmx ? request.header("HX-Request", "true") : request;
    }

    @Test
    void rulesPageIsForAdminsAndListsTheSeededRulesByCategory() throws Exception {
        mvc.perform(get("/admin/rules").with(user(agent.username()).roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(asAdmin(get("/admin/rules")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-category=\"INSUFFICIENT_QUOTA\"")))
                .andExpect(content().string(containsString("quota.error-code")))
                .andExpect(content().string(containsString("href=\"/admin/rules\"")));
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void testBoxShowsCategoryConfidenceAndReasonsAndNeverEchoesAKey(boolean htmx) throws Exception {
        var request = asAdmin(post("/admin/rules/test")).with(csrf())
                .param("text", "Cursor fails with this key: " + RAW_KEY)
                .param("errorMessage", "openai.RateLimitError: Error code: 429 - You exceeded your current quota")
                .param("statusCode", "429").param("baseUrl", "https://api.example.com/v1").param("client", "curl");
        String page = mvc.perform(htmx ? request.header("HX-Request", "true") : request)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-category=\"INSUFFICIENT_QUOTA\"", "exceeded your current quota",
                "quota.gateway-message-en", "was masked");
        assertThat(page).doesNotContain(RAW_KEY);
        assertThat(page.contains("<html")).isEqualTo(!htmx);
    }

    @Test
    void testBoxReportsABadStatusCodeInsteadOfFailing() throws Exception {
        mvc.perform(asAdmin(post("/admin/rules/test")).with(csrf()).header("HX-Request", "true")
                        .param("text", "something").param("statusCode", "4o4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("between 100 and 599")));
    }

    @Test
    void aBadRegexIsExplainedInTheAdminsLanguageAndWhatTheyTypedIsKept() throws Exception {
        mvc.perform(asAdmin(post("/admin/rules")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("id", "test.bad-" + marker).param("category", "RATE_LIMITED")
                        .param("kind", "MESSAGE_PATTERN").param("value", "too many (requests")
                        .param("weight", "4").param("description", "Bad regex"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("这不是有效的正则表达式")))
                .andExpect(content().string(containsString("too many (requests")));
        mvc.perform(asAdmin(post("/admin/rules")).with(csrf())
                        .param("id", "Bad Id").param("category", "OTHER").param("kind", "STATUS_CODE")
                        .param("value", "42, 429").param("weight", "eleven").param("description", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("lower-case letters")))
                .andExpect(content().string(containsString("&quot;42&quot; is not a status code")))
                .andExpect(content().string(containsString("greater than 0")))
                .andExpect(content().string(containsString("Please say why")));
    }

    @Test
    void anAdminCreatesEditsAndDisablesARuleAndEveryVersionIsKept() throws Exception {
        String id = "test.marker-" + marker;
        String word = "zq" + marker + "wobble";
        mvc.perform(asAdmin(post("/admin/rules")).with(csrf()).param("id", id).param("category", "UPSTREAM_ERROR")
                        .param("kind", "MESSAGE_PATTERN").param("value", word).param("weight", "6")
                        .param("description", "Test rule"))
                .andExpect(redirectedUrl("/admin/rules/" + id));
        assertThat(triage.classify(TriageInput.ofText("we see " + word)).category())
                .isEqualTo(ErrorCategory.UPSTREAM_ERROR);

        mvc.perform(asAdmin(post("/admin/rules/" + id)).with(csrf()).param("category", "UPSTREAM_TIMEOUT")
                        .param("kind", "MESSAGE_PATTERN").param("value", word).param("weight", "6")
                        .param("description", "Test rule, moved").param("version", "0"))
                .andExpect(redirectedUrl("/admin/rules/" + id));
        assertThat(triage.classify(TriageInput.ofText("we see " + word)).category())
                .isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT);

        mvc.perform(asAdmin(post("/admin/rules/" + id + "/enabled")).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl("/admin/rules/" + id));
        assertThat(triage.classify(TriageInput.ofText("we see " + word)).category()).isEqualTo(ErrorCategory.OTHER);

        String page = mvc.perform(asAdmin(get("/admin/rules/" + id))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-version=\"1\"", "data-version=\"2\"", "data-version=\"3\"", "created",
                "edited", "disabled", "Adm " + marker, "Test rule, moved");

        mvc.perform(asAdmin(post("/admin/rules/" + id)).with(csrf()).param("category", "UPSTREAM_TIMEOUT")
                        .param("kind", "MESSAGE_PATTERN").param("value", word + "x").param("weight", "6")
                        .param("description", "Stale").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString(word + "x")));
        mvc.perform(asAdmin(get("/admin/rules/no.such-rule"))).andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void ticketPanelShowsTheInferredCategoryWithReasons(boolean htmx) throws Exception {
        TicketReceipt receipt = file("Cursor keeps failing", 404, "Invalid URL (POST /v1/v1/chat/completions)",
                "https://api.example.com/v1/v1", CallerType.PRODUCTION);

        String ticketPage = mvc.perform(asAgent(get("/desk/tickets/" + receipt.number()), false))
                .andReturn().getResponse().getContentAsString();
        assertThat(ticketPage).contains("hx-get=\"/desk/tickets/" + receipt.number() + "/triage\"");

        String panel = mvc.perform(asAgent(get("/desk/tickets/" + receipt.number() + "/triage"), htmx))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("data-category=\"WRONG_BASE_URL\"", "Wrong base URL", "/v1/v1", "id=\"triage-panel\"");
        assertThat(panel.contains("<html")).isEqualTo(!htmx);
    }

    @Test
    void anAgentOverrideIsAuditedAndSurvivesLaterEvidence() throws Exception {
        TicketReceipt receipt = file("Getting 429 all the time", 429, "Rate limit reached for requests", null,
                CallerType.TEST);
        assertThat(triage.forTicket(receipt.id()).category()).isEqualTo(ErrorCategory.RATE_LIMITED);

        mvc.perform(asAgent(post("/desk/tickets/" + receipt.number() + "/triage"), true).with(csrf())
                        .param("category", "INSUFFICIENT_QUOTA"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "categoryChanged"))
                .andExpect(content().string(containsString("data-overridden")));

        tickets.customerReply(receipt.followToken(), "Still 429: rate_limit_exceeded, Too Many Requests");
        TicketTriage after = triage.forTicket(receipt.id());
        assertThat(after.category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(after.overridden()).isTrue();
        assertThat(after.inferredCategory()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(tickets.detail(receipt.id()).events()).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo(TicketAction.CATEGORY_OVERRIDDEN);
            assertThat(event.actorName()).isEqualTo(agent.displayName());
            assertThat(event.detail()).isEqualTo("RATE_LIMITED → INSUFFICIENT_QUOTA");
        });
        assertThat(queueRow(receipt).category()).isEqualTo("INSUFFICIENT_QUOTA");

        mvc.perform(asAgent(post("/desk/tickets/" + receipt.number() + "/triage"), false).with(csrf())
                        .param("category", "AUTO"))
                .andExpect(redirectedUrl("/desk/tickets/" + receipt.number()));
        assertThat(triage.forTicket(receipt.id()).category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    }

    @Test
    void priorityFollowsTheCategoryUntilAnAgentSetsIt() {
        TicketReceipt receipt = file("Our production bot is down", 503, "当前分组 default 下对于模型 gpt-4o 无可用渠道",
                null, CallerType.PRODUCTION);
        assertThat(tickets.detail(receipt.id()).priority()).isEqualTo(Priority.P1);
        assertThat(tickets.detail(receipt.id()).events()).extracting(e -> e.action())
                .contains(TicketAction.PRIORITY_SUGGESTED);

        Actor actor = new Actor(agent.id(), agent.displayName());
        tickets.change(receipt.id(), new io.gatedesk.ticket.TicketChange(null, Priority.P3, null, false),
                tickets.detail(receipt.id()).version(), actor);
        tickets.addStaffMessage(receipt.id(), "Upstream 502 bad gateway from the channel", Visibility.INTERNAL, null,
                actor);
        assertThat(tickets.detail(receipt.id()).priority()).isEqualTo(Priority.P3);
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void queueShowsCategoryBadgesFiltersAndCounts(boolean htmx) throws Exception {
        file("Key rejected", 401, "无效的令牌", null, CallerType.PERSONAL);
        file("Key rejected again", 401, "Invalid token", null, CallerType.PERSONAL);
        file("Context", 400, "This model's maximum context length is 128000 tokens", null, CallerType.TEST);

        String all = mvc.perform(asAgent(get("/desk").param("q", marker), htmx)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains("data-category=\"INVALID_KEY\"", "data-category=\"CONTEXT_LENGTH\"", "Invalid key",
                "<strong>2</strong>", "<strong>1</strong>");
        assertThat(all.contains("<html")).isEqualTo(!htmx);

        mvc.perform(asAgent(get("/desk").param("q", marker).param("category", "CONTEXT_LENGTH"), htmx))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Context " + marker)))
                .andExpect(content().string(not(containsString("Key rejected"))));

        var counts = tickets.categoryCounts(new QueueFilter("all", null, null, marker, null, 0), agent.id());
        assertThat(counts).extracting(c -> c.category() + "=" + c.count())
                .containsExactly("INVALID_KEY=2", "CONTEXT_LENGTH=1");
    }

    @Test
    void diagnoseApiIsPublicAndClassifiesWithReasonsAndALocalizedName() throws Exception {
        mvc.perform(post("/api/v1/diagnose").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
                        .content("""
                                {"statusCode":401,"errorMessage":"该令牌额度已用尽 (request id: 2025)","client":"Cursor"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("INSUFFICIENT_QUOTA"))
                .andExpect(jsonPath("$.categoryName").value("余额或额度不足"))
                .andExpect(jsonPath("$.confidence").isNumber())
                .andExpect(jsonPath("$.reasons[0].ruleId").value("quota.gateway-message-zh"))
                .andExpect(jsonPath("$.reasons[0].matched").value("额度已用尽"));
        mvc.perform(post("/api/v1/diagnose").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("OTHER"))
                .andExpect(jsonPath("$.reasons").isEmpty());
    }

    @Test
    void aKeyPastedIntoTheDiagnoseApiIsNeverEchoedBack() throws Exception {
        String response = mvc.perform(post("/api/v1/diagnose").contentType(MediaType.APPLICATION_JSON).content("""
                        {"text":"curl -H 'Authorization: Bearer %s' gives 401 Incorrect API key provided: %s",
                         "errorMessage":"invalid_api_key %s"}""".formatted(RAW_KEY, RAW_KEY, RAW_KEY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("INVALID_KEY"))
                .andExpect(jsonPath("$.maskedSecrets[0].masked").exists())
                .andReturn().getResponse().getContentAsString();
        assertThat(response).doesNotContain(RAW_KEY).doesNotContain(RAW_KEY.substring(3, 30));
    }

    @Test
    void badJsonIsA400JsonError() throws Exception {
        mvc.perform(post("/api/v1/diagnose").contentType(MediaType.APPLICATION_JSON).content("{\"statusCode\": 4"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("MALFORMED_REQUEST"));
        mvc.perform(post("/api/v1/diagnose").contentType(MediaType.APPLICATION_JSON).content("{\"statusCode\":\"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").exists());
    }

    private QueueRow queueRow(TicketReceipt receipt) {
        return tickets.queue(new QueueFilter("all", null, null, receipt.number(), null, 0), agent.id())
                .getContent().stream().filter(row -> row.id() == receipt.id()).findFirst().orElseThrow();
    }
}
