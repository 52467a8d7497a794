package io.gatedesk.incident;

import io.gatedesk.escalation.EscalationRequest;
import io.gatedesk.escalation.EscalationService;
import io.gatedesk.escalation.FindingsRequest;
import io.gatedesk.ticket.Actor;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Incident pages, API and public notices through the real security chain, with and without HX-Request. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IncidentWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    IncidentService incidents;
    @Autowired
    EscalationService escalations;

    StaffMember agent;
    StaffMember engineer;
    String marker;
    List<TicketReceipt> filed;
    long incident;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("inc-agent-" + marker, "Ann " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        engineer = users.create(new UserService.NewStaffMember("inc-eng-" + marker, "Eve " + marker, null,
                "agent-password-1", EnumSet.of(Role.ENGINEER)));
        filed = List.of(file("a"), file("b"));
        incident = incidents.create("model-" + marker + " 503", "UPSTREAM_ERROR", "model-" + marker,
                filed.stream().map(TicketReceipt::number).toList(), Actor.of(agent));
    }

    TicketReceipt file(String who) {
        return tickets.submit(new NewTicket("503 " + who + marker, "It fails with 503", "Cust " + who,
                "c@example.com", null, null, null, "solo-" + who + marker, null, List.of(), 503, "no channel",
                null, null, null, null), Locale.ENGLISH);
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, StaffMember member, String role) {
        return request.with(user(member.username()).roles(role));
    }

    // ------------------------------------------------------------------------------------------------ roles

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void staffPagesAreForAgentsAndEngineersOnly(boolean htmx) throws Exception {
        for (String path : List.of("/desk/incidents", "/desk/incidents/" + incident, "/desk/incidents/banner")) {
            MockHttpServletRequestBuilder anonymous = get(path);
            if (htmx) {
                anonymous.header("HX-Request", "true");
            }
            mvc.perform(anonymous).andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
            MockHttpServletRequestBuilder byAgent = as(get(path), agent, "AGENT");
            MockHttpServletRequestBuilder byEngineer = as(get(path), engineer, "ENGINEER");
            if (htmx) {
                byAgent.header("HX-Request", "true");
                byEngineer.header("HX-Request", "true");
            }
            mvc.perform(byAgent).andExpect(status().isOk());
            mvc.perform(byEngineer).andExpect(status().isOk());
            mvc.perform(get(path).with(user("ingest").roles("INGEST"))).andExpect(status().isForbidden());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theIncidentPageShowsItsLinkedTicketsFiftyToAPage(boolean htmx) throws Exception {
        List<String> more = new java.util.ArrayList<>();
        for (int i = 0; i < 53; i++) {
            more.add(file("p" + i).number());
        }
        incidents.link(incident, more, Actor.of(agent));

        org.jsoup.nodes.Document first = page(0, htmx);
        assertThat(first.select("[data-linked-ticket]")).hasSize(50);
        assertThat(first.select("[data-linked-ticket]").first().attr("data-ticket")).isEqualTo(filed.get(0).number());
        assertThat(first.select(".incident-tickets h2").text()).isEqualTo("Linked tickets (55)");
        assertThat(first.select("[data-incident-pager] span").text()).isEqualTo("Page 1 of 2");
        assertThat(first.select("[data-incident-page-previous]")).isEmpty();
        assertThat(first.select("[data-incident-page-next]").attr("href"))
                .isEqualTo("/desk/incidents/" + incident + "?page=1");

        org.jsoup.nodes.Document second = page(1, htmx);
        assertThat(second.select("[data-linked-ticket]")).extracting(row -> row.attr("data-ticket"))
                .containsExactlyElementsOf(more.subList(48, 53));
        assertThat(second.select("[data-incident-page-next]")).isEmpty();
        assertThat(second.select("[data-incident-page-previous]")).hasSize(1);
        assertThat(page(99, htmx).select("[data-linked-ticket]")).hasSize(5);
    }

    org.jsoup.nodes.Document page(int page, boolean htmx) throws Exception {
        MockHttpServletRequestBuilder request = as(get("/desk/incidents/" + incident).param("page",
                String.valueOf(page)), agent, "AGENT");
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return org.jsoup.Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void everyStaffPostNeedsAStaffRoleAndRedirectsBackToThePage() throws Exception {
        String base = "/desk/incidents/" + incident;
        String[][] posts = {{base + "/confirm", ""}, {base + "/rename", "title"}, {base + "/tickets", "tickets"},
                {base + "/status", "status"}, {base + "/public", "on"}, {base + "/reply", "body"},
                {base + "/tickets/" + filed.get(0).id() + "/unlink", ""}};
        for (String[] post : posts) {
            mvc.perform(post(post[0]).with(csrf()).param("x", "1"))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
            mvc.perform(post(post[0]).with(csrf()).with(user("ingest").roles("INGEST")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(as(post(base + "/rename"), agent, "AGENT").with(csrf()).param("title", "Renamed " + marker))
                .andExpect(redirectedUrl(base));
        mvc.perform(as(post(base + "/tickets"), engineer, "ENGINEER").with(csrf())
                        .param("tickets", filed.get(0).number() + ", " + file("c").number()))
                .andExpect(redirectedUrl(base));
        mvc.perform(as(post(base + "/status"), agent, "AGENT").with(csrf()).param("status", "IDENTIFIED")
                .param("note", "Upstream confirmed")).andExpect(redirectedUrl(base));
        mvc.perform(as(post(base + "/tickets/" + filed.get(1).id() + "/unlink"), agent, "AGENT").with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(as(post(base + "/reply"), agent, "AGENT").with(csrf()))
                .andExpect(redirectedUrl(base)).andExpect(result -> assertThat(result.getFlashMap()
                        .get("incidentError")).isEqualTo("incident.error.replyEmpty"));

        IncidentDetail detail = incidents.detail(incident);
        assertThat(detail.summary().title()).isEqualTo("Renamed " + marker);
        assertThat(detail.summary().status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(detail.tickets()).extracting(IncidentDetail.LinkedTicket::number)
                .contains(filed.get(0).number()).doesNotContain(filed.get(1).number()).hasSize(2);
        assertThat(detail.updates()).extracting(IncidentDetail.Update::body).contains("Upstream confirmed");
        mvc.perform(as(get(base), agent, "AGENT")).andExpect(content().string(containsString("Renamed " + marker)))
                .andExpect(content().string(containsString("Upstream confirmed")));
    }

    @Test
    void mergeMovesTicketsAndDismissLeavesTheDesk() throws Exception {
        long other = incidents.create("Other " + marker, null, null, List.of(file("d").number()), Actor.of(agent));
        mvc.perform(as(post("/desk/incidents/" + other + "/merge"), agent, "AGENT").with(csrf())
                .param("into", String.valueOf(incident))).andExpect(redirectedUrl("/desk/incidents/" + incident));
        assertThat(incidents.detail(incident).tickets()).hasSize(3);
        assertThat(incidents.detail(other).summary().status()).isEqualTo(IncidentStatus.MERGED);
        mvc.perform(as(post("/desk/incidents/" + incident + "/merge"), agent, "AGENT").with(csrf())
                .param("into", String.valueOf(incident))).andExpect(result -> assertThat(result.getFlashMap()
                .get("incidentError")).isEqualTo("incident.error.mergeSelf"));
        mvc.perform(as(post("/desk/incidents/" + incident + "/dismiss"), agent, "AGENT").with(csrf()))
                .andExpect(redirectedUrl("/desk"));
        assertThat(incidents.detail(incident).summary().status()).isEqualTo(IncidentStatus.DISMISSED);
        mvc.perform(as(get("/desk/incidents/999999"), agent, "AGENT")).andExpect(status().isNotFound());
    }

    // ------------------------------------------------------------------------------------------------ API

    @Test
    void theApiSpeaksTheContractsFieldNames() throws Exception {
        mvc.perform(get("/api/v1/incidents")).andExpect(status().isUnauthorized());
        mvc.perform(as(get("/api/v1/incidents").param("status", "INVESTIGATING"), agent, "AGENT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + incident + ")].title").value(hasItem("model-" + marker + " 503")))
                .andExpect(jsonPath("$.items[?(@.id == " + incident + ")].status").value(hasItem("INVESTIGATING")))
                .andExpect(jsonPath("$.items[?(@.id == " + incident + ")].category").value(hasItem("UPSTREAM_ERROR")))
                .andExpect(jsonPath("$.items[?(@.id == " + incident + ")].models[0]").value(hasItem("model-" + marker)))
                .andExpect(jsonPath("$.items[?(@.id == " + incident + ")].ticketCount").value(hasItem(2)))
                .andExpect(jsonPath("$.items[?(@.id == " + incident + ")].startedAt").exists())
                .andExpect(jsonPath("$.items[?(@.id == " + incident + ")].suggested").value(hasItem(false)));
        mvc.perform(as(get("/api/v1/incidents").param("status", "bogus"), agent, "AGENT"))
                .andExpect(status().isUnprocessableContent());

        String created = mvc.perform(as(post("/api/v1/incidents"), engineer, "ENGINEER")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"By hand " + marker + "\",\"tickets\":[\"" + filed.get(0).number() + "\"]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.ticketCount").value(1))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        String api = "/api/v1/incidents/" + id;
        mvc.perform(as(post(api + "/confirm"), agent, "AGENT")).andExpect(jsonPath("$.suggested").value(false));
        mvc.perform(as(post(api + "/tickets"), agent, "AGENT").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tickets\":[\"" + filed.get(1).number() + "\"]}"))
                .andExpect(jsonPath("$.ticketCount").value(2));
        mvc.perform(as(post(api + "/tickets"), agent, "AGENT").contentType(MediaType.APPLICATION_JSON)
                .content("{\"tickets\":[\"GD-99999999\"]}")).andExpect(status().isUnprocessableContent());
        mvc.perform(as(post(api + "/replies"), agent, "AGENT").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"known-incident\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sent").value(2))
                .andExpect(jsonPath("$.skipped").isEmpty());
        mvc.perform(as(post(api + "/replies"), agent, "AGENT").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"known-incident\"}"))
                .andExpect(jsonPath("$.sent").value(0)).andExpect(jsonPath("$.skipped.length()").value(2));
        mvc.perform(as(post(api + "/resolve"), agent, "AGENT").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reply\":\"Fixed.\",\"ticketStatus\":\"WAITING_ON_CUSTOMER\"}"))
                .andExpect(jsonPath("$.sent").value(2));
        assertThat(tickets.detail(filed.get(1).id()).status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        mvc.perform(post(api + "/resolve").with(user("ingest").roles("INGEST"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(as(post("/api/v1/incidents/999999/confirm"), agent, "AGENT")).andExpect(status().isNotFound());
    }

    // ------------------------------------------------------------------------------------------------ public

    @Test
    void thePublicNoticeShowsOnlyWhileTheIncidentIsConfirmedAndPublic() throws Exception {
        String title = "model-" + marker + " 503";
        for (String page : List.of("/", "/help", "/help/diagnose", "/status", "/t/" + filed.get(0).followToken())) {
            mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(not(containsString(title))));
        }
        incidents.setPublic(incident, true, Actor.of(agent));
        for (String page : List.of("/", "/help", "/help/diagnose", "/status", "/t/" + filed.get(0).followToken())) {
            mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(containsString(title)));
        }
        mvc.perform(get("/").header("Accept-Language", "zh-CN")).andExpect(content().string(containsString("已知问题")));
        mvc.perform(get("/api/v1/status")).andExpect(status().isOk())
                .andExpect(jsonPath("$.current[?(@.id == " + incident + ")].title").value(hasItem(title)));

        incidents.resolve(incident, null, TicketStatus.RESOLVED, Actor.of(agent));
        mvc.perform(get("/")).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/status")).andExpect(content().string(containsString(title)));
        mvc.perform(get("/api/v1/status"))
                .andExpect(jsonPath("$.recent[?(@.id == " + incident + ")].title").value(hasItem(title)));
    }

    @Test
    void theFollowPageShowsTheIncidentItsTicketIsLinkedToFirstAndSaysSo() throws Exception {
        String other = "Other outage " + marker;
        long unrelated = incidents.create(other, null, null, List.of(), Actor.of(agent));
        incidents.setPublic(unrelated, true, Actor.of(agent));
        incidents.setPublic(incident, true, Actor.of(agent));
        TicketReceipt outsider = file("outsider");

        org.jsoup.nodes.Document linked = org.jsoup.Jsoup.parse(mvc.perform(get("/t/" + filed.get(0).followToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var notices = linked.select("[data-incident-notice]");
        assertThat(notices.first().text()).contains("model-" + marker + " 503",
                "Your ticket is linked to this incident.");
        assertThat(notices.select("[data-incident-notice-yours]")).hasSize(1);
        assertThat(notices.text()).contains(other);

        String outsiderPage = mvc.perform(get("/t/" + outsider.followToken()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(outsiderPage).contains(other, "model-" + marker + " 503").doesNotContain("您的工单已关联到此事件");
        assertThat(mvc.perform(get("/t/" + filed.get(0).followToken()).header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString()).contains("您的工单已关联到此事件");
        incidents.resolve(unrelated, null, TicketStatus.RESOLVED, Actor.of(agent));
    }

    @Test
    void aSuggestedIncidentIsNeverPublic() throws Exception {
        long suggested = incidents.create("Suggested " + marker, null, null, List.of(), Actor.of(agent));
        incidents.setPublic(suggested, true, Actor.of(agent));
        // created by hand is confirmed; a public notice needs it confirmed, so this one shows
        mvc.perform(get("/status")).andExpect(content().string(containsString("Suggested " + marker)));
        mvc.perform(get("/api/v1/status")).andExpect(header().string("Content-Type", containsString("json")));
    }

    // ------------------------------------------------------------------------------------------------ engineering case

    static final String IDENTIFIED_ZH = "已定位";

    org.jsoup.nodes.Document incidentPage(StaffMember member, String role, String language) throws Exception {
        return org.jsoup.Jsoup.parse(mvc.perform(as(get("/desk/incidents/" + incident), member, role)
                        .header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void anIncidentPointsAtAnEscalatedTicketAndShowsHowFarEngineeringHasGot() throws Exception {
        TicketReceipt escalated = file("esc");
        escalations.escalate(escalated.id(), new EscalationRequest("Channel 7 answers 503 for every key", "S2",
                engineer.username()), Actor.of(agent));
        incidents.link(incident, List.of(escalated.number()), Actor.of(agent));
        assertThat(incidentPage(agent, "AGENT", "en").select("#incident-case-candidates option").eachAttr("value"))
                .containsExactly(escalated.number());

        mvc.perform(as(post("/desk/incidents/" + incident + "/escalation"), agent, "AGENT").with(csrf())
                        .param("ticket", escalated.number().toLowerCase(Locale.ROOT)))
                .andExpect(redirectedUrl("/desk/incidents/" + incident));
        escalations.recordFindings(escalated.id(), new FindingsRequest("UPSTREAM_PROVIDER",
                "The provider rate-limits channel 7 since 10:20.", "Moved traffic to channel 9.",
                "Please retry now.", "HAND_BACK"), Actor.of(engineer));

        org.jsoup.nodes.Document page = incidentPage(agent, "AGENT", "en");
        assertThat(page.select("[data-incident-case-ticket] a").attr("href"))
                .isEqualTo("/engineering/tickets/" + escalated.number());
        assertThat(page.select("[data-incident-case-status]").text()).isEqualTo("Handed back");
        assertThat(page.select("[data-incident-case-summary]").text())
                .isEqualTo("The provider rate-limits channel 7 since 10:20.");
        assertThat(page.select(".incident-timeline li").text())
                .contains("Engineering case " + escalated.number() + " linked");
        // The timeline GateDesk writes reads in the reader's language.
        assertThat(incidentPage(engineer, "ENGINEER", "zh-CN").select(".incident-timeline li").text())
                .contains("已关联工程案例 " + escalated.number()).contains("已创建").doesNotContain("Opened");

        mvc.perform(as(get("/api/v1/incidents/" + incident + "/escalation"), engineer, "ENGINEER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ticket").value(escalated.number()))
                .andExpect(jsonPath("$.latest.status").value("HANDED_BACK"))
                .andExpect(jsonPath("$.latest.findings.rootCause").value("UPSTREAM_PROVIDER"));

        mvc.perform(as(post("/desk/incidents/" + incident + "/escalation/unlink"), engineer, "ENGINEER").with(csrf()))
                .andExpect(redirectedUrl("/desk/incidents/" + incident));
        assertThat(incidentPage(agent, "AGENT", "en").select("[data-incident-case-ticket]")).isEmpty();
        mvc.perform(as(get("/api/v1/incidents/" + incident + "/escalation"), agent, "AGENT"))
                .andExpect(jsonPath("$.ticket").doesNotExist());
    }

    @Test
    void onlyAnEscalatedTicketCanBeTheCaseAndTheAgentIsToldWhyInTheirLanguage() throws Exception {
        String never = filed.get(0).number();
        mvc.perform(as(post("/desk/incidents/" + incident + "/escalation"), agent, "AGENT").with(csrf())
                        .param("ticket", never))
                .andExpect(redirectedUrl("/desk/incidents/" + incident))
                .andExpect(result -> assertThat(result.getFlashMap().get("incidentError"))
                        .isEqualTo("incident.error.notEscalated"));
        mvc.perform(as(post("/desk/incidents/" + incident + "/escalation"), agent, "AGENT").with(csrf())
                        .param("ticket", "GD-999999999"))
                .andExpect(result -> assertThat(result.getFlashMap().get("incidentError"))
                        .isEqualTo("incident.error.unknownTicket"));
        mvc.perform(as(post("/desk/incidents/" + incident + "/escalation"), agent, "AGENT").with(csrf()))
                .andExpect(result -> assertThat(result.getFlashMap().get("incidentError"))
                        .isEqualTo("incident.error.unknownTicket"));
        mvc.perform(as(put("/api/v1/incidents/" + incident + "/escalation"), agent, "AGENT")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"" + never + "\"}")
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.message").value(containsString("从未升级")));
        mvc.perform(as(put("/api/v1/incidents/" + incident + "/escalation"), agent, "AGENT")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\": 42}"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(400, 422));
        mvc.perform(as(put("/api/v1/incidents/999999999/escalation"), agent, "AGENT")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"" + never + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/incidents/" + incident + "/escalation"), agent, "AGENT"))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/incidents/" + incident + "/escalation").with(user("ingest").roles("INGEST"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"" + never + "\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMergedIncidentHandsItsCaseToTheOneKept() throws Exception {
        TicketReceipt escalated = file("merge");
        escalations.escalate(escalated.id(), new EscalationRequest("Timeouts from one channel", "S3", ""),
                Actor.of(agent));
        long other = incidents.create("other " + marker, "UPSTREAM_ERROR", null, List.of(), Actor.of(agent));
        mvc.perform(as(put("/api/v1/incidents/" + other + "/escalation"), agent, "AGENT")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"" + escalated.number() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.latest.status").value("OPEN"));
        incidents.merge(other, incident, Actor.of(agent));
        mvc.perform(as(get("/api/v1/incidents/" + incident + "/escalation"), agent, "AGENT"))
                .andExpect(jsonPath("$.ticket").value(escalated.number()));
    }

    @Test
    void theTicketPageAndTheCasePageSayWhichIncidentATicketBelongsTo() throws Exception {
        TicketReceipt escalated = file("panel");
        escalations.escalate(escalated.id(), new EscalationRequest("Channel down", "S1", ""), Actor.of(agent));
        incidents.link(incident, List.of(escalated.number()), Actor.of(agent));
        String ticketPage = mvc.perform(as(get("/desk/tickets/" + escalated.number()), agent, "AGENT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ticketPage).contains("/desk/tickets/" + escalated.number() + "/incidents");
        String casePage = mvc.perform(as(get("/engineering/tickets/" + escalated.number()), engineer, "ENGINEER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("/desk/tickets/" + escalated.number() + "/incidents");

        org.jsoup.nodes.Document panel = org.jsoup.Jsoup.parse(mvc.perform(as(get("/desk/tickets/"
                        + escalated.number() + "/incidents"), engineer, "ENGINEER").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(panel.select("[data-incident-membership]").attr("data-incident-id"))
                .isEqualTo(String.valueOf(incident));
        assertThat(panel.select("[data-incident-panel]").hasAttr("hidden")).isFalse();
        assertThat(panel.text()).contains("Part of an incident:").contains("3 tickets");

        incidents.update(incident, IncidentStatus.IDENTIFIED, "", Actor.of(agent));
        mvc.perform(as(put("/api/v1/incidents/" + incident + "/escalation"), agent, "AGENT")
                .contentType(MediaType.APPLICATION_JSON).content("{\"ticket\":\"" + escalated.number() + "\"}"));
        org.jsoup.nodes.Document asCase = org.jsoup.Jsoup.parse(mvc.perform(as(get("/desk/tickets/"
                        + escalated.number() + "/incidents"), engineer, "ENGINEER").header("HX-Request", "true")
                        .header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString());
        assertThat(asCase.text()).contains("事故的工程案例").contains(IDENTIFIED_ZH);

        // A ticket in no incident gets an empty, hidden panel; without htmx the address leads to the ticket.
        org.jsoup.nodes.Document none = org.jsoup.Jsoup.parse(mvc.perform(as(get("/desk/tickets/"
                        + file("alone").number() + "/incidents"), agent, "AGENT").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(none.select("[data-incident-panel]").hasAttr("hidden")).isTrue();
        assertThat(none.select("[data-incident-membership]")).isEmpty();
        mvc.perform(as(get("/desk/tickets/" + escalated.number() + "/incidents"), agent, "AGENT"))
                .andExpect(redirectedUrl("/desk/tickets/" + escalated.number()));
        mvc.perform(as(get("/desk/tickets/GD-999999999/incidents"), agent, "AGENT").header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(as(get("/desk/tickets/GD-999999999/incidents"), agent, "AGENT"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/desk/tickets/" + escalated.number() + "/incidents").header("HX-Request", "true"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
    }
}
