package io.gatedesk.incident;

import io.gatedesk.bench.StatementCounter;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Prints how long a bulk reply, its retry and a resolve-all take over 1 000 linked tickets, with the JDBC round trips
 * each sends. A benchmark, not a test: the subclasses' names keep them out of the default surefire run; run both with
 * {@code ./mvnw -B -o -q test -Dtest='*IncidentBulkBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
abstract class IncidentBulkBench {

    static final int TICKETS = 1_000;

    @Autowired
    IncidentService incidents;
    @Autowired
    TicketService tickets;
    @Autowired
    StatementCounter counter;

    abstract String database();

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
        // Filing queued every ticket for classification; let the worker finish so it does not share the timings.
        settle();

        System.out.printf("%nINCIDENT BULK (%d tickets, %s)%n", TICKETS, database());
        time("reply (known-incident answer)", () -> incidents.reply(id, "known-incident", null, agent));
        time("same reply again (retry)", () -> incidents.reply(id, "known-incident", null, agent));
        time("resolve with reply", () -> incidents.resolve(id, "Fixed for {{ticket.number}}.", TicketStatus.RESOLVED,
                agent));
        time("resolve again (retry)", () -> incidents.resolve(id, "Fixed for {{ticket.number}}.",
                TicketStatus.RESOLVED, agent));
        time("incident page (detail)", () -> {
            incidents.detail(id);
            return new BulkResult(0, List.of());
        });
        System.out.println();
    }

    private void time(String what, Supplier<BulkResult> action) {
        StatementCounter.Counts before = counter.snapshot();
        long start = System.nanoTime();
        BulkResult result = action.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("  %-32s %7d ms  sent %4d  skipped %4d  %s%n", what, millis, result.sent(),
                result.skipped().size(), counter.snapshot().minus(before));
    }

    private void settle() {
        long last = -1;
        while (true) {
            long now = counter.snapshot().roundTrips();
            if (now == last) {
                return;
            }
            last = now;
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
