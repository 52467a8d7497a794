package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.GatewayLogProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.MetaDataAccessException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;

/**
 * Removes log entries older than {@code gatedesk.logs.retention-days}: on PostgreSQL whole monthly partitions are
 * dropped ({@link LogPartitions}); the rest is deleted a batch per statement so that no transaction holds millions of
 * rows. Pins keep their own copy of an entry and are never deleted here. On PostgreSQL several
 * GateDesk nodes may share the database, and each schedules this job: a session advisory lock lets one of them purge
 * and the others skip that run. The lock goes with the session, so a node that dies while purging frees it.
 */
@Component
class LogRetentionJob {

    static final int BATCH = 5_000;
    /** An arbitrary number, the same on every node, that no other advisory lock of GateDesk uses. */
    static final long LOCK_KEY = 0x4744_6c6f_6752_6574L;
    private static final Logger log = LoggerFactory.getLogger(LogRetentionJob.class);

    private final LogEntryStore store;
    private final LogPartitions partitions;
    private final DataSource dataSource;
    private final Clock clock;
    private final int retentionDays;
    private final boolean postgres;

    LogRetentionJob(LogEntryStore store, LogPartitions partitions, DataSource dataSource, Clock clock, GatewayLogProperties properties)
            throws MetaDataAccessException {
        this.store = store;
        this.partitions = partitions;
        this.dataSource = dataSource;
        this.clock = clock;
        this.retentionDays = properties.retentionDays();
        this.postgres = LogEntryWriterConfiguration.isPostgres(dataSource);
    }

    @Scheduled(cron = "${gatedesk.logs.retention-cron:0 17 3 * * *}")
    @SchedulerLock(name = "log-retention", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void scheduled() {
        purge();
    }

    /** What one run removed: whole months on PostgreSQL, and rows one by one in the boundary month and on H2. */
    record Purged(List<YearMonth> monthsDropped, long rowsDeleted) {

        static final Purged NOTHING = new Purged(List.of(), 0);

        boolean any() {
            return !monthsDropped.isEmpty() || rowsDeleted > 0;
        }
    }

    /** Returns what was removed: nothing when another node is purging right now. */
    Purged purge() {
        if (!postgres) {
            return deleteOld();
        }
        // The lock is held by this connection's session; the deletes run on others from the pool.
        try (Connection lock = dataSource.getConnection()) {
            if (!call(lock, "SELECT pg_try_advisory_lock(?)")) {
                log.info("Retention skipped: another node is deleting old gateway log entries");
                return Purged.NOTHING;
            }
            try {
                return deleteOld();
            } finally {
                call(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the retention lock: " + e.getMessage(), e);
        }
    }

    private Purged deleteOld() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        // Whole months first (a catalog change, however many rows); what is left older than the cutoff sits in the
        // boundary month or the default partition and goes row by row.
        List<YearMonth> dropped = partitions.dropBefore(cutoff);
        long total = 0;
        int deleted;
        do {
            deleted = store.deleteOlderThan(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Retention deleted {} gateway log entries older than {}", total, cutoff);
        }
        return new Purged(dropped, total);
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
