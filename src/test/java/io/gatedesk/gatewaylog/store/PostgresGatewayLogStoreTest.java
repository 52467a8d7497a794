package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.ImportSummary;
import io.gatedesk.support.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

@SpringBootTest
@ActiveProfiles({"test", "postgres"})
class PostgresGatewayLogStoreTest extends GatewayLogStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void runsOnARealPostgresServer() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void whileAnotherNodeHoldsTheRetentionLockThisOneSkipsTheRun() throws Exception {
        importFile(write("old.jsonl", row(marker + "-old", Instant.now().minus(Duration.ofDays(90)), null, null, null,
                "gpt-4o", 500, null)), "old.jsonl", "CANONICAL");
        try (Connection otherNode = dataSource.getConnection()) {
            lock(otherNode, "SELECT pg_advisory_lock(?)");
            assertThat(retention.purge().any()).isFalse();
            assertThat(count(marker + "-old")).isEqualTo(1);
            lock(otherNode, "SELECT pg_advisory_unlock(?)");
        }
        assertThat(retention.purge().any()).isTrue();
        assertThat(count(marker + "-old")).isZero();
    }

    // ------------------------------------------------------------------------------------------------ partitions

    @Autowired
    LogPartitions partitions;

    @Test
    void theLogTableIsPartitionedByMonthWithTheComingMonthsReady() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThat(partitions.partitioned()).isTrue();
        assertThat(partitions.months()).contains(now, now.plusMonths(1), now.plusMonths(2), now.plusMonths(3));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_inherits WHERE inhrelid = to_regclass(?)", Long.class,
                LogPartitions.DEFAULT_PARTITION)).isEqualTo(1);
    }

    @Test
    void theMonthsRetentionStillKeepsHaveTheirPartitionsSoLateImportsLandInTheirMonth() {
        // The test context keeps logs 30 days (the default): the month 30 days ago is still kept.
        YearMonth oldestKept = YearMonth.from(Instant.now().minus(Duration.ofDays(30)).atZone(ZoneOffset.UTC));
        assumeThat(oldestKept).isNotEqualTo(YearMonth.now(ZoneOffset.UTC));
        if (partitions.months().contains(oldestKept)) {
            jdbc.execute("DROP TABLE " + LogPartitions.name(oldestKept));
        }
        assertThat(partitions.createAhead()).isEqualTo(1);
        assertThat(partitions.months()).contains(oldestKept);
        String id = marker + "-late";
        importFile(write("late.jsonl", row(id, oldestKept.atEndOfMonth().atStartOfDay().toInstant(ZoneOffset.UTC),
                null, null, null, "gpt-4o", 500, "late")), "late.jsonl", "CANONICAL");
        assertThat(tableOf(id)).isEqualTo(LogPartitions.name(oldestKept));
    }

    @Test
    void theJobCreatesAMissingComingMonthAndNothingTwice() {
        YearMonth last = YearMonth.now(ZoneOffset.UTC).plusMonths(3);
        jdbc.execute("DROP TABLE " + LogPartitions.name(last));
        assertThat(partitions.months()).doesNotContain(last);

        assertThat(partitions.createAhead()).isEqualTo(1);
        assertThat(partitions.months()).contains(last);
        assertThat(partitions.createAhead()).isZero();
    }

    @Test
    void aRowWhoseMonthHasNoPartitionIsKeptInTheDefaultAndMovesWhenItsMonthIsCreated() {
        YearMonth month = YearMonth.of(2090 + ThreadLocalRandom.current().nextInt(10),
                1 + ThreadLocalRandom.current().nextInt(12));
        assumeThat(partitions.months()).doesNotContain(month);
        Instant at = month.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC);
        String id = marker + "-future";
        assertThat(importFile(write("future.jsonl", row(id, at, null, null, null, "gpt-4o", 500, "late")),
                "future.jsonl", "CANONICAL").imported()).isEqualTo(1);
        assertThat(tableOf(id)).isEqualTo(LogPartitions.DEFAULT_PARTITION);

        partitions.create(month);

        assertThat(tableOf(id)).isEqualTo(LogPartitions.name(month));
        assertThat(count(id)).isEqualTo(1);
        long ticketId = ticket("Failed (request id: " + id + ")", null, null, null);
        assertThat(matches.forTicket(ticketId)).extracting(m -> m.entry().requestId()).containsExactly(id);
    }

    @Test
    void retentionDropsWholeMonthsAndDeletesRowsOnlyInTheBoundaryMonth() {
        YearMonth old = YearMonth.now(ZoneOffset.UTC).minusMonths(4);
        if (!partitions.months().contains(old)) {
            partitions.create(old);
        }
        Instant inOldMonth = old.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant boundary = Instant.now().minus(Duration.ofDays(31));
        importFile(write("months.jsonl", row(marker + "-m1", inOldMonth, null, null, null, "gpt-4o", 500, null)
                + row(marker + "-m2", inOldMonth.plusSeconds(60), null, null, null, "gpt-4o", 500, null)
                + row(marker + "-edge", boundary, null, null, null, "gpt-4o", 500, null)
                + row(marker + "-keep", Instant.now().minus(Duration.ofDays(2)), null, null, null, "gpt-4o", 200, null)),
                "months.jsonl", "CANONICAL");
        assertThat(tableOf(marker + "-m1")).isEqualTo(LogPartitions.name(old));

        LogRetentionJob.Purged purged = retention.purge();

        assertThat(purged.monthsDropped()).contains(old);
        assertThat(partitions.months()).doesNotContain(old).contains(YearMonth.now(ZoneOffset.UTC));
        assertThat(purged.rowsDeleted()).isPositive();
        assertThat(jdbc.queryForList("SELECT request_id FROM gateway_log_entries WHERE request_id LIKE ?", String.class,
                marker + "%")).containsExactly(marker + "-keep");
    }

    @Test
    void sameRequestIdWithinTheDuplicateWindowIsADuplicateAcrossBatchesAndMonths() {
        Instant endOfMonth = YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC).minusSeconds(30);
        String id = marker + "-edge";
        assertThat(importFile(write("a.jsonl", row(id, endOfMonth, null, null, null, "gpt-4o", 500, "first")),
                "a.jsonl", "CANONICAL").imported()).isEqualTo(1);
        // Re-imported with a time-zone slip that carries it into the next month's partition.
        ImportSummary again = importFile(write("b.jsonl", row(id, endOfMonth.plus(Duration.ofHours(8)), null, null, null,
                "gpt-4o", 500, "second")), "b.jsonl", "CANONICAL");
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(count(id)).isEqualTo(1);
    }

    @Test
    void everyPartitionHasTheIndexesMatchingReadsAndNoReadScansATable() {
        List<String> tables = jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c"
                + " ON c.oid = i.inhrelid WHERE i.inhparent = 'gateway_log_entries'::regclass", String.class);
        assertThat(tables).hasSizeGreaterThanOrEqualTo(5).contains(LogPartitions.DEFAULT_PARTITION);
        for (String table : tables) {
            assertThat(jdbc.queryForList("SELECT substring(indexdef from '\\((.*)\\)') FROM pg_indexes"
                    + " WHERE tablename = ?", String.class, table)).as(table).contains("request_id",
                    "dedupe_key, created_at", "key_hash_sha256, created_at", "key_last4, key_prefix, created_at",
                    "key_id, created_at", "key_name, created_at", "created_at");
        }
        // Small test partitions tempt the planner to scan; forbidding it shows that an index serves each one.
        List<String> plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return jdbc.queryForList("EXPLAIN " + LogEntryStore.SELECT_ENTRY
                    + " WHERE request_id IN ('x') ORDER BY created_at DESC LIMIT 50", String.class);
        });
        assertThat(String.join("\n", plan)).doesNotContain("Seq Scan");
    }

    private String tableOf(String requestId) {
        return jdbc.queryForObject("SELECT tableoid::regclass::text FROM gateway_log_entries WHERE request_id = ?",
                String.class, requestId);
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LogRetentionJob.LOCK_KEY);
            statement.execute();
        }
    }

    private long count(String requestId) {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries WHERE request_id = ?", Long.class,
                requestId);
    }
}
