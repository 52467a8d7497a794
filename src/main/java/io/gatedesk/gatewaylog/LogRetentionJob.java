package io.gatedesk.gatewaylog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes log entries older than {@code gatedesk.logs.retention-days}, a batch per statement so that no transaction
 * holds millions of rows. Pins keep their own copy of an entry and are never deleted here.
 */
@Component
class LogRetentionJob {

    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(LogRetentionJob.class);

    private final LogEntryStore store;
    private final Clock clock;
    private final int retentionDays;

    LogRetentionJob(LogEntryStore store, Clock clock, GatewayLogProperties properties) {
        this.store = store;
        this.clock = clock;
        this.retentionDays = properties.retentionDays();
    }

    @Scheduled(cron = "${gatedesk.logs.retention-cron:0 17 3 * * *}")
    void scheduled() {
        purge();
    }

    /** Returns how many entries were deleted. */
    long purge() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        long total = 0;
        int deleted;
        do {
            deleted = store.deleteOlderThan(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Retention deleted {} gateway log entries older than {}", total, cutoff);
        }
        return total;
    }
}
