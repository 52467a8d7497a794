package io.gatedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import jakarta.persistence.EntityManagerFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A queue page's reads (acting user, default view, rows, tag colours, marks, staff, counts) share one read-only
 * transaction: each used to open its own, with its own Hibernate session, seven per page.
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class QueuePageTransactionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void theQueuesReadsShareOneSession(boolean htmx) throws Exception {
        String agent = "tx-probe-" + htmx;
        users.create(new UserService.NewStaffMember(agent, "Probe", null, "agent-password-1", EnumSet.of(Role.AGENT)));
        tickets.submit(new NewTicket("Transaction probe", "Body", "Ann", "ann@example.com", ClientApp.CURSOR, null,
                null, "gpt-4o", null, List.of(), null, null, null, null, false, null), Locale.ENGLISH);
        var page = get("/desk").with(user(agent).roles("AGENT"));
        if (htmx) {
            page.header("HX-Request", "true");
        }
        mvc.perform(page).andExpect(status().isOk());
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long sessions = statistics.getSessionOpenCount();

        mvc.perform(page).andExpect(status().isOk());

        // One for the page's reads; the HTTP session's own save may add one more.
        assertThat(statistics.getSessionOpenCount() - sessions).isBetween(1L, 2L);
    }
}
