package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.ImportStatus;
import io.gatedesk.gatewaylog.ImportSummary;
import io.gatedesk.gatewaylog.LogImportException;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.gatewaylog.LogEntryView;
import io.gatedesk.gatewaylog.LogMatch;
import io.gatedesk.gatewaylog.LogMatchService;
import io.gatedesk.gatewaylog.MatchReason;
import io.gatedesk.gatewaylog.format.LogContainer;
import io.gatedesk.gatewaylog.format.LogFormat;
import io.gatedesk.gatewaylog.format.SyntheticLogGenerator;
import io.gatedesk.gatewaylog.match.TicketLogService;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the gateway-log store, importer and matcher must do on every database GateDesk runs on. Subclasses bind it to
 * H2 and to PostgreSQL with the application's own Flyway migrations. Every test writes rows with its own marker and
 * its own far-future time, so tests sharing a database cannot see each other's rows.
 */
abstract class GatewayLogStoreContract {

    @Autowired
    LogImportService imports;
    @Autowired
    LogMatchService matches;
    @Autowired
    TicketLogService ticketLogs;
    @Autowired
    TicketService tickets;
    @Autowired
    LogRetentionJob retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LogEntryStore store;

    String marker;
    Instant base;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        base = Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(200_000)));
    }

    Path write(String name, String content) {
        try {
            Path file = Files.createTempFile("gd-test-", "-" + name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/gatewaylog/" + name)) {
            Path file = Files.createTempFile("gd-fixture-", "-" + name);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportSummary importFile(Path file, String name, String format) {
        return imports.importNow(file, name, format, "UTC", "tester", "API");
    }

    /** A canonical JSON Lines row. */
    String row(String requestId, Instant at, String keyPrefix, String keyLast4, String keyId, String model,
               Integer status, String errorMessage) {
        return "{\"source\":\"new-api\",\"request_id\":" + json(requestId) + ",\"created_at\":\"" + at + "\","
                + "\"log_type\":\"" + (status != null && status >= 400 ? "error" : "consume") + "\","
                + "\"key_prefix\":" + json(keyPrefix) + ",\"key_last4\":" + json(keyLast4) + ",\"key_id\":" + json(keyId)
                + ",\"model\":" + json(model) + ",\"status_code\":" + status + ",\"error_message\":" + json(errorMessage)
                + ",\"latency_ms\":120}\n";
    }

    static String json(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    long ticket(String description, String model, String maskedKey, Instant requestTime) {
        LocalDateTime local = requestTime == null ? null : LocalDateTime.ofInstant(requestTime, ZoneOffset.UTC);
        return tickets.submit(new NewTicket("Logs " + marker, description, "Ann", "ann@example.com",
                ClientApp.CURSOR, null, null, model, maskedKey, List.of(), 429, null, local,
                requestTime == null ? null : "UTC", true, CallerType.PRODUCTION), Locale.ENGLISH).id();
    }

    static String tail() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------------ importing

    @Test
    void migrationsCreateTheLogTables() {
        List<String> tables = jdbc.queryForList(
                "SELECT lower(table_name) FROM information_schema.tables WHERE lower(table_schema) = 'public'",
                String.class);
        assertThat(tables).contains("gateway_log_entries", "key_inventory", "log_imports", "log_import_errors",
                "ingest_tokens", "ticket_log_pins", "ticket_request_ids");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "one-api-logs.json, ONE_API_TABLE",
            "new-api-logs.csv, NEW_API_TABLE",
            "new-api-logs.jsonl, NEW_API_TABLE",
            "litellm-spend.csv, LITELLM_SPEND",
            "litellm-spend.json, LITELLM_SPEND",
            "litellm-errors.csv, LITELLM_ERROR",
            "canonical.jsonl, CANONICAL",
            "canonical.csv, CANONICAL",
            "new-api-tokens.json, NEW_API_TOKENS",
            "litellm-tokens.csv, LITELLM_TOKENS"})
    void everyFixtureImportsWithItsFormatDetected(String fixture, LogFormat expected) {
        ImportSummary summary = importFile(fixture(fixture), fixture, null);
        assertThat(summary.status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary.format()).isEqualTo(expected.name());
        assertThat(summary.imported() + summary.duplicates()).isPositive();
        assertThat(summary.errors()).allSatisfy(e -> assertThat(e.lineNumber()).isPositive());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ONE_API_TEXT", "ONE_API_TABLE", "NEW_API_TABLE", "LITELLM_SPEND", "LITELLM_ERROR", "CANONICAL",
            "NEW_API_TOKENS", "LITELLM_TOKENS"})
    void generatedExportsOfEveryFormatImportOnceAndOnlyOnce(LogFormat format) throws IOException {
        Path file = Files.createTempFile("gd-synthetic-", ".txt");
        new SyntheticLogGenerator(ThreadLocalRandom.current().nextLong()).write(format, 300, file);
        ImportSummary first = importFile(file, "export", format.name());
        assertThat(first.status()).isEqualTo(ImportStatus.DONE);
        assertThat(first.imported()).isPositive();

        ImportSummary again = importFile(file, "export", format.name());
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(first.imported() + first.duplicates());
    }

    @Test
    void sameFileTwiceAddsNothing() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append(row(marker + "-" + i, base.plusSeconds(i), "sk-abcd", "wxyz", null, "gpt-4o", 200, null));
        }
        // A row without request ID is keyed on its content.
        lines.append(row(null, base, "sk-abcd", "wxyz", null, "gpt-4o", 500, "no id " + marker));
        Path file = write("twice.jsonl", lines.toString());
        long before = count();
        assertThat(importFile(file, "twice.jsonl", "auto").imported()).isEqualTo(51);
        ImportSummary again = importFile(file, "twice.jsonl", "auto");
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(51);
        assertThat(count() - before).isEqualTo(51);
    }

    @Test
    void rejectedLinesAreReportedWithLineNumberAndReason() throws IOException {
        String content = row(marker + "-ok", base, null, null, null, "gpt-4o", 200, null)
                + "{not json\n"
                + "{\"request_id\":\"" + marker + "-notime\"}\n";
        ImportSummary summary = importFile(write("bad.jsonl", content), "bad.jsonl", "CANONICAL");
        assertThat(summary.imported()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.errors()).extracting(ImportSummary.LineProblem::lineNumber).containsExactly(2L, 3L);
        assertThat(summary.errors()).extracting(ImportSummary.LineProblem::code).containsExactly("BAD_JSON", "MISSING_TIME");
        var csv = new java.io.StringWriter();
        imports.writeErrorsCsv(summary.id(), csv);
        assertThat(csv.toString()).startsWith("line_number,code,reason").contains("2,BAD_JSON", "3,MISSING_TIME");
    }

    @Test
    void rawKeyInsideAnImportedErrorMessageIsMaskedAndFingerprinted() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789";
        StringBuilder body = new StringBuilder("Zq8");
        while (body.length() < 48) {
            body.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        String rawKey = "sk-" + body;
        String content = row(marker + "-leak", base, null, null, null, "gpt-4o", 401,
                "Invalid token " + rawKey + " (request id: " + marker + ")");
        importFile(write("leak.jsonl", content), "leak.jsonl", "CANONICAL");
        var stored = jdbc.queryForMap("SELECT error_message, key_hash_sha256, key_prefix, key_last4"
                + " FROM gateway_log_entries WHERE request_id = ?", marker + "-leak");
        assertThat((String) stored.get("error_message")).doesNotContain(rawKey).contains("sk-Zq8").contains("\u2026");
        assertThat(stored.get("key_hash_sha256")).isEqualTo(io.gatedesk.common.Hashing.sha256Hex(rawKey));
        assertThat(stored.get("key_prefix")).isEqualTo(rawKey.substring(0, 7));
        assertThat(stored.get("key_last4")).isEqualTo(rawKey.substring(rawKey.length() - 4));
        Integer anywhere = jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries WHERE error_message LIKE ?"
                + " OR key_name LIKE ?", Integer.class, "%" + rawKey + "%", "%" + rawKey + "%");
        assertThat(anywhere).isZero();
    }

    /** Values that break naive CSV, COPY text format or JSON handling; each must come back exactly as sent. */
    static final List<String> HOSTILE = List.of(
            "tab\there\tand\tthere",
            "line one\nline two\r\nline three\rend",
            "back\\slash \\N \\t C:\\Program Files\\gateway\\ \\\\server",
            "\\.",
            "before\n\\.\nafter",
            "quote \" and 'single' and \"\"doubled\"\"",
            "comma, semicolon; pipe | and \"a, quoted\" cell",
            "当前分组上游负载已饱和，请稍后再试（请求 ID：２０２４）",
            "emoji 🚀 and fullwidth ＄0.05 and ümlaut",
            "  padded with spaces  ",
            "NULL",
            "\"\"",
            "\u0001 control \u001f characters \u007f");

    /** A JSON string literal, control characters escaped. */
    static String jsonString(String value) {
        return '"' + SyntheticLogGenerator.jsonEscape(value) + '"';
    }

    @Test
    void hostileTextComesBackExactlyAsImported() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < HOSTILE.size(); i++) {
            lines.append("{\"source\":\"new-api\",\"request_id\":\"").append(marker).append("-h").append(i)
                    .append("\",\"created_at\":\"").append(base.plusSeconds(i)).append("\",\"log_type\":\"error\",")
                    .append("\"username\":").append(jsonString(HOSTILE.get(i))).append(",\"channel_name\":")
                    .append(jsonString(HOSTILE.get((i + 1) % HOSTILE.size()))).append(",\"error_message\":")
                    .append(jsonString(HOSTILE.get(i))).append(",\"status_code\":500}\n");
        }
        ImportSummary summary = importFile(write("hostile.jsonl", lines.toString()), "hostile.jsonl", "CANONICAL");
        assertThat(summary.rejected()).isZero();
        assertThat(summary.imported()).isEqualTo(HOSTILE.size());
        for (int i = 0; i < HOSTILE.size(); i++) {
            var stored = jdbc.queryForMap("SELECT username, channel_name, error_message FROM gateway_log_entries"
                    + " WHERE request_id = ?", marker + "-h" + i);
            assertThat(stored.get("error_message")).as("row %d", i).isEqualTo(HOSTILE.get(i));
            assertThat(stored.get("username")).as("row %d", i).isEqualTo(HOSTILE.get(i));
            assertThat(stored.get("channel_name")).as("row %d", i).isEqualTo(HOSTILE.get((i + 1) % HOSTILE.size()));
        }
        assertThat(importFile(write("hostile.jsonl", lines.toString()), "hostile.jsonl", "CANONICAL").duplicates())
                .isEqualTo(HOSTILE.size());
    }

    @Test
    void aRowWithANulCharacterIsRejectedWithItsLineAndTheRestIsImported() {
        String content = row(marker + "-before", base, null, null, null, "gpt-4o", 200, null)
                + row(marker + "-nul", base.plusSeconds(1), null, null, null, "gpt-4o", 500, "x")
                        .replace("\"error_message\":\"x\"", "\"error_message\":\"bad \\u0000 byte\"")
                + row(marker + "-after", base.plusSeconds(2), null, null, null, "gpt-4o", 200, null);
        ImportSummary summary = importFile(write("nul.jsonl", content), "nul.jsonl", "CANONICAL");
        assertThat(summary.status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.errors()).singleElement().satisfies(e -> {
            assertThat(e.lineNumber()).isEqualTo(2);
            assertThat(e.code()).isEqualTo("NUL_CHARACTER");
            assertThat(e.reason()).contains("error_message");
        });
        assertThat(jdbc.queryForList("SELECT request_id FROM gateway_log_entries WHERE request_id LIKE ?",
                String.class, marker + "%")).containsExactlyInAnyOrder(marker + "-before", marker + "-after");
    }

    @Test
    void aNulCharacterInATextLogLineRejectsThatLine() {
        String id = "20310101080000" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999) + "12345678";
        // Past the first 8 KB, which the upload check reads: a NUL there refuses the whole file as binary.
        String content = "[SYS] 2031/01/01 - 07:59:59 | a line of padding before the request lines\n".repeat(150)
                + "[GIN] 2031/01/01 - 08:00:00 | " + id + " | 200 |    1.2s |   203.0.113.9 | POST     /v1/chat/completions\n"
                + "[ERR] 2031/01/01 - 08:00:01 | " + id + "x | bad \0 byte\n";
        ImportSummary summary = importFile(write("nul.log", content), "nul.log", "ONE_API_TEXT");
        assertThat(summary.imported()).isEqualTo(1);
        assertThat(summary.errors()).extracting(ImportSummary.LineProblem::code).containsExactly("NUL_CHARACTER");
    }

    @Test
    void duplicatesInsideOneFileCountOnceAndTheFirstIsKept() {
        String content = row(marker + "-twice", base, null, null, null, "gpt-4o", 500, "first")
                + row(marker + "-once", base, null, null, null, "gpt-4o", 200, null)
                + row(marker + "-twice", base.plusSeconds(5), null, null, null, "gpt-4o", 502, "second");
        ImportSummary summary = importFile(write("dupes.jsonl", content), "dupes.jsonl", "CANONICAL");
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT error_message FROM gateway_log_entries WHERE request_id = ?",
                String.class, marker + "-twice")).isEqualTo("first");
    }

    @Test
    void aFileOfSeveralBatchesImportsEveryRowOnceAndCountsRight() throws IOException {
        int rows = LogImportService.BATCH_ROWS * 2 + 1_234;
        Path file = Files.createTempFile("gd-batches-", ".csv");
        new SyntheticLogGenerator(ThreadLocalRandom.current().nextLong()).write(LogFormat.CANONICAL, LogContainer.CSV,
                rows, file);
        // A few rows of the file again at its end, and a broken line: duplicates and rejects across batches.
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(1, 4), java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(file, "new-api,broken-" + marker + ",not a time\n", java.nio.file.StandardOpenOption.APPEND);

        ImportSummary first = importFile(file, "batches.csv", "CANONICAL");
        assertThat(first.status()).isEqualTo(ImportStatus.DONE);
        assertThat(first.imported()).isEqualTo(rows);
        assertThat(first.duplicates()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.errors()).singleElement().satisfies(e -> assertThat(e.lineNumber()).isEqualTo(rows + 5));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries WHERE import_id = ?", Long.class,
                first.id())).isEqualTo(rows);

        ImportSummary again = importFile(file, "batches.csv", "CANONICAL");
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(rows + 3);
    }

    /** A one-api {@code logs} table export row: epoch seconds, an exact instant. */
    static String oneApiRow(int n, Instant at, String requestId) {
        return n + ",7," + at.getEpochSecond() + ",2,,user7,cursor,gpt-4o," + (100 + n) + "," + n + ",5,3,"
                + (requestId == null ? "" : requestId) + ",350,false,false\n";
    }

    @Test
    void anExactTimeExportStoresEachRequestOnceAcrossBatchesAndAgainNothing() {
        StringBuilder csv = new StringBuilder("id,user_id,created_at,type,content,username,token_name,model_name,"
                + "quota,prompt_tokens,completion_tokens,channel,request_id,elapsed_time,is_stream,"
                + "system_prompt_reset\n");
        int rows = LogImportService.BATCH_ROWS + 500;
        for (int i = 0; i < rows; i++) {
            // One row in ten without a request ID, keyed on its content.
            csv.append(oneApiRow(i, base.plusSeconds(i), i % 10 == 0 ? null : marker + "-" + i));
        }
        // The same request logged again a minute later (a retry), in the file's second batch: one entry per request.
        csv.append(oneApiRow(rows, base.plusSeconds(61), marker + "-1"));
        Path file = write("one-api-logs.csv", csv.toString());

        ImportSummary first = importFile(file, "one-api-logs.csv", "ONE_API_TABLE");
        assertThat(first.imported()).isEqualTo(rows);
        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT created_at FROM gateway_log_entries WHERE request_id = ?",
                java.time.OffsetDateTime.class, marker + "-1"))
                .singleElement().satisfies(at -> assertThat(at.toInstant()).isEqualTo(base.plusSeconds(1)));

        ImportSummary again = importFile(file, "one-api-logs.csv", "ONE_API_TABLE");
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(rows + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries WHERE import_id IN (?, ?)",
                Long.class, first.id(), again.id())).isEqualTo(rows);
    }

    @Test
    void aTextLogImportedAgainWithItsZoneSlippedAddsNothing() {
        StringBuilder log = new StringBuilder();
        String day = LocalDateTime.ofInstant(base, ZoneOffset.UTC).format(java.time.format.DateTimeFormatter
                .ofPattern("yyyy/MM/dd"));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = marker + "-gin-" + i;
            ids.add(id);
            log.append("[GIN] ").append(day).append(" - 0").append(i).append(":00:00 | ").append(id)
                    .append(" | 200 |    1.2s |   203.0.113.9 | POST     /v1/chat/completions\n");
        }
        Path file = write("one-api.log", log.toString());
        ImportSummary first = imports.importNow(file, "one-api.log", "ONE_API_TEXT", "UTC", "t", "API");
        assertThat(first.imported()).isEqualTo(3);

        // The same log read as Shanghai time: every instant eight hours earlier, every request already stored.
        ImportSummary slipped = imports.importNow(file, "one-api.log", "ONE_API_TEXT", "Asia/Shanghai", "t", "API");
        assertThat(slipped.imported()).isZero();
        assertThat(slipped.duplicates()).isEqualTo(3);
        for (String id : ids) {
            assertThat(jdbc.queryForList("SELECT import_id FROM gateway_log_entries WHERE request_id = ?", Long.class,
                    id)).containsExactly(first.id());
        }
    }

    // ------------------------------------------------------------------------------------------------ interrupted

    long importRow(String status, Instant createdAt, Instant heartbeat) {
        jdbc.update("INSERT INTO log_imports (channel, file_name, format, time_zone, status, total_bytes, started_by,"
                        + " created_at, heartbeat_at) VALUES ('UPLOAD', ?, 'CANONICAL', 'UTC', ?, 100, 'tester', ?, ?)",
                marker + ".jsonl", status, LogEntryStore.utc(createdAt),
                heartbeat == null ? null : LogEntryStore.utc(heartbeat));
        return jdbc.queryForObject("SELECT max(id) FROM log_imports WHERE file_name = ?", Long.class, marker + ".jsonl");
    }

    @Test
    void importsWhoseHeartbeatStoppedAreMarkedInterruptedAndLiveOnesAreLeftAlone() {
        Instant now = Instant.now();
        long crashed = importRow("RUNNING", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        long queuedOnADeadNode = importRow("QUEUED", now.minus(Duration.ofHours(1)), null);
        long runningElsewhere = importRow("RUNNING", now.minus(Duration.ofHours(3)), now.minusSeconds(10));
        long done = importRow("DONE", now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));

        assertThat(imports.failInterrupted()).isGreaterThanOrEqualTo(2);

        for (long id : List.of(crashed, queuedOnADeadNode)) {
            ImportSummary summary = imports.summary(id).orElseThrow();
            assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(summary.failure()).isEqualTo("INTERRUPTED");
            assertThat(summary.finishedAt()).isNotNull();
        }
        assertThat(imports.summary(runningElsewhere).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(imports.summary(done).orElseThrow().status()).isEqualTo(ImportStatus.DONE);
    }

    @Test
    void badFilesAreRefusedBeforeAnythingIsStored() throws IOException {
        Path empty = write("empty.jsonl", "");
        assertThatThrownBy(() -> importFile(empty, "empty.jsonl", null))
                .isInstanceOfSatisfying(LogImportException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_FILE"));
        Path binary = Files.createTempFile("gd-", ".gz");
        Files.write(binary, new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> importFile(binary, "logs.gz", null))
                .isInstanceOfSatisfying(LogImportException.class, e -> assertThat(e.code()).isEqualTo("BINARY_FILE"));
        Path unknown = write("notes.txt", "hello\nworld\n");
        assertThatThrownBy(() -> importFile(unknown, "notes.txt", null))
                .isInstanceOfSatisfying(LogImportException.class, e -> assertThat(e.code()).isEqualTo("UNDETECTED_FORMAT"));
        assertThatThrownBy(() -> importFile(unknown, "notes.txt", "HELICONE"))
                .isInstanceOfSatisfying(LogImportException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_FORMAT"));
        assertThatThrownBy(() -> imports.importNow(unknown, "notes.txt", "CANONICAL", "Mars/Olympus", "t", "API"))
                .isInstanceOfSatisfying(LogImportException.class, e -> assertThat(e.code()).isEqualTo("BAD_TIME_ZONE"));
    }

    @Test
    void textLogTimesUseTheChosenTimeZone() {
        String id = "20310101080000" + "123456789" + "12345678";
        String content = "[GIN] 2031/01/01 - 08:00:00 | " + id + " | 200 |    1.2s |   203.0.113.9 | POST     /v1/chat/completions\n";
        imports.importNow(write("one-api.log", content), "one-api.log", null, "Asia/Shanghai", "t", "API");
        var at = jdbc.queryForObject("SELECT created_at FROM gateway_log_entries WHERE request_id = ?",
                java.time.OffsetDateTime.class, id);
        assertThat(at.toInstant()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
    }

    // ------------------------------------------------------------------------------------------------ matching

    @Test
    void entriesOfRequestIdsComeNewestFirstAndOverTheLimitOnlyTheNewest() {
        // Three request IDs (on PostgreSQL one ID could also hold rows days apart; on H2 its key is unique outright).
        String first = marker + "-a";
        String second = marker + "-b";
        String third = marker + "-c";
        importFile(write("r.jsonl", row(first, base, "sk-abcd", tail(), null, "gpt-4o", 502, "upstream")
                + row(second, base.plus(Duration.ofDays(6)), "sk-abcd", tail(), null, "gpt-4o", 200, null)
                + row(third, base.plus(Duration.ofDays(3)), "sk-abcd", tail(), null, "gpt-4o", 429, "busy")), "r.jsonl",
                "CANONICAL");
        List<String> ids = List.of(first, second, third, marker + "-none");

        assertThat(store.byRequestIds(ids, 3)).extracting(LogEntryView::requestId).containsExactly(second, third, first);
        assertThat(store.byRequestIds(ids, 2)).extracting(LogEntryView::requestId).containsExactly(second, third);
        assertThat(store.byRequestIds(List.of(first, marker + "-none"), 1)).extracting(LogEntryView::statusCode)
                .containsExactly(502);
    }

    @Test
    void requestIdMatchesComeFirstAndAlone() {
        String tail = tail();
        String id = marker + "-exact";
        importFile(write("m.jsonl", row(id, base.plus(Duration.ofHours(5)), "sk-abcd", tail, null, "gpt-4o", 429, "busy")
                + row(marker + "-other", base.plusSeconds(60), "sk-abcd", tail, null, "gpt-4o", 200, null)), "m.jsonl",
                "CANONICAL");
        long ticketId = ticket("It failed, (request id: " + id + ")", "gpt-4o", "sk-abcd…" + tail, base);

        List<LogMatch> found = matches.forTicket(ticketId);
        assertThat(found).extracting(m -> m.entry().requestId()).containsExactly(id);
        assertThat(found.get(0).reason()).isEqualTo(MatchReason.REQUEST_ID);
    }

    @Test
    void keyMatchesStayInTheWindowAndTheModelClosestFirst() {
        String tail = tail();
        String content = row(marker + "-5min", base.plus(Duration.ofMinutes(5)), "sk-abcd", tail, null, "gpt-4o", 429, null)
                + row(marker + "-10min-before", base.minus(Duration.ofMinutes(10)), "sk-abcd", tail, null, "gpt-4o", 429, null)
                + row(marker + "-40min", base.plus(Duration.ofMinutes(40)), "sk-abcd", tail, null, "gpt-4o", 429, null)
                + row(marker + "-other-model", base.plus(Duration.ofMinutes(1)), "sk-abcd", tail, null, "claude", 429, null)
                + row(marker + "-other-head", base.plus(Duration.ofMinutes(2)), "sk-zzzz", tail, null, "gpt-4o", 429, null);
        importFile(write("k.jsonl", content), "k.jsonl", "CANONICAL");
        long ticketId = ticket("Rate limited all day", "gpt-4o", "sk-abcd…" + tail, base);

        List<LogMatch> found = matches.forTicket(ticketId);
        assertThat(found).extracting(m -> m.entry().requestId())
                .containsExactly(marker + "-5min", marker + "-10min-before");
        assertThat(found).allSatisfy(m -> assertThat(m.reason()).isEqualTo(MatchReason.KEY_MASK));
        assertThat(found.get(0).secondsFromTime()).isEqualTo(300L);
    }

    @Test
    void aShortMaskFitsEveryInventoryKeyWithThatTail() {
        String tail = tail();
        String idA = "9" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String idB = "8" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String idC = "7" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String tokens = "[{\"id\":" + idA + ",\"user_id\":7,\"key\":\"abcd************" + tail + "\",\"status\":1,"
                + "\"name\":\"cursor\",\"remain_quota\":1},"
                + "{\"id\":" + idB + ",\"user_id\":8,\"key\":\"efgh************" + tail + "\",\"status\":1,"
                + "\"name\":\"dify\",\"remain_quota\":1},"
                + "{\"id\":" + idC + ",\"user_id\":9,\"key\":\"abcd************" + tail().substring(0, 3) + "!"
                + "\",\"status\":1,\"name\":\"other\",\"remain_quota\":1}]";
        assertThat(importFile(write("tokens.json", tokens), "tokens.json", "NEW_API_TOKENS").imported()).isEqualTo(3);
        // The logs carry only token ids, as new-api's log table does.
        String logs = row(marker + "-a", base.plusSeconds(30), null, null, idA, "gpt-4o", 401, null)
                + row(marker + "-b", base.minusSeconds(90), null, null, idB, "gpt-4o", 401, null)
                + row(marker + "-c", base.plusSeconds(10), null, null, idC, "gpt-4o", 401, null);
        importFile(write("logs.jsonl", logs), "logs.jsonl", "CANONICAL");

        long shortMask = ticket("My key sk-...." + tail + " stopped working", null, null, base);
        assertThat(matches.forTicket(shortMask)).extracting(m -> m.entry().requestId())
                .containsExactly(marker + "-a", marker + "-b");
        assertThat(matches.forTicket(shortMask)).allSatisfy(m -> assertThat(m.reason()).isEqualTo(MatchReason.KEY_ID));

        long fullMask = ticket("Key problem", null, "sk-efgh…" + tail, base);
        assertThat(matches.forTicket(fullMask)).extracting(m -> m.entry().requestId()).containsExactly(marker + "-b");
    }

    @Test
    void aLiteLlmKeyResolvesThroughItsFingerprintInTheInventory() {
        String tail = tail();
        String hash = io.gatedesk.common.Hashing.sha256Hex("sk-litellm-" + marker + tail);
        importFile(write("tokens.csv", "token,key_name,key_alias,user_id,team_id,blocked\n"
                + hash + ",sk-..." + tail + ",cursor-" + marker + ",user-1,team-a,false\n"), "tokens.csv", null);
        String logs = "{\"source\":\"litellm\",\"request_id\":\"chatcmpl-" + marker + "\",\"created_at\":\""
                + base.plusSeconds(120) + "\",\"log_type\":\"error\",\"key_hash_sha256\":\"" + hash
                + "\",\"model\":\"gpt-4o\",\"status_code\":429}\n";
        importFile(write("spend.jsonl", logs), "spend.jsonl", "CANONICAL");

        long ticketId = ticket("429 again with key sk-..." + tail, "gpt-4o", null, base);
        List<LogMatch> found = matches.forTicket(ticketId);
        assertThat(found).extracting(m -> m.entry().requestId()).containsExactly("chatcmpl-" + marker);
        assertThat(found.get(0).reason()).isEqualTo(MatchReason.KEY_FINGERPRINT);
    }

    @Test
    void withoutARequestTimeTheWindowSitsAroundTheTicketsCreation() {
        String tail = tail();
        Instant now = Instant.now();
        importFile(write("now.jsonl", row(marker + "-now", now.minus(Duration.ofMinutes(3)), "sk-abcd", tail, null,
                null, 500, null)), "now.jsonl", "CANONICAL");
        long ticketId = ticket("Broken since a minute", null, "sk-abcd…" + tail, null);
        assertThat(matches.forTicket(ticketId)).extracting(m -> m.entry().requestId()).containsExactly(marker + "-now");
    }

    @Test
    void agentsAddAndStrikeRequestIds() {
        String found = "20310101080000123456789" + "87654321";
        long ticketId = ticket("Failed with " + found, null, null, base);
        Actor actor = new Actor(null, "Agent");
        assertThat(ticketLogs.requestIds(ticketId)).containsExactly(found);
        ticketLogs.addRequestId(ticketId, marker + "-added", actor);
        ticketLogs.removeRequestId(ticketId, found, actor);
        assertThat(ticketLogs.requestIds(ticketId)).containsExactly(marker + "-added");
        assertThat(tickets.detail(ticketId).events()).extracting(e -> e.action().name())
                .contains("REQUEST_ID_ADDED", "REQUEST_ID_REMOVED");
    }

    // ------------------------------------------------------------------------------------------------ retention

    @Test
    void retentionDeletesOldEntriesButPinnedCopiesStay() {
        Instant old = Instant.now().minus(Duration.ofDays(45));
        importFile(write("old.jsonl", row(marker + "-old", old, "sk-abcd", "wxyz", null, "gpt-4o", 504, "timeout")
                + row(marker + "-fresh", Instant.now().minus(Duration.ofDays(1)), null, null, null, "gpt-4o", 200, null)),
                "old.jsonl", "CANONICAL");
        long ticketId = ticket("Timeout (request id: " + marker + "-old)", null, null, null);
        long entryId = matches.forTicket(ticketId).get(0).entry().id();
        ticketLogs.pin(ticketId, entryId, new Actor(null, "Agent"));

        assertThat(retention.purge().any()).isTrue();

        assertThat(jdbc.queryForList("SELECT request_id FROM gateway_log_entries WHERE request_id LIKE ?", String.class,
                marker + "%")).containsExactly(marker + "-fresh");
        List<TicketLogService.Pin> pins = ticketLogs.pins(ticketId);
        assertThat(pins).singleElement().satisfies(pin -> {
            assertThat(pin.requestId()).isEqualTo(marker + "-old");
            assertThat(pin.statusCode()).isEqualTo(504);
            assertThat(pin.errorMessage()).isEqualTo("timeout");
        });
    }

    long count() {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries", Long.class);
    }
}
