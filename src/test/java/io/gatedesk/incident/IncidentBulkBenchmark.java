package io.gatedesk.incident;

import io.gatedesk.support.EmbeddedPostgres;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long a bulk reply, its retry and a resolve-all take over 1 000 linked tickets on embedded PostgreSQL
 * 17. A benchmark, not a test: its name keeps it out of the default surefire run; run it with
 * {@code ./mvnw -B -o -q test -Dtest=IncidentBulkBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(properties = "logging.level.io.gatedesk=WARN")
@ActiveProfiles({"test", "postgres"})
class IncidentBulkBenchmark {

    static final int TICKETS = 1_000;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    IncidentService incidents;
    @Autowired
    TicketService tickets;

    @Test
    void bulkReplyAndResolveOverAThousandTickets() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            numbers.add(tickets.submit(new NewTicket("503 bench " + i, "Fails with 503", "Customer " + i,
                    "c@example.com", null, null, null, "bench-" + i, null, List.of(), 503, "no channel", null, null,
                    null, null), Locale.ENGLISH).number());
        }
        Actor agent = new Actor(null, "Bench");
        long id = incidents.create("bench", null, null, numbers, agent);

        long start = System.nanoTime();
        BulkResult first = incidents.reply(id, "known-incident", null, agent);
        long reply = System.nanoTime() - start;
        start = System.nanoTime();
        BulkResult retry = incidents.reply(id, "known-incident", null, agent);
        long retried = System.nanoTime() - start;
        start = System.nanoTime();
        BulkResult resolved = incidents.resolve(id, "Fixed for {{ticket.number}}.", TicketStatus.RESOLVED, agent);
        long resolve = System.nanoTime() - start;

        System.out.printf("%nINCIDENT BULK (%d tickets, PostgreSQL): reply %d ms (sent %d), retry %d ms (sent %d, "
                        + "skipped %d), resolve with reply %d ms (sent %d)%n%n", TICKETS, reply / 1_000_000,
                first.sent(), retried / 1_000_000, retry.sent(), retry.skipped().size(), resolve / 1_000_000,
                resolved.sent());
    }
}
