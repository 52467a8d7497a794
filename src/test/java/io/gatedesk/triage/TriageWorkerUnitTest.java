package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gatedesk.ticket.TicketService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * The worker's queueing, batching, catching-up and shutdown, with the triage and ticket services replaced by mocks
 * so each decision can be seen: which ids are classified, alone or together, and when.
 */
class TriageWorkerUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TriageService triage = mock(TriageService.class);
    private final TicketService tickets = mock(TicketService.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final List<TransactionDefinition> begun = new CopyOnWriteArrayList<>();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private TriageWorker worker;

    TriageWorkerUnitTest() {
        when(transactions.getTransaction(any())).thenAnswer(call -> {
            begun.add(call.getArgument(0));
            return new SimpleTransactionStatus();
        });
        when(tickets.uncategorizedSince(any(), anyLong(), anyInt())).thenReturn(List.of());
    }

    private TriageWorker worker(boolean async, int capacity, int batchSize) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", registry);
        worker = new TriageWorker(triage, tickets, transactions, Clock.fixed(NOW, ZoneOffset.UTC),
                beans.getBeanProvider(MeterRegistry.class), async, capacity, batchSize);
        return worker;
    }

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Test
    void withoutAsyncATicketIsClassifiedAtOnceInANewTransaction() {
        TriageWorker sync = worker(false, 10, 10);

        sync.start();
        sync.submit(7);

        verify(triage).reclassify(7);
        assertThat(sync.isRunning()).isFalse();
        assertThat(sync.pending()).isZero();
        assertThat(begun).singleElement().extracting(TransactionDefinition::getPropagationBehavior)
                .isEqualTo(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Test
    void beforeTheWorkerStartsATicketIsClassifiedAtOnce() {
        worker(true, 10, 10).submit(8);

        verify(triage).reclassify(8);
    }

    @Test
    void aFailingClassificationIsLoggedNotThrown() {
        when(triage.reclassify(9)).thenThrow(new IllegalStateException("boom"));

        worker(false, 10, 10).classifyNow(9);

        verify(triage).reclassify(9);
        verify(transactions).rollback(any());
    }

    @Test
    void queuedTicketsAreClassifiedTogetherAsOneBatch() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        List<Collection<Long>> batches = new CopyOnWriteArrayList<>();
        when(triage.reclassify(1)).thenAnswer(call -> {
            hold.await(5, TimeUnit.SECONDS);
            return null;
        });
        when(triage.reclassifyAll(anyCollection())).thenAnswer(call -> {
            batches.add(List.copyOf(call.<Collection<Long>>getArgument(0)));
            return List.of();
        });
        TriageWorker async = worker(true, 100, 3);
        async.start();
        assertThat(async.isRunning()).isTrue();

        async.submit(1);
        await().atMost(WAIT).untilAsserted(() -> verify(triage).reclassify(1));
        for (long id = 2; id <= 6; id++) {
            async.submit(id);
        }
        assertThat(async.pending()).isEqualTo(5);
        hold.countDown();

        await().atMost(WAIT).until(() -> batches.stream().mapToInt(Collection::size).sum() == 5);
        assertThat(batches).containsExactly(List.of(2L, 3L, 4L), List.of(5L, 6L));
        assertThat(async.pending()).isZero();
    }

    @Test
    void aFailingBatchIsRetriedOneTicketAtATime() {
        doThrow(new IllegalStateException("one bad ticket")).when(triage).reclassifyAll(anyCollection());
        when(tickets.uncategorizedSince(any(), anyLong(), anyInt())).thenReturn(List.of(11L, 12L), List.of());

        worker(false, 10, 10).sweep();

        verify(triage).reclassifyAll(List.of(11L, 12L));
        verify(triage).reclassify(11);
        verify(triage).reclassify(12);
    }

    @Test
    void theSweepWithoutAWorkerPagesThroughRecentTicketsWithoutACategory() {
        when(tickets.uncategorizedSince(any(), anyLong(), anyInt()))
                .thenReturn(List.of(3L, 5L), List.of(9L), List.of());

        worker(false, 10, 2).sweep();

        Instant since = NOW.minus(Duration.ofDays(1));
        verify(tickets).uncategorizedSince(since, 0, 2);
        verify(tickets).uncategorizedSince(since, 5, 2);
        verify(tickets).uncategorizedSince(since, 9, 2);
        verify(triage).reclassifyAll(List.of(3L, 5L));
        verify(triage).reclassify(9);
    }

    @Test
    void aTicketFiledWhileTheQueueIsFullIsCountedAndFoundInTheDatabaseOnceTheWorkerCatchesUp() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        when(triage.reclassify(1)).thenAnswer(call -> {
            hold.await(5, TimeUnit.SECONDS);
            return null;
        });
        when(tickets.uncategorizedSince(any(), anyLong(), anyInt())).thenReturn(List.of(3L), List.of());
        TriageWorker async = worker(true, 1, 10);
        async.start();

        async.submit(1);
        await().atMost(WAIT).untilAsserted(() -> verify(triage).reclassify(1));
        async.submit(2);
        async.submit(3);
        assertThat(async.overflows()).isEqualTo(1);
        assertThat(registry.get("gatedesk.triage.overflowed").functionCounter().count()).isEqualTo(1.0);
        assertThat(registry.get("gatedesk.triage.pending").gauge().value()).isEqualTo(1.0);
        hold.countDown();

        await().atMost(WAIT).untilAsserted(() -> {
            verify(triage).reclassify(2);
            verify(triage).reclassify(3);
        });
        verify(tickets).uncategorizedSince(NOW.minus(Duration.ofDays(1)), 0, 10);
    }

    @Test
    void theSweepWhileTheWorkerRunsLeavesTheCatchingUpToTheWorker() {
        when(tickets.uncategorizedSince(any(), anyLong(), anyInt())).thenReturn(List.of(21L), List.of());
        TriageWorker async = worker(true, 10, 10);
        async.start();

        async.sweep();

        await().atMost(WAIT).untilAsserted(() -> verify(triage).reclassify(21));
    }

    @Test
    void catchingUpGivesWayToANewlyFiledTicketAndStartsAgainAfterIt() {
        Instant since = NOW.minus(Duration.ofDays(1));
        when(tickets.uncategorizedSince(any(), anyLong(), anyInt())).thenReturn(List.of(31L, 32L), List.of());
        TriageWorker async = worker(true, 10, 2);
        when(triage.reclassifyAll(anyCollection())).thenAnswer(call -> {
            async.submit(40);
            return List.of();
        });
        async.start();

        async.sweep();

        await().atMost(WAIT).untilAsserted(() -> {
            verify(triage).reclassify(40);
            verify(tickets, times(2)).uncategorizedSince(since, 0, 2);
        });
        verify(tickets, never()).uncategorizedSince(since, 32, 2);
    }

    @Test
    void stoppingClassifiesWhatIsStillQueuedAndLaterTicketsAreClassifiedAtOnce() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        List<Long> classified = new ArrayList<>();
        when(triage.reclassify(anyLong())).thenAnswer(call -> {
            long id = call.getArgument(0);
            if (id == 1) {
                hold.await(5, TimeUnit.SECONDS);
            }
            synchronized (classified) {
                classified.add(id);
            }
            return null;
        });
        TriageWorker async = worker(true, 10, 10);
        async.start();
        async.submit(1);
        await().atMost(WAIT).untilAsserted(() -> verify(triage).reclassify(1));
        async.submit(2);
        hold.countDown();

        async.stop();
        assertThat(async.isRunning()).isFalse();
        async.submit(3);

        synchronized (classified) {
            assertThat(classified).containsExactlyInAnyOrder(1L, 2L, 3L);
        }
        assertThat(async.pending()).isZero();
    }

    @Test
    void startingTwiceStartsOneWorkerAndItStopsBeforeTheDataSource() {
        long before = workerThreads();
        TriageWorker async = worker(true, 10, 10);
        async.start();
        async.start();

        assertThat(workerThreads()).isEqualTo(before + 1);
        assertThat(async.getPhase()).isEqualTo(SmartLifecycle.DEFAULT_PHASE - 1);
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("triage-worker") && t.isAlive()).count();
    }

    @Test
    void aQueueOrBatchOfZeroStillHoldsOneTicket() throws Exception {
        TriageWorker tiny = worker(true, 0, 0);
        CountDownLatch hold = new CountDownLatch(1);
        when(triage.reclassify(1)).thenAnswer(call -> {
            hold.await(5, TimeUnit.SECONDS);
            return null;
        });
        tiny.start();
        tiny.submit(1);
        await().atMost(WAIT).untilAsserted(() -> verify(triage).reclassify(1));

        tiny.submit(2);
        assertThat(tiny.pending()).isEqualTo(1);
        assertThat(tiny.overflows()).isZero();
        hold.countDown();
        await().atMost(WAIT).untilAsserted(() -> verify(triage).reclassify(2));
        verify(triage, never()).reclassifyAll(anyCollection());
        verify(triage, times(1)).reclassify(eq(2L));
    }
}
