package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/** The background worker that classifies newly filed tickets, with the application's own worker switched on. */
@SpringBootTest(properties = {"gatedesk.triage.async=true", "gatedesk.triage.sweep-initial-delay=PT1H"})
@ActiveProfiles("test")
class TriageWorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    private TicketService tickets;
    @Autowired
    private TriageService triage;
    @Autowired
    private TriageWorker worker;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private JdbcTemplate jdbc;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private TicketReceipt file(Integer status, String error) {
        return tickets.submit(new NewTicket("Problem " + marker, "It fails " + marker, "Ann", "ann@example.com",
                ClientApp.CURSOR, null, null, "gpt-4o", null, List.of(), status, error, null, null, false, null),
                Locale.ENGLISH);
    }

    private String category(long ticketId) {
        return jdbc.queryForObject("SELECT category FROM tickets WHERE id = ?", String.class, ticketId);
    }

    @Test
    void newlyFiledTicketsAreClassifiedInTheBackground() {
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            filed.add(i % 2 == 0 ? file(401, "Incorrect API key provided").id() : file(429, "Rate limit reached").id());
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(filed).allSatisfy(id -> assertThat(category(id)).isNotNull()));
        assertThat(category(filed.get(0))).isEqualTo("INVALID_KEY");
        assertThat(category(filed.get(1))).isEqualTo("RATE_LIMITED");
        assertThat(triage.forTicket(filed.get(0)).reasons()).isNotEmpty();
        await().atMost(WAIT).until(() -> worker.pending() == 0);
    }

    @Test
    void aChangeToATicketSomeoneIsWorkingOnIsClassifiedAtOnce() {
        TicketReceipt receipt = file(null, null);
        await().atMost(WAIT).until(() -> category(receipt.id()) != null);
        assertThat(category(receipt.id())).isEqualTo("OTHER");

        tickets.customerReply(receipt.followToken(), "Now it says: Error code: 429 - insufficient_quota, "
                + "You exceeded your current quota");

        // No waiting: the customer's answer is classified in their own request.
        assertThat(category(receipt.id())).isEqualTo("INSUFFICIENT_QUOTA");
    }

    @Test
    void theSweepFindsRecentTicketsLeftWithoutACategory() {
        long id = file(401, "Incorrect API key provided").id();
        await().atMost(WAIT).until(() -> category(id) != null);
        // As if the node that queued it had crashed before classifying it.
        jdbc.update("DELETE FROM ticket_classifications WHERE ticket_id = ?", id);
        jdbc.update("UPDATE tickets SET category = NULL WHERE id = ?", id);

        worker.sweep();

        await().atMost(WAIT).until(() -> "INVALID_KEY".equals(category(id)));
    }

    @Test
    void stoppingClassifiesWhatIsStillQueued() {
        TriageWorker own = newWorker(1000);
        own.start();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = file(401, "Incorrect API key provided").id(); // classified by the application's worker
            ids.add(id);
            jdbc.update("UPDATE tickets SET category = NULL WHERE id = ?", id);
        }
        // Wait until the application's worker is done with them, so only `own` touches them from here on.
        await().atMost(WAIT).until(() -> worker.pending() == 0);
        ids.forEach(id -> jdbc.update("UPDATE tickets SET category = NULL WHERE id = ?", id));
        ids.forEach(own::submit);

        own.stop();

        assertThat(own.pending()).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(category(id)).isEqualTo("INVALID_KEY"));
    }

    @Test
    void ticketsFiledWhileTheQueueIsFullAreClassifiedOnceTheWorkerCatchesUp() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long id = file(401, "Incorrect API key provided").id(); // classified by the application's worker
            ids.add(id);
        }
        await().atMost(WAIT).until(() -> worker.pending() == 0);
        ids.forEach(id -> jdbc.update("UPDATE tickets SET category = NULL WHERE id = ?", id));
        TriageWorker own = newWorker(1);
        own.start();
        try {
            ids.forEach(own::submit);

            // The queue holds one ticket: most found it full and were left in the database, where the worker found
            // them once its queue was empty. None is lost.
            assertThat(own.overflows()).isPositive();
            await().atMost(WAIT).untilAsserted(() -> assertThat(ids)
                    .allSatisfy(id -> assertThat(category(id)).isEqualTo("INVALID_KEY")));
        } finally {
            own.stop();
        }
    }

    @Test
    void aSweepWithoutARunningWorkerClassifiesInTheCallersThread() {
        long id = file(401, "Incorrect API key provided").id();
        await().atMost(WAIT).until(() -> category(id) != null);
        await().atMost(WAIT).until(() -> worker.pending() == 0);
        jdbc.update("UPDATE tickets SET category = NULL WHERE id = ?", id);

        newWorker(10).sweep();

        assertThat(category(id)).isEqualTo("INVALID_KEY");
    }

    @Test
    void aWorkerThatIsNotRunningClassifiesInTheCallersThread() {
        TriageWorker stopped = newWorker(1);
        long id = file(401, "Incorrect API key provided").id();
        await().atMost(WAIT).until(() -> category(id) != null);
        jdbc.update("UPDATE tickets SET category = NULL WHERE id = ?", id);

        stopped.submit(id);

        assertThat(category(id)).isEqualTo("INVALID_KEY");
        assertThat(stopped.pending()).isZero();
    }

    private TriageWorker newWorker(int capacity) {
        ObjectProvider<MeterRegistry> noMeters = new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class);
        return new TriageWorker(triage, tickets, transactionManager, Clock.systemUTC(), noMeters, true, capacity, 10);
    }
}
