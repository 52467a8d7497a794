package io.gatedesk.faults;

import io.gatedesk.gatewaylog.ImportStatus;
import io.gatedesk.gatewaylog.ImportSummary;
import io.gatedesk.gatewaylog.LogImportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log import that breaks half way through leaves whole batches or nothing, says it failed and how far it got, and
 * importing the same file again adds exactly the rest. The fault is injected where a full disk or a dying database
 * would hit: the database refuses to store one row (a CHECK constraint added for the test) in the third batch.
 */
@SpringBootTest
@ActiveProfiles("test")
class InterruptedImportFaultTest {

    static final int ROWS = 30_000;
    static final int POISONED_ROW = 25_001;

    @Autowired
    LogImportService imports;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @Test
    void anImportThatFailsInItsThirdBatchKeepsTheFirstTwoWholeAndARerunAddsOnlyTheRest() throws IOException {
        String source = "fault-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("gateway.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("source,request_id,created_at,status_code\n");
            for (int row = 1; row <= ROWS; row++) {
                String requestId = row == POISONED_ROW ? "poison-" + source : source + "-" + row;
                out.write(source + "," + requestId + ",2026-12-01T10:00:00Z,500\n");
            }
        }

        ImportSummary broken;
        jdbc.execute("ALTER TABLE gateway_log_entries ADD CONSTRAINT fault_injection CHECK (request_id <> 'poison-"
                + source + "')");
        try {
            broken = imports.importNow(file, "gateway.csv", "CANONICAL", "UTC", "agent", "UPLOAD");
        } finally {
            jdbc.execute("ALTER TABLE gateway_log_entries DROP CONSTRAINT fault_injection");
        }

        assertThat(broken.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(broken.failure()).isEqualTo("STORAGE");
        assertThat(broken.imported()).isEqualTo(2L * LogImportService.BATCH_ROWS);
        assertThat(storedBy(broken.id())).as("the summary counts exactly what is stored").isEqualTo(broken.imported());
        assertThat(storedFrom(source)).as("the failed batch left nothing behind").isEqualTo(broken.imported());

        ImportSummary rerun = imports.importNow(file, "gateway.csv", "CANONICAL", "UTC", "agent", "UPLOAD");

        assertThat(rerun.status()).isEqualTo(ImportStatus.DONE);
        assertThat(rerun.imported()).isEqualTo(ROWS - broken.imported());
        assertThat(rerun.duplicates()).isEqualTo(broken.imported());
        assertThat(storedFrom(source)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT request_id) FROM gateway_log_entries WHERE source = ?",
                Long.class, source)).isEqualTo(ROWS);
    }

    private long storedBy(long importId) {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries WHERE import_id = ?", Long.class, importId);
    }

    private long storedFrom(String source) {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries WHERE source = ?", Long.class, source);
    }
}
