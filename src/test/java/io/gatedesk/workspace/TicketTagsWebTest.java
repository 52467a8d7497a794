package io.gatedesk.workspace;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
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

/** Tags on the ticket page (add, remove, refusals) and tag removal in the bulk bar, as pages and as htmx fragments. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TicketTagsWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;

    StaffMember engineer;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        engineer = users.create(new UserService.NewStaffMember("tt-" + marker, "Engineer " + marker, null,
                "engineer-password-1", EnumSet.of(Role.ENGINEER)));
    }

    TicketReceipt file() {
        return tickets.submit(new NewTicket("Tags " + marker, "Details", "Bob", "bob@example.com", null, null, null,
                "gpt-4o", null, List.of(), 401, null, null, null, null, null), Locale.ENGLISH);
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, boolean htmx) {
        request.with(user(engineer.username()).roles("ENGINEER")).with(csrf());
        return htmx ? request.header("HX-Request", "true") : request;
    }

    List<String> tagsOf(TicketReceipt ticket) {
        return tickets.tagsOf(List.of(ticket.id())).getOrDefault(ticket.id(), List.of());
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void anyDeskUserAddsAndRemovesATagOnTheTicketPage(boolean htmx) throws Exception {
        TicketReceipt ticket = file();
        String path = "/desk/tickets/" + ticket.number() + "/tags";

        var added = mvc.perform(as(post(path), htmx).param("tag", "Needs Refund " + marker));
        if (htmx) {
            added.andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "tagsChanged"))
                    .andExpect(content().string(containsString("data-tag-remove=\"needs-refund-" + marker + "\"")));
        } else {
            added.andExpect(redirectedUrl("/desk/tickets/" + ticket.number()));
        }
        assertThat(tagsOf(ticket)).containsExactly("needs-refund-" + marker);
        assertThat(tickets.detail(ticket.id()).events()).extracting(e -> e.action().name()).contains("TAGGED");

        mvc.perform(as(get(path), htmx)).andExpect(content().string(containsString("needs-refund-" + marker)));
        mvc.perform(as(post(path + "/remove"), htmx).param("tag", "needs-refund-" + marker))
                .andExpect(htmx ? status().isOk() : status().is3xxRedirection());
        assertThat(tagsOf(ticket)).isEmpty();
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void aBadTagIsRefusedKeepingWhatWasTypedButNeverAKey(boolean htmx) throws Exception {
        TicketReceipt ticket = file();
        String path = "/desk/tickets/" + ticket.number() + "/tags";
        String tooLong = "x".repeat(41);

        mvc.perform(as(post(path), htmx).param("tag", tooLong))
                .andExpect(htmx ? status().isOk() : status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-tag-error")))
                .andExpect(content().string(containsString("value=\"" + tooLong + "\"")));
        String key = "sk-proj-" + "Rt5yUi8oPa2sDf4gHj6kLz9xCv1bNm3qWe7rTy0uIo5pAs8d";
        mvc.perform(as(post(path), htmx).param("tag", key).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("data-tag-error")))
                .andExpect(content().string(not(containsString(key))));
        assertThat(tagsOf(ticket)).isEmpty();
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() throws Exception {
        TicketReceipt ticket = file();
        mvc.perform(post("/desk/tickets/" + ticket.number() + "/tags").with(csrf()).param("tag", "x"))
                .andExpect(redirectedUrl("/login"));
        assertThat(tagsOf(ticket)).isEmpty();
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void theBulkBarRemovesTags(boolean htmx) throws Exception {
        StaffMember agent = users.create(new UserService.NewStaffMember("tb-" + marker + htmx, "Agent " + marker,
                null, "agent-password-1", EnumSet.of(Role.AGENT)));
        TicketReceipt a = file();
        TicketReceipt b = file();
        for (TicketReceipt t : List.of(a, b)) {
            mvc.perform(as(post("/desk/tickets/" + t.number() + "/tags"), true).param("tag", "old-" + marker + ", keep"));
        }
        MockHttpServletRequestBuilder request = post("/desk/bulk").with(user(agent.username()).roles("AGENT"))
                .with(csrf()).param("ticket", a.id() + ":" + tickets.detail(a.id()).version(),
                        b.id() + ":" + tickets.detail(b.id()).version())
                .param("removeTags", "old-" + marker);
        mvc.perform(htmx ? request.header("HX-Request", "true") : request)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 of 2 tickets updated")));
        assertThat(tagsOf(a)).containsExactly("keep");
        assertThat(tagsOf(b)).containsExactly("keep");
        assertThat(tickets.detail(a.id()).events()).extracting(e -> e.action().name()).contains("UNTAGGED");
    }
}
