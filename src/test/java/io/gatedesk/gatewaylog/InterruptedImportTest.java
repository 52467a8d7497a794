package io.gatedesk.gatewaylog;

import io.gatedesk.GateDeskApplication;
import io.gatedesk.gatewaylog.format.LogContainer;
import io.gatedesk.gatewaylog.format.LogFormat;
import io.gatedesk.gatewaylog.format.SyntheticLogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports cut short by a stop or a crash end as failed with a reason, not "importing" forever. */
class InterruptedImportTest {

    @TempDir
    Path dataDir;

    @Test
    void anImportLeftRunningByACrashIsMarkedInterruptedWhenGateDeskStartsAgain() {
        long crashed;
        try (ConfigurableApplicationContext first = start()) {
            // What a killed node leaves behind: a running import whose heartbeat stopped long ago.
            OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("INSERT INTO log_imports (channel, file_name, format, time_zone, status, total_bytes,"
                    + " bytes_read, started_by, created_at, heartbeat_at) VALUES ('UPLOAD', 'big.csv', 'CANONICAL',"
                    + " 'UTC', 'RUNNING', 1000, 400, 'agent', ?, ?)", longAgo, longAgo);
            crashed = jdbc.queryForObject("SELECT max(id) FROM log_imports", Long.class);
        }
        try (ConfigurableApplicationContext second = start()) {
            ImportSummary summary = second.getBean(LogImportService.class).summary(crashed).orElseThrow();
            assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(summary.failure()).isEqualTo("INTERRUPTED");
            assertThat(summary.bytesRead()).isEqualTo(400);
        }
    }

    @Test
    void stoppingGateDeskInTheMiddleOfAnUploadMarksItInterrupted() throws Exception {
        Path file = dataDir.resolve("upload.csv");
        new SyntheticLogGenerator(5).write(LogFormat.CANONICAL, LogContainer.CSV, 300_000, file);
        long id;
        try (ConfigurableApplicationContext first = start()) {
            LogImportService imports = first.getBean(LogImportService.class);
            id = imports.submit(file, "upload.csv", "CANONICAL", "UTC", "agent");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (imports.summary(id).orElseThrow().imported() == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        }
        try (ConfigurableApplicationContext second = start()) {
            ImportSummary summary = second.getBean(LogImportService.class).summary(id).orElseThrow();
            assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(summary.failure()).isEqualTo("INTERRUPTED");
            assertThat(summary.imported()).isPositive().isLessThan(300_000);
            // Each batch is one transaction: what the summary counts is exactly what is stored.
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM gateway_log_entries WHERE import_id = ?", Long.class, id))
                    .isEqualTo(summary.imported());
        }
    }

    @Test
    void stoppingGateDeskGracefullyLetsARunningImportFinish() throws Exception {
        Path file = dataDir.resolve("small.csv");
        new SyntheticLogGenerator(7).write(LogFormat.CANONICAL, LogContainer.CSV, 100_000, file);
        long id;
        try (ConfigurableApplicationContext first = start("120s")) {
            LogImportService imports = first.getBean(LogImportService.class);
            id = imports.submit(file, "small.csv", "CANONICAL", "UTC", "agent");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (imports.summary(id).orElseThrow().imported() == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(imports.summary(id).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
        }
        try (ConfigurableApplicationContext second = start()) {
            ImportSummary summary = second.getBean(LogImportService.class).summary(id).orElseThrow();
            assertThat(summary.status()).isEqualTo(ImportStatus.DONE);
            assertThat(summary.imported()).isEqualTo(100_000);
        }
    }

    /** Without a grace period: the tests above stop in the middle of an import on purpose. */
    private ConfigurableApplicationContext start() {
        return start("0s");
    }

    private ConfigurableApplicationContext start(String shutdownGrace) {
        return new SpringApplicationBuilder(GateDeskApplication.class)
                .run("--server.port=0", "--gatedesk.data-dir=" + dataDir, "--gatedesk.admin.initial-password=",
                        "--logging.level.root=WARN", "--gatedesk.logs.shutdown-grace=" + shutdownGrace);
    }
}
