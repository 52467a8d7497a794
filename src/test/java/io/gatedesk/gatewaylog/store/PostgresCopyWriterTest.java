package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.format.GatewayLogRecord;
import io.gatedesk.gatewaylog.format.LogType;
import io.gatedesk.support.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The COPY write path on a real PostgreSQL server, record by record against what the INSERT path stores. */
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
class PostgresCopyWriterTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    LogEntryWriter writer;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    static GatewayLogRecord record(String source, String requestId, Instant at, String text) {
        return new GatewayLogRecord(source, requestId, at, LogType.ERROR, text, text, text, "42", null, "sk-abcd",
                "wxyz", text, "gpt-4o", text, "3", text, 429, text, text, text, 12L, 0L, new BigDecimal("0.00012345"),
                600L, 350L, null, true, text, text);
    }

    List<Map<String, Object>> stored(String source) {
        return jdbc.queryForList("SELECT request_id, created_at, log_type, user_id, username, key_name, key_id,"
                + " key_hash_sha256, key_prefix, key_last4, group_name, model, upstream_model, channel_id, channel_name,"
                + " status_code, error_type, error_code, error_message, prompt_tokens, completion_tokens, cost_usd,"
                + " quota_raw, latency_ms, ttft_ms, is_stream, client_ip, request_path FROM gateway_log_entries"
                + " WHERE source = ? ORDER BY request_id", source);
    }

    @Test
    void postgresWritesByCopy() {
        assertThat(writer).isInstanceOf(CopyLogEntryWriter.class);
    }

    @Test
    void hostileValuesRoundTripExactlyAndAsTheInsertPathStoresThem() {
        List<String> hostile = new ArrayList<>(GatewayLogStoreContract.HOSTILE);
        // Beyond what a parser hands over: the empty string is not null, and a value longer than its column.
        hostile.add("");
        hostile.add("长".repeat(5_000));
        Instant at = Instant.parse("2031-03-01T10:15:30.123Z");
        List<GatewayLogRecord> viaCopy = new ArrayList<>();
        List<GatewayLogRecord> viaInsert = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            viaCopy.add(record("copy-" + marker, "r" + (100 + i), at.plusSeconds(i), hostile.get(i)));
            viaInsert.add(record("insert-" + marker, "r" + (100 + i), at.plusSeconds(i), hostile.get(i)));
        }
        assertThat(writer.insert(viaCopy, null)).isEqualTo(hostile.size());
        assertThat(new InsertLogEntryWriter(dataSource).insert(viaInsert, null)).isEqualTo(hostile.size());

        List<Map<String, Object>> copied = stored("copy-" + marker);
        assertThat(copied).isEqualTo(stored("insert-" + marker));
        for (int i = 0; i < hostile.size(); i++) {
            String expected = hostile.get(i).length() > 4000 ? hostile.get(i).substring(0, 4000) : hostile.get(i);
            assertThat(copied.get(i).get("error_message")).as("value %d", i).isEqualTo(expected);
        }
        assertThat(copied.get(0).get("cost_usd")).isEqualTo(new BigDecimal("0.00012345"));
        assertThat(copied.get(0).get("ttft_ms")).isNull();
    }

    @Test
    void aBatchCountsNewRowsDuplicatesInsideItAndRowsStoredBefore() {
        Instant at = Instant.parse("2031-03-02T00:00:00Z");
        String source = "copy-" + marker;
        assertThat(writer.insert(List.of(record(source, "a", at, "first a"), record(source, "b", at, "b")), 1L))
                .isEqualTo(2);
        List<GatewayLogRecord> batch = List.of(
                record(source, "a", at, "a again, stored before"),
                record(source, "c", at, "first c"),
                record(source, "c", at.plusSeconds(1), "second c, same batch"),
                record(source, null, at, "no request id"),
                record(source, null, at, "no request id"),
                record(source, "d", at, "d"));
        assertThat(writer.insert(batch, 2L)).isEqualTo(3);
        assertThat(writer.insert(batch, 3L)).isZero();

        assertThat(jdbc.queryForList("SELECT error_message FROM gateway_log_entries WHERE source = ?"
                + " ORDER BY id", String.class, source))
                .containsExactly("first a", "b", "first c", "no request id", "d");
    }

    @Test
    void aKeyStoredInAnEarlierBatchIsADuplicateWithinTwoDaysOfItAndNotBeyond() {
        Instant at = Instant.parse("2031-03-04T12:00:00Z");
        String source = "copy-" + marker;
        assertThat(writer.insert(List.of(record(source, "a", at, "first"), record(source, null, at, "no id")), 1L))
                .isEqualTo(2);

        assertThat(writer.insert(List.of(
                record(source, "a", at.minus(Duration.ofHours(47)), "two hours inside the window, before"),
                record(source, "a", at.plus(Duration.ofHours(47)), "two hours inside the window, after"),
                record(source, null, at, "no id")), 2L)).isZero();
        assertThat(writer.insert(List.of(record(source, "a", at.plus(Duration.ofHours(49)), "beyond")), 3L))
                .isEqualTo(1);
        assertThat(writer.insert(List.of(record(source, "a", at.minus(Duration.ofHours(49)), "beyond, before")), 4L))
                .isEqualTo(1);

        assertThat(jdbc.queryForList("SELECT error_message FROM gateway_log_entries WHERE source = ? ORDER BY id",
                String.class, source)).containsExactly("first", "no id", "beyond", "beyond, before");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a guard against waiting forever, not a measurement
    void aRowAnotherImportCommitsWhileTheBatchIsCopiedIsADuplicateNotAFailure() throws Exception {
        Instant at = Instant.parse("2031-03-05T08:00:00Z");
        String source = "copy-" + marker;
        GatewayLogRecord contested = record(source, "contested", at, "theirs");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // The other import has stored the row but not committed: our probe cannot see it, our COPY waits on it.
            assertThat(CopyLogEntryWriter.Batch.of(List.of(contested), 9L).store(other)).isEqualTo(1);
            Future<Integer> ours = pool.submit(() -> writer.insert(List.of(record(source, "mine", at, "mine"),
                    record(source, "contested", at, "ours")), 10L));
            while (!copyWaitsOnALock(source)) {
                assertThat(ours).isNotDone();
                Thread.sleep(20);
            }
            other.commit();

            assertThat(ours.get(1, TimeUnit.MINUTES)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForList("SELECT error_message FROM gateway_log_entries WHERE source = ? ORDER BY id",
                String.class, source)).containsExactly("theirs", "mine");
    }

    private boolean copyWaitsOnALock(String source) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE 'COPY gateway_log_entries %'", Integer.class) > 0;
    }

    @Test
    void aNulCharacterFailsBeforeAnythingOfTheBatchIsStored() {
        String source = "copy-" + marker;
        Instant at = Instant.parse("2031-03-03T00:00:00Z");
        List<GatewayLogRecord> batch = List.of(record(source, "ok", at, "fine"), record(source, "nul", at, "a\0b"));
        assertThatThrownBy(() -> writer.insert(batch, null)).hasMessageContaining("NUL");
        assertThat(stored(source)).isEmpty();
    }
}
