package io.gatedesk.presence;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Who else is on this ticket" through the real security chain, stored in the database like on several nodes. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PresenceWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    String zhang;
    String li;
    TicketReceipt ticket;

    @BeforeEach
    void setUp() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        zhang = "zhang-" + marker;
        li = "li-" + marker;
        users.create(new UserService.NewStaffMember(zhang, "张伟", null, "agent-password-1", EnumSet.of(Role.AGENT)));
        users.create(new UserService.NewStaffMember(li, "李娜", null, "agent-password-1", EnumSet.of(Role.ENGINEER)));
        ticket = tickets.submit(new NewTicket("Presence", "401", "Ann", "ann@example.com", null, null, null, null,
                null, null, 401, null, null, null, null, null), Locale.ENGLISH);
    }

    private String panel(String who, String language) throws Exception {
        return mvc.perform(get("/desk/tickets/" + ticket.number() + "/presence").header("HX-Request", "true")
                        .header("Accept-Language", language).with(user(who).roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSecondAgentSeesTheFirstViewingThenTyping() throws Exception {
        org.assertj.core.api.Assertions.assertThat(panel(zhang, "en")).doesNotContain("is viewing");
        org.assertj.core.api.Assertions.assertThat(panel(li, "zh-CN")).contains("张伟 正在查看");
        org.assertj.core.api.Assertions.assertThat(panel(zhang, "en")).contains("李娜 is viewing")
                .doesNotContain("张伟");

        mvc.perform(post("/desk/tickets/" + ticket.number() + "/presence/typing").with(user(zhang).roles("AGENT"))
                .with(csrf())).andExpect(status().isNoContent());
        org.assertj.core.api.Assertions.assertThat(panel(li, "en")).contains("张伟 is typing a reply");

        mvc.perform(post("/desk/tickets/" + ticket.number() + "/presence/leave").with(user(zhang).roles("AGENT"))
                .with(csrf())).andExpect(status().isNoContent());
        org.assertj.core.api.Assertions.assertThat(panel(li, "en")).doesNotContain("张伟");
    }

    @Test
    void anEntryNotRefreshedWithinTheExpiryIsGone() throws Exception {
        panel(zhang, "en");
        jdbc.sql("UPDATE ticket_presence SET seen_at = ? WHERE ticket_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(16), ticket.id()).update();

        org.assertj.core.api.Assertions.assertThat(panel(li, "en")).doesNotContain("张伟");
    }

    @Test
    void withoutHtmxThePanelSendsTheBrowserToTheTicket() throws Exception {
        mvc.perform(get("/desk/tickets/" + ticket.number() + "/presence").with(user(zhang).roles("AGENT")))
                .andExpect(redirectedUrl("/desk/tickets/" + ticket.number()));
    }

    @Test
    void theTicketPageCarriesThePanelAndTheShortcutList() throws Exception {
        mvc.perform(get("/desk/tickets/" + ticket.number()).with(user(zhang).roles("AGENT")))
                .andExpect(content().string(containsString("id=\"presence-panel\"")))
                .andExpect(content().string(containsString("data-presence-typing-url")))
                .andExpect(content().string(containsString("data-shortcuts-dialog")))
                .andExpect(content().string(containsString("/assets/js/shortcuts.js")));
        // Customers get neither.
        mvc.perform(get("/t/" + ticket.followToken()))
                .andExpect(content().string(not(containsString("data-shortcuts-dialog"))))
                .andExpect(content().string(not(containsString("presence.js"))));
    }
}
