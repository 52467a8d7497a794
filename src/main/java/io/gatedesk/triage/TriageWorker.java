package io.gatedesk.triage;

import io.gatedesk.ticket.TicketService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Classifies tickets. A ticket someone is looking at (an agent's note, a customer's answer, a request ID added) is
 * classified at once, in the caller's thread, so the next page shows the new category. A newly filed ticket goes to
 * one background worker that classifies whatever has queued up as one batch in one transaction: filing answers
 * without waiting for the classification, and a burst of filings shares reads, writes and commits.
 *
 * <p>Nothing is lost and nothing grows without bound. The queue holds {@code gatedesk.triage.queue-capacity}
 * tickets; a ticket filed while it is full is not queued but left to the database, where it waits without a category:
 * once the worker has emptied its queue it looks up every recent ticket still without one and classifies those in
 * batches too. (Making the filing classify its own ticket instead, as an earlier version did, cost more in total: one
 * ticket at a time is dearer than a batch, and on a busy machine the worker, one thread among many request threads,
 * never caught up.) On shutdown the worker classifies what is queued; tickets a crashed node never got to are found
 * by a sweep over recent tickets without a category every {@code gatedesk.triage.sweep-interval}; and the ticket page
 * classifies on demand a ticket it finds without one. A failing batch is retried one ticket at a time, so one bad
 * ticket cannot hold up the others.
 */
@Component
class TriageWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TriageWorker.class);
    private static final Duration SWEEP_WINDOW = Duration.ofDays(1);

    private final TriageService triage;
    private final TicketService tickets;
    private final TransactionTemplate newTransaction;
    /*
     * One classification at a time on this node: the worker's batch and a change classified in the caller's thread
     * may hold the same new ticket, and two first inserts of its classification collide on the primary key.
     */
    private final Object classifying = new Object();
    private final Clock clock;
    private final boolean async;
    private final int batchSize;
    private final BlockingQueue<Long> pending;
    // Set when a filing found the queue full, or by the sweep: the worker then looks in the database for tickets
    // without a category.
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final AtomicLong overflows = new AtomicLong();
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
        meters.ifAvailable(registry -> FunctionCounter.builder("gatedesk.triage.overflowed", overflows, AtomicLong::get)
                .description("New tickets filed while the triage queue was full, classified once it caught up")
                .register(registry));
    }

    /**
     * A ticket was just filed: classify it soon, on the worker; when the worker's queue is full, once the worker has
     * caught up (the ticket is found in the database); now, in the caller's thread, when no worker is running.
     */
    void submit(long ticketId) {
        if (!async || !running) {
            classifyNow(ticketId);
        } else if (!pending.offer(ticketId)) {
            overflows.incrementAndGet();
            overflowed.set(true);
        }
    }

    /** Classifies one ticket in its own transaction; a failure is logged, never thrown at whoever changed the ticket. */
    void classifyNow(long ticketId) {
        try {
            synchronized (classifying) {
                newTransaction.executeWithoutResult(status -> triage.reclassify(ticketId));
            }
        } catch (RuntimeException e) {
            log.warn("Could not classify ticket {}: {}", ticketId, e.toString());
        }
    }

    /** New tickets that found the queue full since start. */
    long overflows() {
        return overflows.get();
    }

    /** Tickets waiting for the worker. */
    int pending() {
        return pending.size();
    }

    /**
     * Classifies recent tickets that have no category yet, such as those a node had queued when it crashed: the same
     * catching-up as after a full queue, done by the worker at its next idle moment, or here when no worker runs. A
     * ticket that is also in another node's queue is classified twice, which changes nothing.
     */
    @Scheduled(fixedDelayString = "${gatedesk.triage.sweep-interval:PT5M}",
            initialDelayString = "${gatedesk.triage.sweep-initial-delay:PT1M}")
    @SchedulerLock(name = "triage-sweep", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void sweep() {
        if (running) {
            overflowed.set(true);
        } else {
            catchUp(() -> true);
        }
    }

    private void work() {
        while (running || !pending.isEmpty()) {
            try {
                Long first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    if (overflowed.getAndSet(false)) {
                        catchUp(() -> running);
                    }
                    continue;
                }
                Set<Long> batch = new LinkedHashSet<>();
                batch.add(first);
                List<Long> more = new ArrayList<>();
                pending.drainTo(more, batchSize - 1);
                batch.addAll(more);
                classifyBatch(batch);
                if (pending.isEmpty() && overflowed.getAndSet(false)) {
                    catchUp(() -> running);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("Triage worker: {}", e.toString(), e);
            }
        }
        // Interrupted while stopping: what is left is classified in the stopping thread (see stop()).
    }

    /**
     * Classifies, a batch at a time, the recent tickets without a category: those filed while the queue was full, or
     * that a crashed node never classified. Stops when {@code keepGoing} says so (the worker: when the application
     * stops), or when the queue has work again (it resumes when that is done).
     */
    private void catchUp(BooleanSupplier keepGoing) {
        var since = clock.instant().minus(SWEEP_WINDOW);
        long after = 0;
        int done = 0;
        while (keepGoing.getAsBoolean()) {
            if (!pending.isEmpty()) {
                overflowed.set(true);
                break;
            }
            List<Long> missing = tickets.uncategorizedSince(since, after, batchSize);
            if (missing.isEmpty()) {
                break;
            }
            classifyBatch(missing);
            done += missing.size();
            // Onwards from the last one, so a ticket that cannot be classified is not fetched again and again.
            after = missing.get(missing.size() - 1);
        }
        if (done > 0) {
            log.info("Classified {} recent ticket(s) that had no category", done);
        }
    }

    private void classifyBatch(Collection<Long> ids) {
        if (ids.size() == 1) {
            classifyNow(ids.iterator().next());
            return;
        }
        try {
            synchronized (classifying) {
                newTransaction.executeWithoutResult(status -> triage.reclassifyAll(ids));
            }
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
