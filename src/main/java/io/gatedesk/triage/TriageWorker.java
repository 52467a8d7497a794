package io.gatedesk.triage;

import io.gatedesk.ticket.TicketService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Classifies tickets. A ticket someone is looking at (an agent's note, a customer's answer, a request ID added) is
 * classified at once, in the caller's thread, so the next page shows the new category. A newly filed ticket goes to
 * one background worker that classifies whatever has queued up in one transaction: filing answers without waiting
 * for the classification and its own commit, and a burst of filings shares commits instead of paying one each.
 *
 * <p>Nothing is lost and nothing grows without bound: when more than {@code gatedesk.triage.queue-capacity} tickets
 * wait, the filing request classifies its own ticket (the queue pushes back on the callers); on shutdown the worker
 * classifies what is left before the application stops; and tickets a crashed node never got to are found by a sweep
 * over recent tickets that still have no category. The ticket page also classifies on demand a ticket it finds
 * without a category. A failing batch is retried one ticket at a time, so one bad ticket cannot hold up the others.
 */
@Component
class TriageWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TriageWorker.class);
    private static final Duration SWEEP_WINDOW = Duration.ofDays(1);
    private static final int SWEEP_LIMIT = 500;

    private final TriageService triage;
    private final TicketService tickets;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final boolean async;
    private final int batchSize;
    private final BlockingQueue<Long> pending;
    private volatile Thread worker;
    private volatile boolean running;

    TriageWorker(TriageService triage, TicketService tickets, PlatformTransactionManager transactionManager, Clock clock,
                 ObjectProvider<MeterRegistry> meters,
                 @Value("${gatedesk.triage.async:true}") boolean async,
                 @Value("${gatedesk.triage.queue-capacity:1000}") int capacity,
                 @Value("${gatedesk.triage.batch-size:100}") int batchSize) {
        this.triage = triage;
        this.tickets = tickets;
        this.clock = clock;
        this.async = async;
        this.batchSize = Math.max(1, batchSize);
        this.pending = new ArrayBlockingQueue<>(Math.max(1, capacity));
        // Callers are after commit, with the committed transaction still bound to the thread: joining it writes nothing.
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        meters.ifAvailable(registry -> Gauge.builder("gatedesk.triage.pending", pending, Collection::size)
                .description("Newly filed tickets waiting for their category").register(registry));
    }

    /** A ticket was just filed: classify it soon, on the worker, or now when the worker is behind or not running. */
    void submit(long ticketId) {
        if (!async || !running || !pending.offer(ticketId)) {
            classifyNow(ticketId);
        }
    }

    /** Classifies one ticket in its own transaction; a failure is logged, never thrown at whoever changed the ticket. */
    void classifyNow(long ticketId) {
        try {
            newTransaction.executeWithoutResult(status -> triage.reclassify(ticketId));
        } catch (RuntimeException e) {
            log.warn("Could not classify ticket {}: {}", ticketId, e.toString());
        }
    }

    /** Tickets waiting for the worker. */
    int pending() {
        return pending.size();
    }

    /**
     * Queues recent tickets that have no category yet, such as those a node had queued when it crashed. A ticket that
     * is also in another node's queue is classified twice, which changes nothing.
     */
    @Scheduled(fixedDelayString = "${gatedesk.triage.sweep-interval:PT5M}",
            initialDelayString = "${gatedesk.triage.sweep-initial-delay:PT1M}")
    void sweep() {
        var now = clock.instant();
        List<Long> missing = tickets.uncategorizedSince(now.minus(SWEEP_WINDOW), SWEEP_LIMIT);
        int queued = 0;
        for (Long id : missing) {
            if (pending.contains(id)) {
                continue;
            }
            submit(id);
            queued++;
        }
        if (queued > 0) {
            log.info("Found {} recent ticket(s) without a category; classifying them", queued);
        }
    }

    private void work() {
        while (running || !pending.isEmpty()) {
            try {
                Long first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                Set<Long> batch = new LinkedHashSet<>();
                batch.add(first);
                List<Long> more = new ArrayList<>();
                pending.drainTo(more, batchSize - 1);
                batch.addAll(more);
                classifyBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("Triage worker: {}", e.toString(), e);
            }
        }
        // Interrupted while stopping: what is left is classified in the stopping thread (see stop()).
    }

    private void classifyBatch(Collection<Long> ids) {
        if (ids.size() == 1) {
            classifyNow(ids.iterator().next());
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> triage.reclassifyAll(ids));
        } catch (RuntimeException e) {
            log.debug("Batch of {} failed ({}); classifying one by one", ids.size(), e.toString());
            ids.forEach(this::classifyNow);
        }
    }

    @Override
    public void start() {
        if (!async || running) {
            return;
        }
        running = true;
        worker = new Thread(this::work, "triage-worker");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
        List<Long> left = new ArrayList<>();
        pending.drainTo(left);
        left.forEach(this::classifyNow);
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the data source and JPA (default phase), stops before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
