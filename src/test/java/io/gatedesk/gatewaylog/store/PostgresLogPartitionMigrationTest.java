package io.gatedesk.gatewaylog.store;

import io.gatedesk.support.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** V36 on a PostgreSQL database that already holds log entries: every row moves into its month, none is lost. */
class PostgresLogPartitionMigrationTest {

    @Test
    void existingEntriesMoveIntoTheirMonthsAndOutOfRangeOnesIntoTheDefault() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(EmbeddedPostgres.newDatabase(), "postgres",
                "postgres");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource).target("32").load().migrate();

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime lastMonth = now.minusMonths(1);
        OffsetDateTime ancient = now.minusYears(10);
        OffsetDateTime farAhead = now.plusYears(5);
        for (OffsetDateTime at : new OffsetDateTime[] {now, lastMonth, lastMonth.minusDays(2), ancient, farAhead}) {
            jdbc.update("INSERT INTO gateway_log_entries (dedupe_key, source, request_id, created_at, log_type,"
                    + " content_hash) VALUES (?, 'new-api', ?, ?, 'consume', 'h')", "new-api:r-" + at, "r-" + at, at);
        }
        long maxId = jdbc.queryForObject("SELECT max(id) FROM gateway_log_entries", Long.class);

        flyway(dataSource).load().migrate();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries", Long.class)).isEqualTo(5);
        assertThat(tableOf(jdbc, now)).isEqualTo(LogPartitions.name(YearMonth.from(now)));
        assertThat(tableOf(jdbc, lastMonth)).isEqualTo(LogPartitions.name(YearMonth.from(lastMonth)));
        assertThat(tableOf(jdbc, ancient)).isEqualTo(LogPartitions.DEFAULT_PARTITION);
        assertThat(tableOf(jdbc, farAhead)).isEqualTo(LogPartitions.DEFAULT_PARTITION);
        assertThat(jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'gateway_log_entries'::regclass", String.class))
                .contains(LogPartitions.name(YearMonth.from(now).plusMonths(3)));
        // New rows continue the ids of the old table.
        jdbc.update("INSERT INTO gateway_log_entries (dedupe_key, source, created_at, log_type, content_hash)"
                + " VALUES ('new-api:#x', 'new-api', now(), 'consume', 'x')");
        assertThat(jdbc.queryForObject("SELECT id FROM gateway_log_entries WHERE dedupe_key = 'new-api:#x'",
                Long.class)).isGreaterThan(maxId);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }

    private static String tableOf(JdbcTemplate jdbc, OffsetDateTime at) {
        return jdbc.queryForObject("SELECT tableoid::regclass::text FROM gateway_log_entries WHERE request_id = ?",
                String.class, "r-" + at);
    }
}
