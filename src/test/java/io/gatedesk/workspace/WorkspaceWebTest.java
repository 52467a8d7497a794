package io.gatedesk.workspace;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.Actor;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bulk actions, saved views and tags through the real security chain, as pages, as htmx fragments and as JSON. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WorkspaceWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;

    StaffMember agent;
    StaffMember admin;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("ws-" + marker, "Agent " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        admin = users.create(new UserService.NewStaffMember("wsa-" + marker, "Admin " + marker, null,
                "admin-password-1", EnumSet.of(Role.ADMIN)));
    }

    TicketReceipt file(String subject, String model) {
        return tickets.submit(new NewTicket(subject, "Details " + marker, "Bob", "bob@example.com", ClientApp.CURSOR,
                null, "https://api.example.com", model, null, List.of(), 404, "not found", null, null, false,
                CallerType.TEST), Locale.ENGLISH);
    }

    MockHttpServletRequestBuilder as(StaffMember member, String role, MockHttpServletRequestBuilder request,
                                     boolean htmx) {
        request.with(user(member.username()).roles(role)).with(csrf());
        return htmx ? request.header("HX-Request", "true") : request;
    }

    String pick(TicketReceipt receipt) {
        return receipt.id() + ":" + tickets.detail(receipt.id()).version();
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void agentAssignsAndTagsSelectedTicketsEachWithItsOwnAuditLine(boolean htmx) throws Exception {
        TicketReceipt a = file("Bulk A " + marker, "gpt-4o");
        TicketReceipt b = file("Bulk B " + marker, "gpt-4o");

        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), htmx).param("ticket", pick(a), pick(b))
                        .param("assignee", "me").param("status", "OPEN").param("addTags", "Billing, vip-" + marker))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 of 2 tickets updated")))
                .andExpect(htmx ? header().string("HX-Trigger", "bulkDone") : header().doesNotExist("HX-Trigger"))
                .andExpect(htmx ? content().string(not(containsString("<html")))
                        : content().string(containsString("<html")));

        for (TicketReceipt receipt : List.of(a, b)) {
            TicketDetail detail = tickets.detail(receipt.id());
            assertThat(detail.assigneeId()).isEqualTo(agent.id());
            assertThat(detail.status()).isEqualTo(TicketStatus.OPEN);
            assertThat(detail.events()).extracting(e -> e.action().name()).contains("ASSIGNED", "STATUS_CHANGED", "TAGGED");
            assertThat(tickets.tagsOf(List.of(receipt.id())).get(receipt.id())).containsExactly("billing", "vip-" + marker);
        }
    }

    @Test
    void aTicketChangedSinceTheAgentSawItIsSkippedAndReportedNotOverwritten() throws Exception {
        TicketReceipt seen = file("Seen " + marker, "gpt-4o");
        TicketReceipt moved = file("Moved " + marker, "gpt-4o");
        String stale = pick(moved);
        tickets.change(moved.id(), new TicketChange(TicketStatus.WAITING_ON_CUSTOMER, null, null, false),
                tickets.detail(moved.id()).version(), new Actor(admin.id(), admin.displayName()));

        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), true).param("ticket", pick(seen), stale)
                        .param("status", "RESOLVED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 of 2 tickets updated")))
                .andExpect(content().string(containsString("data-bulk-conflicted")))
                .andExpect(content().string(containsString(moved.number())));

        assertThat(tickets.detail(seen.id()).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.detail(moved.id()).status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
    }

    @Test
    void aShortAnswerIsSentWhereItsPlaceholdersFillAndRefusedWhereOneHasNoValue() throws Exception {
        TicketReceipt withModel = file("Has model " + marker, "gpt-4o-" + marker);
        TicketReceipt withoutModel = file("No model " + marker, null);

        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), true)
                        .param("ticket", pick(withModel), pick(withoutModel)).param("answer", "model-not-available"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 of 2 tickets updated")))
                .andExpect(content().string(containsString("{{ticket.model}}")))
                .andExpect(content().string(containsString(withoutModel.number())));

        assertThat(tickets.detail(withModel.id()).messages()).anySatisfy(m -> assertThat(m.body()).contains("gpt-4o-" + marker));
        assertThat(tickets.detail(withoutModel.id()).messages()).noneMatch(m -> !m.fromCustomer());
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void aBulkActionWithNothingToDoSaysSoInTheAgentsLanguage(boolean htmx) throws Exception {
        TicketReceipt a = file("Nothing " + marker, "gpt-4o");
        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), htmx).param("ticket", pick(a)))
                .andExpect(status().is(htmx ? 200 : 422))
                .andExpect(content().string(containsString("Choose what to do")));
        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), htmx).param("ticket", pick(a)).param("status", "OPEN")
                        .header("Accept-Language", "zh-CN").param("addTags", "sk-proj-" + "a".repeat(40)))
                .andExpect(content().string(containsString("API 密钥")));
        assertThat(tickets.tagsOf(List.of(a.id()))).isEmpty();
    }

    @Test
    void selectAllMatchingActsOnEveryTicketOfTheView() throws Exception {
        String tag = "m-" + marker;
        TicketReceipt a = file("Matching A " + marker, "gpt-4o");
        TicketReceipt b = file("Matching B " + marker, "gpt-4o");
        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), true).param("ticket", pick(a), pick(b)).param("addTags", tag))
                .andExpect(status().isOk());

        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), true).param("matching", "status=active&tag=" + tag)
                        .param("priority", "P1"))
                .andExpect(content().string(containsString("2 of 2 tickets updated")));
        assertThat(tickets.detail(a.id()).priority().name()).isEqualTo("P1");
        assertThat(tickets.detail(b.id()).priority().name()).isEqualTo("P1");
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void theQueueFiltersByTagAndShowsTagChipsAndTheBulkControls(boolean htmx) throws Exception {
        String tag = "t-" + marker;
        TicketReceipt tagged = file("Tagged " + marker, "gpt-4o");
        TicketReceipt other = file("Untagged " + marker, "gpt-4o");
        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), true).param("ticket", pick(tagged)).param("addTags", tag))
                .andExpect(status().isOk());

        mvc.perform(as(agent, "AGENT", get("/desk").param("tag", tag), htmx))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tagged.number())))
                .andExpect(content().string(not(containsString(other.number()))))
                .andExpect(content().string(containsString("data-tag=\"" + tag + "\"")))
                .andExpect(content().string(containsString("data-bulk-pick")));
        mvc.perform(as(agent, "AGENT", get("/desk/tags/suggest").param("tag", "t-" + marker.substring(0, 4)), htmx))
                .andExpect(content().string(containsString("<option value=\"" + tag + "\"")));
        mvc.perform(as(agent, "AGENT", get("/desk/bulk/bar"), htmx))
                .andExpect(content().string(containsString("id=\"bulk-form\"")))
                .andExpect(content().string(containsString("model-not-available")));
    }

    @Test
    void tagsAreInTheCsvExportAndTheTicketJson() throws Exception {
        String tag = "csv-" + marker;
        TicketReceipt tagged = file("Export " + marker, "gpt-4o");
        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), true).param("ticket", pick(tagged)).param("addTags", tag))
                .andExpect(status().isOk());
        mvc.perform(as(agent, "AGENT", get("/desk/export.csv").param("tag", tag), false))
                .andExpect(content().string(containsString(tag)))
                .andExpect(content().string(containsString(tagged.number())));
        mvc.perform(as(agent, "AGENT", get("/api/v1/tickets/" + tagged.number()), false))
                .andExpect(jsonPath("$.tags[0]").value(tag));
        mvc.perform(as(agent, "AGENT", get("/api/v1/tickets").param("tag", tag), false))
                .andExpect(jsonPath("$.items[0].number").value(tagged.number()))
                .andExpect(jsonPath("$.items[0].tags[0]").value(tag));
        mvc.perform(as(agent, "AGENT", get("/api/v1/tags").param("prefix", "csv-" + marker), false))
                .andExpect(jsonPath("$[0].name").value(tag))
                .andExpect(jsonPath("$[0].colour").value(io.gatedesk.ticket.Tag.colourOf(tag)));
        mvc.perform(as(agent, "AGENT", put("/api/v1/tags/" + tag + "/colour"), false)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"colour\":\"#112233\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(admin, "ADMIN", put("/api/v1/tags/" + tag + "/colour"), false)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"colour\":\"#112233\"}"))
                .andExpect(status().isOk());
        assertThat(tickets.tagColours()).containsEntry(tag, "#112233");
    }

    @Test
    void theBulkApiReportsEachTicketAndRefusesEngineers() throws Exception {
        TicketReceipt a = file("Api A " + marker, "gpt-4o");
        long version = tickets.detail(a.id()).version();
        String body = "{\"tickets\":[{\"number\":\"" + a.number() + "\",\"version\":" + version + "},"
                + "{\"number\":\"GD-99999999\"}],\"assignee\":\"" + agent.id() + "\",\"addTags\":[\"api\"]}";
        mvc.perform(as(agent, "AGENT", post("/api/v1/tickets/bulk"), false).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done[0]").value(a.number()))
                .andExpect(jsonPath("$.refused[0].reason").value("notFound"));
        mvc.perform(as(agent, "AGENT", post("/api/v1/tickets/bulk"), false).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tickets\":[{\"number\":\"" + a.number() + "\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("INVALID_BULK_ACTION"));
        mvc.perform(post("/api/v1/tickets/bulk").with(user("eng").roles("ENGINEER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void anAgentSavesAViewSeesItsCountAndMakesItTheirDefault(boolean htmx) throws Exception {
        String tag = "v-" + marker;
        TicketReceipt a = file("View " + marker, "gpt-4o");
        mvc.perform(as(agent, "AGENT", post("/desk/bulk"), true).param("ticket", pick(a)).param("addTags", tag))
                .andExpect(status().isOk());

        var saved = mvc.perform(as(agent, "AGENT", post("/desk/views"), htmx).param("name", "Mine " + marker)
                .param("status", "active").param("tag", tag)).andReturn().getResponse();
        if (htmx) {
            assertThat(saved.getContentAsString()).contains("Mine " + marker).contains("data-view-count");
        } else {
            assertThat(saved.getRedirectedUrl()).contains("tag=" + tag);
        }
        String body = mvc.perform(as(agent, "AGENT", get("/api/v1/views"), false)).andReturn().getResponse()
                .getContentAsString();
        assertThat(body).contains("\"name\":\"Mine " + marker + "\"").contains("\"count\":1")
                .contains("\"ref\":\"mine\"").contains("\"ref\":\"byIncident\"");
        String ref = body.replaceAll("(?s).*\"ref\":\"(view:\\d+)\",\"name\":\"Mine " + marker + "\".*", "$1");

        mvc.perform(as(agent, "AGENT", post("/desk/views/default"), htmx).param("ref", ref))
                .andExpect(htmx ? status().isOk() : status().is3xxRedirection());
        mvc.perform(as(agent, "AGENT", get("/desk"), false))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/desk?status=active&sort=UPDATED_DESC&tag=" + tag + "&page=0"));
        mvc.perform(as(agent, "AGENT", get("/desk/views/sidebar"), htmx))
                .andExpect(content().string(containsString("class=\"default\"")));
    }

    @Test
    void onlyAdminsShareViewsAndNamesPassTheSecretGuard() throws Exception {
        mvc.perform(as(agent, "AGENT", post("/desk/views"), true).param("name", "Team").param("shared", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(as(agent, "AGENT", post("/desk/views"), true).param("name", " "))
                .andExpect(content().string(containsString("Give the view a name")));
        mvc.perform(as(admin, "ADMIN", post("/api/v1/views"), false).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Shared " + marker + " sk-proj-" + "b".repeat(40)
                                + "\",\"query\":\"assignee=none\",\"shared\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.shared").value(true))
                .andExpect(jsonPath("$.name").value(not(containsString("b".repeat(40)))));
        String views = mvc.perform(as(agent, "AGENT", get("/api/v1/views"), false)).andReturn().getResponse()
                .getContentAsString();
        assertThat(views).contains("Shared " + marker);
    }
}
