package io.gatedesk.cluster;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A job every node schedules ten times a second, locked like GateDesk's own jobs: the runs it records across nodes
 * show how often it really ran. Not a component: only the nodes of {@link TwoNodeTest} register it.
 */
class CountingJob {

    record Run(String node, Instant at) {
    }

    /** Static: both nodes live in this JVM, and the count is over the cluster. */
    static final Queue<Run> RUNS = new ConcurrentLinkedQueue<>();

    private final String node = Integer.toHexString(System.identityHashCode(this));

    @Scheduled(fixedDelay = 100, initialDelay = 100)
    @SchedulerLock(name = "two-node-test-counting-job", lockAtMostFor = "PT30S", lockAtLeastFor = "PT1S")
    public void run() {
        RUNS.add(new Run(node, Instant.now()));
    }
}
