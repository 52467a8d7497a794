package io.gatedesk.incident;

import io.gatedesk.secret.SampleKeys;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Draft an article" from a resolved incident, through the real security chain: agents and admins draft, engineers
 * are refused, anonymous visitors are sent to log in, and the privacy gate strips what the resolution reply carried.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IncidentArticleWebTest {

    static final String KEY = SampleKeys.oneApi(new SplittableRandom(3131)).written();
    static final String REQUEST_ID = "req_011CXk7Pq2Lz9Ys8Wv";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    IncidentService incidents;

    StaffMember agent;
    String marker;
    long incident;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("inca-agent-" + marker, "Ann " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        TicketReceipt ticket = tickets.submit(new NewTicket("503 on model-" + marker, "It fails with 503",
                "Cust " + marker, "cust-" + marker + "@example.com", null, null, null, "inca-" + marker, null,
                List.of(), 503, "upstream error 503", null, null, null, null), Locale.ENGLISH);
        incident = incidents.create("model-" + marker + " returns 503", "UPSTREAM_ERROR", "model-" + marker,
                List.of(ticket.number()), Actor.of(agent));
    }

    private void resolveWithPlantedSecrets() {
        incidents.resolve(incident, "The upstream for model-" + marker + " was down and is back. Your key " + KEY
                + " was fine; write to ops-" + marker + "@example.com and quote " + REQUEST_ID + ".",
                TicketStatus.RESOLVED, Actor.of(agent));
    }

    @Test
    void theButtonShowsOnResolvedIncidentsForAgentsAndAdminsOnly() throws Exception {
        String page = "/desk/incidents/" + incident;
        mvc.perform(get(page).with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("data-incident-article"))));
        resolveWithPlantedSecrets();
        mvc.perform(get(page).with(user(agent.username()).roles("AGENT")))
                .andExpect(content().string(containsString("data-incident-article")));
        mvc.perform(get(page).with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("data-incident-article")));
        mvc.perform(get(page).with(user("eng-" + marker).roles("ENGINEER")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("data-incident-article"))));
        mvc.perform(get(page).locale(Locale.SIMPLIFIED_CHINESE).with(user(agent.username()).roles("AGENT")))
                .andExpect(content().string(containsString("根据此事件起草文章")));
    }

    @Test
    void agentsDraftThroughThePrivacyGateAndOthersAreRefused() throws Exception {
        String path = "/desk/incidents/" + incident + "/article";
        // Not resolved yet: refused with the reason, no draft.
        mvc.perform(post(path).with(csrf()).with(user(agent.username()).roles("AGENT")))
                .andExpect(redirectedUrl("/desk/incidents/" + incident))
                .andExpect(flash().attribute("incidentError", "incident.error.articleNotResolved"));
        resolveWithPlantedSecrets();

        mvc.perform(post(path).with(csrf()).with(user("eng-" + marker).roles("ENGINEER")))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post(path).with(user(agent.username()).roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post(path).param("articleLang", "fr").with(csrf()).with(user(agent.username()).roles("AGENT")))
                .andExpect(flash().attribute("incidentError", "incident.error.articleLang"));

        for (String[] who : List.of(new String[]{agent.username(), "AGENT"}, new String[]{"admin", "ADMIN"})) {
            MvcResult drafted = mvc.perform(post(path).param("articleLang", "en").with(csrf())
                            .with(user(who[0]).roles(who[1])))
                    .andExpect(redirectedUrlPattern("/desk/kb/articles/*"))
                    .andExpect(flash().attribute("notice", "kb.desk.draftedFromIncident")).andReturn();
            String editor = mvc.perform(get(drafted.getResponse().getRedirectedUrl())
                            .with(user(who[0]).roles(who[1])))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(editor).contains("model-" + marker + " returns 503")
                    .contains("was down and is back")
                    .contains("Drafted from an incident")
                    .doesNotContain(KEY).doesNotContain(KEY.substring(KEY.length() - 6))
                    .doesNotContain("ops-" + marker + "@example.com").doesNotContain(REQUEST_ID)
                    .doesNotContain("cust-" + marker + "@example.com");
        }
    }
}
