package io.gatedesk.ticket;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The agent desk through the real security chain; each htmx view is asked for as a page and as a fragment. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeskWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;

    StaffMember agent;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("desk-" + marker, "Desk " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
    }

    TicketReceipt file(String subject) {
        return tickets.submit(new NewTicket(subject, "Details " + marker, "Bob", "bob@example.com", ClientApp.CURSOR,
                null, "https://api.example.com", "gpt-4o", null, List.of("20241128093015123456789012345678"), 404,
                "Invalid URL (POST /v1/v1/chat/completions)", null, null, false, CallerType.TEST), Locale.ENGLISH);
    }

    MockHttpServletRequestBuilder asAgent(MockHttpServletRequestBuilder request, boolean htmx) {
        request.with(user(agent.username()).roles("AGENT"));
        return htmx ? request.header("HX-Request", "true") : request;
    }

    @Test
    void desksAreForStaffOnly() throws Exception {
        mvc.perform(get("/desk")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/desk").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(get("/admin/users").with(user(agent.username()).roles("AGENT"))).andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void queueListsAndSearchesTickets(boolean htmx) throws Exception {
        file("Doubled v1 " + marker);
        file("Something else " + marker);

        var result = mvc.perform(asAgent(get("/desk").param("q", "doubled V1 " + marker), htmx))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Doubled v1 " + marker)))
                .andExpect(content().string(not(containsString("Something else " + marker))))
                .andReturn().getResponse().getContentAsString();
        assertThat(result.contains("<html")).isEqualTo(!htmx);
        assertThat(result).contains("id=\"results\"");
    }

    @Test
    void aCategoryTypedIntoTheAddressIsKeptAsTypedNotAsAMissingMessage() throws Exception {
        String page = mvc.perform(asAgent(get("/desk").param("category", "X" + marker)
                        .header("Accept-Language", "zh-CN"), false))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("??").contains("<option value=\"X" + marker + "\" selected>X" + marker
                + "</option>");
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void ticketPageShowsEvidenceConversationAndHistory(boolean htmx) throws Exception {
        TicketReceipt receipt = file("Evidence page " + marker);
        tickets.addStaffMessage(receipt.id(), "Looking at the logs " + marker, Visibility.INTERNAL, null,
                new Actor(agent.id(), agent.displayName()));

        String page = mvc.perform(asAgent(get("/desk/tickets/" + receipt.number()), htmx))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // The page shows everything; htmx gets the regions that change (conversation, history…) out of band.
        assertThat(page).contains("Looking at the logs " + marker, "Internal note", "filed the ticket",
                "id=\"conversation\"", "id=\"audit\"");
        assertThat(page.contains("<html")).isEqualTo(!htmx);
        if (htmx) {
            assertThat(page).contains("hx-swap-oob=\"true\"").doesNotContain("id=\"reply-form\"");
        } else {
            assertThat(page).contains("Invalid URL (POST /v1/v1/chat/completions)", "id=\"reply-form\"",
                    "id=\"evidence-card\"", "data-copy=\"20241128093015123456789012345678\"");
        }
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void replyIsStoredAndAudited(boolean htmx) throws Exception {
        TicketReceipt receipt = file("Reply " + marker);
        long version = tickets.detail(receipt.id()).version();

        var response = mvc.perform(asAgent(post("/desk/tickets/" + receipt.id() + "/messages"), htmx).with(csrf())
                .param("body", "Use https://api.example.com/v1 " + marker).param("visibility", "PUBLIC")
                .param("version", String.valueOf(version)));
        if (htmx) {
            response.andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "ticketUpdated"))
                    .andExpect(content().string(containsString("Use https://api.example.com/v1 " + marker)));
        } else {
            response.andExpect(redirectedUrl("/desk/tickets/" + receipt.id()));
        }
        TicketDetail detail = tickets.detail(receipt.id());
        assertThat(detail.messages()).extracting(MessageView::body).containsExactly("Use https://api.example.com/v1 " + marker);
        assertThat(detail.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(detail.events()).extracting(EventView::action).contains(TicketAction.PUBLIC_REPLY);
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void staleSaveShowsAConflictAndKeepsTheUnsentText(boolean htmx) throws Exception {
        TicketReceipt receipt = file("Stale " + marker);
        long seen = tickets.detail(receipt.id()).version();
        tickets.change(receipt.id(), new TicketChange(TicketStatus.OPEN, null, null, false), seen,
                new Actor(agent.id(), "Someone else"));

        String page = mvc.perform(asAgent(post("/desk/tickets/" + receipt.id() + "/messages"), htmx).with(csrf())
                        .param("body", "My careful answer " + marker).param("visibility", "INTERNAL")
                        .param("version", String.valueOf(seen)))
                .andExpect(status().is(htmx ? 200 : 409))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-conflict", "My careful answer " + marker);
        assertThat(tickets.detail(receipt.id()).messages()).isEmpty();
    }

    @Test
    void workflowChangesAreAuditedWithWhoAndWhat() throws Exception {
        TicketReceipt receipt = file("Workflow " + marker);
        long version = tickets.detail(receipt.id()).version();

        mvc.perform(asAgent(post("/desk/tickets/" + receipt.id() + "/changes"), false).with(csrf())
                        .param("status", "ESCALATED").param("priority", "P1").param("assignee", "me")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());

        TicketDetail detail = tickets.detail(receipt.id());
        assertThat(detail.status()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(detail.priority()).isEqualTo(Priority.P1);
        assertThat(detail.assigneeId()).isEqualTo(agent.id());
        assertThat(detail.events()).filteredOn(event -> event.action() != TicketAction.CREATED)
                .extracting(EventView::actorName).containsOnly(agent.displayName());
        assertThat(detail.events()).extracting(EventView::action)
                .contains(TicketAction.STATUS_CHANGED, TicketAction.PRIORITY_CHANGED, TicketAction.ASSIGNED);
    }

    @Test
    void anAssigneeThatIsNotAStaffIdIsABadRequestNotAServerError() throws Exception {
        TicketReceipt receipt = file("Assignee " + marker);
        mvc.perform(asAgent(post("/desk/tickets/" + receipt.id() + "/changes"), false).with(csrf())
                        .param("assignee", "somebody").param("version", "0").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest());
        mvc.perform(asAgent(get("/desk/tickets/GD-987654321/accounts"), false)).andExpect(status().isNotFound());
    }

    @Test
    void emptyReplyIsRefusedWithAMessageInTheAgentsLanguage() throws Exception {
        TicketReceipt receipt = file("Empty " + marker);
        mvc.perform(asAgent(post("/desk/tickets/" + receipt.id() + "/messages"), false).with(csrf())
                        .header("Accept-Language", "zh-CN").param("body", "   ").param("version", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请先填写内容再发送")));
    }

    @Test
    void unknownTicketIsAFriendlyNotFound() throws Exception {
        mvc.perform(asAgent(get("/desk/tickets/GD-987654321"), false))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no such ticket")));
        mvc.perform(asAgent(get("/desk/tickets/nonsense"), false)).andExpect(status().isNotFound());
    }

    @Test
    void queueExportsAsCsvWithTheSameFilterAndSpreadsheetSafeText() throws Exception {
        file("=HYPERLINK(\"http://evil\") " + marker);
        file("Plain, with comma " + marker);
        String csv = mvc.perform(asAgent(get("/desk/export.csv").param("q", marker).param("status", "all"), false))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("gatedesk-queue.csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFTicket,Subject,Customer");
        assertThat(csv).contains("\"Plain, with comma " + marker + "\"", "'=HYPERLINK");
        assertThat(csv.lines()).hasSize(3);
    }

    @Test
    void auditTrailNamesStatusesInTheAgentsLanguage() throws Exception {
        TicketReceipt receipt = file("Audit zh " + marker);
        tickets.change(receipt.id(), new TicketChange(TicketStatus.WAITING_ON_CUSTOMER, null, null, false),
                tickets.detail(receipt.id()).version(), new Actor(agent.id(), agent.displayName()));
        mvc.perform(asAgent(get("/desk/tickets/" + receipt.id()), false).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("新建 → 等待客户回复")));
    }

    @Test
    void stateChangingRequestsNeedTheCsrfToken() throws Exception {
        TicketReceipt receipt = file("Csrf " + marker);
        mvc.perform(asAgent(post("/desk/tickets/" + receipt.id() + "/messages"), false)
                        .param("body", "x").param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(tickets.detail(receipt.id()).messages()).isEmpty();
    }
}
