package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * PostgreSQL only: {@code gateway_log_entries} becomes a table partitioned by month of {@code created_at}, so that
 * retention drops a month at once instead of deleting millions of rows, and every index stays the size of a month.
 * H2 keeps its single table (it has no declarative partitioning); nothing here runs there.
 *
 * <p>A partitioned table's unique indexes must hold the partition key: the primary key becomes {@code (id, created_at)}
 * and the dedupe index {@code (dedupe_key, created_at)}. The writer on PostgreSQL still treats a dedupe key seen again
 * within a short window as a duplicate (see {@code CopyLogEntryWriter}). Existing rows move into monthly partitions
 * from the oldest month (at most {@value #MAX_MONTHS_BACK} months back) to {@value #MONTHS_AHEAD} months ahead; any
 * other row lands in the default partition, which also catches a row whose month has no partition yet.
 */
public class V36__Partition_gateway_log_entries_by_month extends BaseJavaMigration {

    static final int MAX_MONTHS_BACK = 36;
    static final int MONTHS_AHEAD = 3;
    private static final String TABLE = "gateway_log_entries";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE " + TABLE + " RENAME TO " + TABLE + "_v4");
            sql.execute("CREATE SEQUENCE gateway_log_entry_ids");
            sql.execute("SELECT setval('gateway_log_entry_ids', COALESCE((SELECT max(id) FROM " + TABLE + "_v4), 0) + 1,"
                    + " false)");
            sql.execute("""
                    CREATE TABLE gateway_log_entries (
                        id                  BIGINT        NOT NULL DEFAULT nextval('gateway_log_entry_ids'),
                        dedupe_key          VARCHAR(200)  NOT NULL,
                        source              VARCHAR(64)   NOT NULL,
                        request_id          VARCHAR(128),
                        created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
                        log_type            VARCHAR(16)   NOT NULL,
                        user_id             VARCHAR(64),
                        username            VARCHAR(128),
                        key_name            VARCHAR(128),
                        key_id              VARCHAR(64),
                        key_hash_sha256     VARCHAR(64),
                        key_prefix          VARCHAR(32),
                        key_last4           VARCHAR(8),
                        group_name          VARCHAR(64),
                        model               VARCHAR(128),
                        upstream_model      VARCHAR(128),
                        channel_id          VARCHAR(64),
                        channel_name        VARCHAR(128),
                        status_code         INTEGER,
                        error_type          VARCHAR(128),
                        error_code          VARCHAR(128),
                        error_message       VARCHAR(4000),
                        prompt_tokens       BIGINT,
                        completion_tokens   BIGINT,
                        cost_usd            NUMERIC(20, 8),
                        quota_raw           BIGINT,
                        latency_ms          BIGINT,
                        ttft_ms             BIGINT,
                        is_stream           BOOLEAN,
                        client_ip           VARCHAR(64),
                        request_path        VARCHAR(500),
                        content_hash        VARCHAR(64)   NOT NULL,
                        import_id           BIGINT,
                        PRIMARY KEY (id, created_at)
                    ) PARTITION BY RANGE (created_at)""");
            sql.execute("ALTER SEQUENCE gateway_log_entry_ids OWNED BY gateway_log_entries.id");
            sql.execute("CREATE TABLE " + TABLE + "_default PARTITION OF " + TABLE + " DEFAULT");

            YearMonth now = YearMonth.now(ZoneOffset.UTC);
            YearMonth first = oldestMonth(sql).filter(m -> m.isBefore(now)).orElse(now);
            if (first.isBefore(now.minusMonths(MAX_MONTHS_BACK))) {
                first = now.minusMonths(MAX_MONTHS_BACK);
            }
            for (YearMonth month = first; !month.isAfter(now.plusMonths(MONTHS_AHEAD)); month = month.plusMonths(1)) {
                sql.execute("CREATE TABLE " + partition(month) + " PARTITION OF " + TABLE + " FOR VALUES FROM ('"
                        + start(month) + "') TO ('" + start(month.plusMonths(1)) + "')");
            }

            sql.execute("INSERT INTO " + TABLE + " SELECT * FROM " + TABLE + "_v4");
            sql.execute("DROP TABLE " + TABLE + "_v4");
            // Built after the move, once per partition; the names are those of V4.
            sql.execute("CREATE UNIQUE INDEX ux_gateway_log_entries_dedupe ON " + TABLE + " (dedupe_key, created_at)");
            sql.execute("CREATE INDEX ix_gateway_log_entries_request_id ON " + TABLE + " (request_id)");
            sql.execute("CREATE INDEX ix_gateway_log_entries_key_hash ON " + TABLE + " (key_hash_sha256, created_at)");
            sql.execute("CREATE INDEX ix_gateway_log_entries_key_name ON " + TABLE + " (key_name, created_at)");
            sql.execute("CREATE INDEX ix_gateway_log_entries_key_id ON " + TABLE + " (key_id, created_at)");
            sql.execute("CREATE INDEX ix_gateway_log_entries_key_mask ON " + TABLE
                    + " (key_last4, key_prefix, created_at)");
            sql.execute("CREATE INDEX ix_gateway_log_entries_model ON " + TABLE + " (model, created_at)");
            sql.execute("CREATE INDEX ix_gateway_log_entries_created ON " + TABLE + " (created_at)");
            sql.execute("ANALYZE " + TABLE);
        }
    }

    private static java.util.Optional<YearMonth> oldestMonth(Statement sql) throws SQLException {
        try (ResultSet oldest = sql.executeQuery("SELECT min(created_at) FROM " + TABLE + "_v4")) {
            OffsetDateTime at = oldest.next() ? oldest.getObject(1, OffsetDateTime.class) : null;
            return java.util.Optional.ofNullable(at).map(t -> YearMonth.from(t.withOffsetSameInstant(ZoneOffset.UTC)));
        }
    }

    /** The name {@code LogPartitions} gives the partition of {@code month}, e.g. {@code gateway_log_entries_p202612}. */
    static String partition(YearMonth month) {
        return String.format("%s_p%04d%02d", TABLE, month.getYear(), month.getMonthValue());
    }

    private static String start(YearMonth month) {
        return LocalDate.of(month.getYear(), month.getMonth(), 1) + " 00:00:00+00";
    }
}
