package io.gatedesk.incident;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The built-in "by incident" view: the queue narrowed to tickets linked to an incident still open, through the
 * ticket feature's QueueTicketSet, which incidents answer (tickets never name incidents).
 */
@SpringBootTest(properties = "gatedesk.desk.count-cache-ttl=0s")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ByIncidentViewWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    IncidentService incidents;
    @Autowired
    UserService users;

    /** Each ticket with a model of its own, so the incident detector links none of them to another incident. */
    TicketReceipt file(String subject, String model) {
        return tickets.submit(new NewTicket(subject, "503 since nine", "Ann", "ann@example.com", null, null, null,
                model, null, List.of(), 503, "no available channel", null, null, null, null), Locale.ENGLISH);
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void theViewShowsTicketsOfOpenIncidentsOnly(boolean htmx) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StaffMember agent = users.create(new UserService.NewStaffMember("bi-" + marker, "Agent " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        Actor actor = new Actor(agent.id(), agent.displayName());
        TicketReceipt open = file("Open incident " + marker, "m-open-" + marker);
        TicketReceipt resolved = file("Resolved incident " + marker, "m-resolved-" + marker);
        file("No incident " + marker, "m-alone-" + marker);
        incidents.create("Outage " + marker, null, "m-open-" + marker, List.of(open.number()), actor);
        long done = incidents.create("Earlier " + marker, null, "m-resolved-" + marker, List.of(resolved.number()),
                actor);
        incidents.update(done, IncidentStatus.RESOLVED, null, actor);

        MockHttpServletRequestBuilder request = get("/desk").param("linked", "incident").param("status", "all")
                .param("q", marker).with(user(agent.username()).roles("AGENT"));
        mvc.perform(htmx ? request.header("HX-Request", "true") : request)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open incident " + marker)))
                .andExpect(content().string(not(containsString("Resolved incident " + marker))))
                .andExpect(content().string(not(containsString("No incident " + marker))));

        QueueFilter view = new QueueFilter("all", null, null, marker, null, 0, null, null, null, null, null, null, null,
                null, "incident");
        assertThat(tickets.count(view, agent.id())).isEqualTo(1);
        assertThat(QueueFilter.parse(view.toQuery()).linked()).isEqualTo("incident");
        assertThat(tickets.count(new QueueFilter("all", null, null, marker, null, 0), agent.id())).isEqualTo(3);
    }

    @Test
    void theSidebarListsTheBuiltInView() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StaffMember agent = users.create(new UserService.NewStaffMember("bj-" + marker, "Agent " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        mvc.perform(get("/desk/views/sidebar").with(user(agent.username()).roles("AGENT")))
                .andExpect(content().string(containsString("Linked to an open incident")))
                .andExpect(content().string(containsString("linked=incident")));
        mvc.perform(get("/desk/views/sidebar").header("Accept-Language", "zh-CN")
                        .with(user(agent.username()).roles("AGENT")))
                .andExpect(content().string(containsString("关联未结束事件")));
    }
}
