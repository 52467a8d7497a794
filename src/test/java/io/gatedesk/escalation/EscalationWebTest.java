package io.gatedesk.escalation;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The escalation loop through the real security chain: the ticket page's panel, the engineer queue, the bundle, the
 * findings, and the JSON API, each htmx view with and without {@code HX-Request}, each endpoint for every role.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EscalationWebTest {

    static final String PASSWORD = "escalation-password-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    EscalationService escalations;

    StaffMember agent;
    StaffMember engineer;
    StaffMember admin;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = staff("agent", Role.AGENT);
        engineer = staff("eng", Role.ENGINEER);
        admin = staff("admin", Role.ADMIN);
    }

    StaffMember staff(String kind, Role role) {
        return users.create(new UserService.NewStaffMember(kind + "-" + marker, kind + " " + marker, null, PASSWORD,
                EnumSet.of(role)));
    }

    TicketReceipt file(String subject) {
        return tickets.submit(new NewTicket(subject, "Details " + marker, "Bob", "bob@example.com",
                ClientApp.OPENAI_PYTHON, "1.52", "https://api.example.com/v1", "gpt-4o", null,
                List.of("req-" + marker), 502, "upstream_error: bad gateway", null, null, true,
                CallerType.PRODUCTION), Locale.ENGLISH);
    }

    MockHttpServletRequestBuilder as(StaffMember member, MockHttpServletRequestBuilder request, boolean htmx) {
        request.with(user(member.username()).roles(member.roles().iterator().next().name()));
        return htmx ? request.header("HX-Request", "true") : request;
    }

    MockHttpServletRequestBuilder api(StaffMember member, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(member.username(), PASSWORD));
    }

    void escalate(TicketReceipt ticket) {
        escalations.escalate(ticket.id(), new EscalationRequest("Channel 7 returns 502 " + marker, "S2", null),
                new io.gatedesk.ticket.Actor(agent.id(), agent.displayName()));
    }

    // ------------------------------------------------------------------------------------------------ escalate

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void agentEscalatesFromTheTicketPageWithReasonAndSeverity(boolean htmx) throws Exception {
        TicketReceipt ticket = file("Escalate " + marker);

        String panel = mvc.perform(as(agent, get("/desk/tickets/" + ticket.number() + "/escalation"), htmx))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("data-escalate", "name=\"reason\"", "S1 · Outage for many customers");
        assertThat(panel.contains("<html")).isEqualTo(!htmx);

        var result = mvc.perform(as(agent, post("/desk/tickets/" + ticket.number() + "/escalation"), htmx).with(csrf())
                .param("reason", "Only channel 7 fails " + marker).param("severity", "S2")
                .param("engineer", engineer.username()));
        if (htmx) {
            result.andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "escalationChanged"))
                    .andExpect(content().string(containsString("data-escalated")))
                    .andExpect(content().string(containsString("Only channel 7 fails " + marker)));
        } else {
            result.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/desk/tickets/" + ticket.number()));
        }
        var detail = tickets.detail(ticket.id());
        assertThat(detail.status()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(detail.events()).anyMatch(e -> e.action().name().equals("ESCALATED")
                && e.detail().contains("S2") && e.detail().contains(engineer.displayName()));
        EscalationView latest = escalations.latest(ticket.id()).orElseThrow();
        assertThat(latest.engineer()).isEqualTo(engineer.displayName());
        assertThat(latest.severity()).isEqualTo(Severity.S2);
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void aMissingReasonIsRefusedAndWhatWasTypedIsKept(boolean htmx) throws Exception {
        TicketReceipt ticket = file("No reason " + marker);
        String page = mvc.perform(as(agent, post("/desk/tickets/" + ticket.number() + "/escalation"), htmx)
                        .with(csrf()).param("reason", "   ").param("severity", "S9").param("engineer", "nobody"))
                .andExpect(status().is(htmx ? 200 : 422)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Please say why you escalate", "Please choose a severity",
                "That engineer does not exist");
        assertThat(tickets.detail(ticket.id()).status()).isEqualTo(TicketStatus.NEW);
        assertThat(escalations.latest(ticket.id())).isEmpty();
    }

    @Test
    void aKeyPastedIntoTheReasonIsMaskedBeforeItIsStored() throws Exception {
        TicketReceipt ticket = file("Key in reason " + marker);
        String raw = io.gatedesk.secret.SampleKeys.newApi(new java.util.SplittableRandom(14)).secret();
        mvc.perform(as(agent, post("/desk/tickets/" + ticket.number() + "/escalation"), false).with(csrf())
                .param("reason", "customer key " + raw).param("severity", "S3"))
                .andExpect(status().is3xxRedirection());
        assertThat(escalations.latest(ticket.id()).orElseThrow().reason()).doesNotContain(raw).contains("…");
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void escalatingAgainWhileEscalatedIsRefusedWithAClearMessage(boolean htmx) throws Exception {
        TicketReceipt ticket = file("Twice " + marker);
        escalate(ticket);
        mvc.perform(as(agent, post("/desk/tickets/" + ticket.number() + "/escalation"), htmx).with(csrf())
                        .param("reason", "again").param("severity", "S1"))
                .andExpect(status().is(htmx ? 200 : 409))
                .andExpect(content().string(containsString("already escalated")));
        assertThat(escalations.rounds(ticket.id())).hasSize(1);
    }

    @Test
    void theCustomerSeesOnlyThatTheTicketIsWithOurEngineers() throws Exception {
        TicketReceipt ticket = file("Follow " + marker);
        escalate(ticket);
        String follow = mvc.perform(get("/t/" + ticket.followToken())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(follow).contains("With our engineers");
        // The page without its random parts (CSRF token, script nonces, the follow token in its links), which can
        // hold "S2" by chance (about one page in forty did), so that only what the page says about the case is read.
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(follow);
        page.select("meta[name=_csrf], input[name=_csrf]").remove();
        page.select("[nonce]").removeAttr("nonce");
        String withoutRandomParts = page.html().replace(ticket.followToken(), "");
        assertThat(withoutRandomParts).contains("With our engineers").doesNotContain("Channel 7 returns 502", "S2");
    }

    @Test
    void anEngineerLandsOnTheEngineerQueueAfterLoginAgentsAndAdminsOnTheDesk() throws Exception {
        mvc.perform(formLogin("/login").user(engineer.username()).password(PASSWORD))
                .andExpect(redirectedUrl("/engineering"));
        mvc.perform(formLogin("/login").user(agent.username()).password(PASSWORD)).andExpect(redirectedUrl("/desk"));
        mvc.perform(formLogin("/login").user(admin.username()).password(PASSWORD)).andExpect(redirectedUrl("/desk"));
    }

    // ------------------------------------------------------------------------------------------------ API

    @Test
    void apiEscalationAnswers201Then409AndA422WithoutReason() throws Exception {
        TicketReceipt ticket = file("Api " + marker);
        String url = "/api/v1/tickets/" + ticket.number() + "/escalation";
        mvc.perform(api(agent, post(url)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"severity\":\"S1\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.error.fields[0].field").value("reason"));
        mvc.perform(api(agent, post(url)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Many customers 503 " + marker + "\",\"severity\":\"S1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.severity").value("S1"))
                .andExpect(jsonPath("$.reason").value("Many customers 503 " + marker))
                .andExpect(jsonPath("$.escalatedAt").isString());
        mvc.perform(api(agent, post(url)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"again\",\"severity\":\"S1\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error.code").value("ALREADY_ESCALATED"));
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\",\"severity\":\"S1\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(api(agent, post("/api/v1/tickets/GD-999999/escalation")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\",\"severity\":\"S1\"}")).andExpect(status().isNotFound());
    }

    @Test
    void apiListsEscalationsByStatusSeverityAndEngineer() throws Exception {
        TicketReceipt ticket = file("List " + marker);
        escalate(ticket);
        escalations.assign(ticket.id(), new io.gatedesk.ticket.Actor(engineer.id(), engineer.displayName()));
        for (StaffMember member : List.of(agent, engineer, admin)) {
            mvc.perform(api(member, get("/api/v1/escalations").param("status", "OPEN").param("severity", "S2")
                            .param("engineer", engineer.username())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].ticket").value(ticket.number()))
                    .andExpect(jsonPath("$.items[0].severity").value("S2"))
                    .andExpect(jsonPath("$.items[0].status").value("OPEN"))
                    .andExpect(jsonPath("$.items[0].escalatedAt").isString())
                    .andExpect(jsonPath("$.items.length()").value(1));
        }
        mvc.perform(get("/api/v1/escalations")).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyEngineersAndAdminsWriteFindingsThroughTheApi() throws Exception {
        TicketReceipt ticket = file("Findings api " + marker);
        escalate(ticket);
        String url = "/api/v1/tickets/" + ticket.number() + "/findings";
        String body = "{\"rootCause\":\"UPSTREAM_PROVIDER\",\"summary\":\"Provider outage " + marker
                + "\",\"suggestedReply\":\"Fixed now\",\"outcome\":\"HAND_BACK\"}";
        mvc.perform(api(agent, post(url)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(api(engineer, post(url)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rootCause\":\"NOPE\",\"outcome\":\"HAND_BACK\"}"))
                .andExpect(status().is(422));
        mvc.perform(api(engineer, post(url)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("HANDED_BACK"))
                .andExpect(jsonPath("$.findings.rootCause").value("UPSTREAM_PROVIDER"));
        mvc.perform(api(admin, post(url)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
        assertThat(tickets.detail(ticket.id()).status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void bundleJsonAndMarkdownForEveryStaffRole() throws Exception {
        TicketReceipt ticket = file("Bundle api " + marker);
        escalate(ticket);
        for (StaffMember member : List.of(agent, engineer, admin)) {
            mvc.perform(api(member, get("/api/v1/tickets/" + ticket.number() + "/bundle")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ticket").value(ticket.number()))
                    .andExpect(jsonPath("$.reproduction").value(containsString("$GATEWAY_API_KEY")))
                    .andExpect(jsonPath("$.requestIds[0]").value("req-" + marker));
            mvc.perform(api(member, get("/api/v1/tickets/" + ticket.number() + "/bundle.md")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", containsString("text/markdown")))
                    .andExpect(content().string(containsString("# " + ticket.number())));
        }
        mvc.perform(get("/api/v1/tickets/" + ticket.number() + "/bundle")).andExpect(status().isUnauthorized());
        TicketReceipt never = file("Never escalated " + marker);
        mvc.perform(api(agent, get("/api/v1/tickets/" + never.number() + "/bundle"))).andExpect(status().isNotFound());
    }

    // ------------------------------------------------------------------------------------------------ engineering

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void engineerQueueFiltersBySeverityAndShowsClocks(boolean htmx) throws Exception {
        TicketReceipt s2 = file("Queue S2 " + marker);
        escalate(s2);
        TicketReceipt s4 = file("Queue S4 " + marker);
        escalations.escalate(s4.id(), new EscalationRequest("question " + marker, "S4", null),
                new io.gatedesk.ticket.Actor(agent.id(), agent.displayName()));

        String page = mvc.perform(as(engineer, get("/engineering").param("severity", "S2").param("model", "gpt-4o"),
                        htmx)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Queue S2 " + marker, "data-clock=\"first-look\"", "data-assign-to-me")
                .doesNotContain("Queue S4 " + marker);
        assertThat(page.contains("<html")).isEqualTo(!htmx);
        assertThat(page).contains("id=\"engineering-results\"");
    }

    @Test
    void agentsMayViewTheQueueButNotTakeCasesOrWriteFindings() throws Exception {
        TicketReceipt ticket = file("Agent view " + marker);
        escalate(ticket);
        String page = mvc.perform(as(agent, get("/engineering"), false)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Agent view " + marker).doesNotContain("data-assign-to-me");
        mvc.perform(as(agent, post("/engineering/tickets/" + ticket.number() + "/assign"), false).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(as(agent, post("/engineering/tickets/" + ticket.number() + "/findings"), false).with(csrf())
                .param("rootCause", "UNKNOWN").param("summary", "x").param("outcome", "RESOLVE"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/engineering")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/engineering").header("HX-Request", "true")).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void anEngineerTakesACaseFromTheQueue(boolean htmx) throws Exception {
        TicketReceipt ticket = file("Take " + marker);
        escalate(ticket);
        var result = mvc.perform(as(engineer, post("/engineering/tickets/" + ticket.number() + "/assign"), htmx)
                .with(csrf()).param("from", "status=OPEN&sort=SEVERITY"));
        if (htmx) {
            result.andExpect(status().isOk()).andExpect(content().string(containsString(engineer.displayName())));
        } else {
            result.andExpect(status().is3xxRedirection());
        }
        EscalationView taken = escalations.latest(ticket.id()).orElseThrow();
        assertThat(taken.engineer()).isEqualTo(engineer.displayName());
        assertThat(taken.firstLookAt()).isNotNull();
    }

    @Test
    void bundlePageShowsEvidenceReproductionAndTimelineAndStopsTheFirstLookClock() throws Exception {
        TicketReceipt ticket = file("Bundle page " + marker);
        escalate(ticket);
        String page = mvc.perform(as(engineer, get("/engineering/tickets/" + ticket.number()), false))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Channel 7 returns 502 " + marker, "$GATEWAY_API_KEY",
                "https://api.example.com/v1/chat/completions", "req-" + marker, "data-bundle-timeline",
                "data-time-zone", "data-findings-form", "escalated to engineering");
        assertThat(escalations.latest(ticket.id()).orElseThrow().firstLookAt()).isNotNull();

        var download = mvc.perform(as(agent, get("/engineering/tickets/" + ticket.number() + "/bundle.md"), false))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse();
        assertThat(download.getContentType()).startsWith("text/markdown");
        assertThat(download.getContentAsString()).contains("```bash", "$GATEWAY_API_KEY");
        mvc.perform(as(agent, get("/engineering/tickets/GD-999999"), false)).andExpect(status().isNotFound());
    }

    @Test
    void findingsFromTheBundlePageHandTheTicketBackAndTheAgentInsertsTheSuggestedReply() throws Exception {
        TicketReceipt ticket = file("Hand back " + marker);
        escalate(ticket);
        mvc.perform(as(engineer, post("/engineering/tickets/" + ticket.number() + "/findings"), false).with(csrf())
                        .param("rootCause", "").param("summary", "kept text " + marker).param("outcome", "HAND_BACK"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Please choose a root cause")))
                .andExpect(content().string(containsString("kept text " + marker)));
        mvc.perform(as(engineer, post("/engineering/tickets/" + ticket.number() + "/findings"), false).with(csrf())
                        .param("rootCause", "GATEWAY_OR_CHANNEL").param("summary", "Channel 7 was down " + marker)
                        .param("actions", "Disabled channel 7").param("suggestedReply", "We fixed a channel " + marker)
                        .param("outcome", "HAND_BACK"))
                .andExpect(status().is3xxRedirection());
        assertThat(tickets.detail(ticket.id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(escalations.withUnreadFindings(List.of(ticket.id()))).containsExactly(ticket.id());
        String queue = mvc.perform(as(agent, get("/desk").param("q", ticket.number()), false))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("data-row-mark", "New findings from engineering");

        String panel = mvc.perform(as(agent, get("/desk/tickets/" + ticket.number() + "/escalation"), true))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("data-findings", "Channel 7 was down " + marker, "Gateway or channel",
                "data-insert-suggested-reply");
        assertThat(escalations.withUnreadFindings(List.of(ticket.id()))).isEmpty();
        assertThat(mvc.perform(as(agent, get("/desk").param("q", ticket.number()), true))
                .andReturn().getResponse().getContentAsString()).contains(ticket.number()).doesNotContain("data-row-mark");

        String inserted = mvc.perform(as(agent, post("/desk/tickets/" + ticket.number()
                        + "/escalation/insert-reply"), true).with(csrf()).param("body", "Hello,"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inserted).contains("hx-swap-oob=\"true\"", "Hello,\n\nWe fixed a channel " + marker);
        String page = mvc.perform(as(agent, post("/desk/tickets/" + ticket.number() + "/escalation/insert-reply"),
                        false).with(csrf()).param("body", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html", "We fixed a channel " + marker);

        // A second round keeps its own reason; the first keeps its findings.
        escalations.escalate(ticket.id(), new EscalationRequest("Still failing " + marker, "S1", null),
                new io.gatedesk.ticket.Actor(agent.id(), agent.displayName()));
        List<EscalationView> rounds = escalations.rounds(ticket.id());
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).findings().summary()).isEqualTo("Channel 7 was down " + marker);
        assertThat(rounds.get(1).reason()).isEqualTo("Still failing " + marker);
        assertThat(rounds.get(1).findings()).isNull();
    }

    @Test
    void resolvingWithFindingsResolvesTheTicket() throws Exception {
        TicketReceipt ticket = file("Resolve " + marker);
        escalate(ticket);
        mvc.perform(as(admin, post("/engineering/tickets/" + ticket.number() + "/findings"), false).with(csrf())
                        .param("rootCause", "CUSTOMER_CONFIGURATION").param("summary", "Wrong base URL")
                        .param("outcome", "RESOLVE"))
                .andExpect(status().is3xxRedirection());
        assertThat(tickets.detail(ticket.id()).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(escalations.latest(ticket.id()).orElseThrow().status()).isEqualTo(EscalationStatus.RESOLVED);
    }
    @Test
    void aTicketSetToEscalatedByTheStatusListReachesTheQueueAndMovingItBackWithdrawsTheRound() throws Exception {
        TicketReceipt ticket = file("Status list " + marker);
        mvc.perform(as(agent, post("/desk/tickets/" + ticket.number() + "/changes"), false).with(csrf())
                        .param("status", "ESCALATED").param("version", String.valueOf(tickets.detail(ticket.id()).version())))
                .andExpect(status().is3xxRedirection());
        EscalationView round = escalations.latest(ticket.id()).orElseThrow();
        assertThat(round.status()).isEqualTo(EscalationStatus.OPEN);
        assertThat(round.severity()).isEqualTo(Severity.S3);
        assertThat(round.reason()).contains(agent.displayName()).contains("without the escalation form");
        mvc.perform(as(engineer, get("/engineering"), false))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Status list " + marker)));

        mvc.perform(as(agent, post("/desk/tickets/" + ticket.number() + "/changes"), false).with(csrf())
                        .param("status", "OPEN").param("version", String.valueOf(tickets.detail(ticket.id()).version())))
                .andExpect(status().is3xxRedirection());
        assertThat(escalations.latest(ticket.id()).orElseThrow().status()).isEqualTo(EscalationStatus.WITHDRAWN);
        mvc.perform(as(engineer, get("/engineering"), false))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Status list " + marker))));

        // Escalating with the form afterwards opens round 2; the form's own move adds no round of its own.
        escalate(ticket);
        assertThat(escalations.rounds(ticket.id())).extracting(EscalationView::status)
                .containsExactly(EscalationStatus.WITHDRAWN, EscalationStatus.OPEN);
    }
}
