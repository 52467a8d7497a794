package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.GatewayLogProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The monthly partitions of {@code gateway_log_entries} on PostgreSQL (migration V36): creates the coming months ahead
 * and drops months that retention no longer keeps. A row whose month has no partition lands in the default partition,
 * so an import never fails for want of one; when its month is created later, such rows move into it. On H2 the table
 * is not partitioned and every method here does nothing.
 */
@Component
public class LogPartitions {

    static final String TABLE = "gateway_log_entries";
    static final String DEFAULT_PARTITION = TABLE + "_default";
    private static final Pattern MONTHLY = Pattern.compile(TABLE + "_p(\\d{4})(\\d{2})");
    private static final Logger log = LoggerFactory.getLogger(LogPartitions.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int monthsAhead;
    private final boolean postgres;

    LogPartitions(JdbcTemplate jdbc, PlatformTransactionManager transactions, DataSource dataSource, Clock clock,
                  GatewayLogProperties properties) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.monthsAhead = properties.partitionMonthsAhead();
        this.postgres = LogEntryWriterConfiguration.isPostgres(dataSource);
    }

    /** Daily, so that a missed run or a node that was down for a while catches up long before a month begins. */
    @Scheduled(cron = "${gatedesk.logs.partition-cron:0 7 2 * * *}")
    @SchedulerLock(name = "log-partitions-ahead", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void scheduled() {
        createAhead();
    }

    /**
     * Every node at start, so a node started after a long stop has its months; two nodes starting together may race
     * on the same CREATE, which must not stop either from starting (the daily job, locked, catches up).
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            createAhead();
        } catch (RuntimeException raced) {
            log.warn("Log partitions not created ahead at start: {}", raced.toString());
        }
    }

    /** Whether the log table is partitioned here (PostgreSQL after V36). */
    public boolean partitioned() {
        return postgres && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
                        + " WHERE c.relname = ? AND c.relnamespace = to_regnamespace(current_schema()))",
                Boolean.class, TABLE));
    }

    /** The months that have a partition of their own, oldest first. */
    public List<YearMonth> months() {
        if (!partitioned()) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        for (String name : jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = to_regclass(?)", String.class, TABLE)) {
            Matcher m = MONTHLY.matcher(name);
            if (m.matches()) {
                months.add(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
        }
        months.sort(null);
        return months;
    }

    /** Creates the partitions of this month and the next {@code monthsAhead} that are missing; returns how many. */
    public int createAhead() {
        if (!partitioned()) {
            return 0;
        }
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        List<YearMonth> existing = months();
        int created = 0;
        for (YearMonth month = now; !month.isAfter(now.plusMonths(monthsAhead)); month = month.plusMonths(1)) {
            if (!existing.contains(month)) {
                create(month);
                created++;
            }
        }
        return created;
    }

    /**
     * Creates the partition of {@code month}. Rows of that month already in the default partition move into it in the
     * same transaction: PostgreSQL refuses a new partition while the default one holds rows of its range.
     */
    public void create(YearMonth month) {
        String name = name(month);
        String from = start(month);
        String to = start(month.plusMonths(1));
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            jdbc.execute("CREATE TABLE " + name + " (LIKE " + TABLE + " INCLUDING DEFAULTS)");
            // The check lets ATTACH skip its scan of the new table.
            jdbc.execute("ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_month CHECK (created_at >= '" + from
                    + "' AND created_at < '" + to + "')");
            int moved = jdbc.update("WITH moved AS (DELETE FROM " + DEFAULT_PARTITION + " WHERE created_at >= '" + from
                    + "' AND created_at < '" + to + "' RETURNING *) INSERT INTO " + name + " SELECT * FROM moved");
            jdbc.execute("ALTER TABLE " + TABLE + " ATTACH PARTITION " + name + " FOR VALUES FROM ('" + from
                    + "') TO ('" + to + "')");
            jdbc.execute("ALTER TABLE " + name + " DROP CONSTRAINT " + name + "_month");
            log.info("Created log partition {}{}", name, moved > 0 ? " with " + moved + " rows from the default" : "");
        });
    }

    /** Drops every monthly partition whose whole month lies before {@code cutoff}; returns the months dropped. */
    public List<YearMonth> dropBefore(Instant cutoff) {
        List<YearMonth> dropped = new ArrayList<>();
        for (YearMonth month : months()) {
            if (!end(month).isAfter(cutoff)) {
                transaction.executeWithoutResult(status -> {
                    jdbc.execute("SET LOCAL lock_timeout = '10s'");
                    jdbc.execute("DROP TABLE " + name(month));
                });
                dropped.add(month);
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Retention dropped log partitions of {}", dropped);
        }
        return dropped;
    }

    static String name(YearMonth month) {
        return String.format("%s_p%04d%02d", TABLE, month.getYear(), month.getMonthValue());
    }

    private static String start(YearMonth month) {
        return LocalDate.of(month.getYear(), month.getMonth(), 1) + " 00:00:00+00";
    }

    private static Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
