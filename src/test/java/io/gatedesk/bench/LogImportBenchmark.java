package io.gatedesk.bench;

import io.gatedesk.GateDeskApplication;
import io.gatedesk.gatewaylog.ImportSummary;
import io.gatedesk.gatewaylog.LogContainer;
import io.gatedesk.gatewaylog.LogFormat;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.gatewaylog.LogMatch;
import io.gatedesk.gatewaylog.LogMatchService;
import io.gatedesk.gatewaylog.MatchQuery;
import io.gatedesk.gatewaylog.SyntheticLogGenerator;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.support.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Gateway-log figures on a real PostgreSQL 17 (embedded): import rows/s of a 1 M-row canonical file through the
 * product's import service beside PostgreSQL {@code COPY} of the same rows into a scratch table, and match latency
 * p50 / p99 through the product's matching service beside the raw indexed SQL, at 100 k and at 1.1 M entries.
 * Run: {@code java -cp target/classes:target/test-classes:<test classpath> io.gatedesk.bench.LogImportBenchmark [rows]}
 * (see docs/performance.md).
 */
public final class LogImportBenchmark {

    private static final int WARMUP = 50;
    private static final int SAMPLES = 400;
    private static final long PART_ROWS = 250_000;

    private LogImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long small = Math.min(100_000, rows / 10);
        String url = EmbeddedPostgres.newDatabase();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GateDeskApplication.class)
                .profiles("postgres")
                .properties("GATEDESK_DB_URL=" + url, "GATEDESK_DB_USER=postgres", "GATEDESK_DB_PASSWORD=postgres",
                        "server.port=0", "gatedesk.data-dir=" + Files.createTempDirectory("gd-bench"),
                        "gatedesk.admin.initial-password=bench-password", "logging.level.root=WARN")
                .run();
        try {
            LogImportService imports = app.getBean(LogImportService.class);
            LogMatchService matches = app.getBean(LogMatchService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            DataSource dataSource = app.getBean(DataSource.class);
            System.out.printf(Locale.ROOT, "PostgreSQL: %s%n", jdbc.queryForObject("SELECT version()", String.class));
            System.out.printf(Locale.ROOT, "CPUs: %d, max heap: %d MB%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));

            Path first = generate(11, LogContainer.JSON_LINES, small);
            timeImport(imports, first, small);
            latency(matches, jdbc, "at " + count(jdbc) + " entries");

            // A 1 M-row canonical file is ~630 MB, beyond the 200 MB upload limit, so it goes in as parts of 250 k rows.
            int parts = (int) Math.max(1, (rows + PART_ROWS - 1) / PART_ROWS);
            long perPart = rows / parts;
            List<Path> jsonl = new ArrayList<>();
            List<Path> csv = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                jsonl.add(generate(42 + i, LogContainer.JSON_LINES, perPart));
                csv.add(generate(42 + i, LogContainer.CSV, perPart));
            }
            long start = System.nanoTime();
            long imported = 0;
            for (Path part : jsonl) {
                imported += timeImport(imports, part, perPart).imported();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "IMPORT TOTAL %,d rows in %d files via LogImportService: %.1f s = %,.0f rows/s"
                    + " (imported %,d)%n", perPart * parts, parts, seconds, perPart * parts / seconds, imported);
            timeCopy(dataSource, jdbc, csv, perPart * parts);
            timeImportAgain(imports, jsonl.get(0), perPart);
            latency(matches, jdbc, "at " + count(jdbc) + " entries");
        } finally {
            app.close();
        }
        System.exit(0);
    }

    static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries", Long.class);
    }

    static Path generate(long seed, LogContainer container, long rows) throws Exception {
        Path file = Files.createTempFile("gd-bench-", container == LogContainer.CSV ? ".csv" : ".jsonl");
        file.toFile().deleteOnExit();
        long start = System.nanoTime();
        new SyntheticLogGenerator(seed).write(LogFormat.CANONICAL, container, rows, file);
        System.out.printf(Locale.ROOT, "generated %,d canonical rows (%s, %,d MB) in %.1f s%n", rows, container,
                Files.size(file) / (1024 * 1024), (System.nanoTime() - start) / 1e9);
        return file;
    }

    static ImportSummary timeImport(LogImportService imports, Path file, long rows) {
        long start = System.nanoTime();
        ImportSummary summary = imports.importNow(file, file.getFileName().toString(), "CANONICAL", "UTC", "bench", "API");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "IMPORT %,d rows via LogImportService: %.1f s = %,.0f rows/s (imported %,d,"
                + " duplicates %,d, rejected %,d)%n", rows, seconds, rows / seconds, summary.imported(),
                summary.duplicates(), summary.rejected());
        return summary;
    }

    static void timeImportAgain(LogImportService imports, Path file, long rows) {
        long start = System.nanoTime();
        ImportSummary summary = imports.importNow(file, file.getFileName().toString(), "CANONICAL", "UTC", "bench", "API");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "RE-IMPORT of the same %,d rows (all duplicates): %.1f s = %,.0f rows/s"
                + " (imported %,d, duplicates %,d)%n", rows, seconds, rows / seconds, summary.imported(),
                summary.duplicates());
    }

    /** The same rows as CSV, loaded by COPY into a typed scratch table with the canonical columns. */
    static void timeCopy(DataSource dataSource, JdbcTemplate jdbc, List<Path> files, long rows) throws Exception {
        jdbc.execute("DROP TABLE IF EXISTS bench_copy");
        jdbc.execute("CREATE TABLE bench_copy (source text, request_id text, created_at timestamptz, log_type text,"
                + " user_id text, username text, key_name text, key_id text, key_hash_sha256 text, key_prefix text,"
                + " key_last4 text, group_name text, model text, upstream_model text, channel_id text, channel_name text,"
                + " status_code integer, error_type text, error_code text, error_message text, prompt_tokens bigint,"
                + " completion_tokens bigint, cost_usd numeric(20, 8), quota_raw bigint, latency_ms bigint,"
                + " ttft_ms bigint, is_stream boolean, client_ip text)");
        long start = System.nanoTime();
        long copied = 0;
        for (Path csv : files) {
            try (Connection connection = dataSource.getConnection();
                 Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                copied += connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "COPY %,d rows into a scratch table (no indexes): %.1f s = %,.0f rows/s%n",
                copied, seconds, copied / seconds);
        jdbc.execute("DROP TABLE bench_copy");
    }

    record Sample(String requestId, String keyPrefix, String keyLast4, String model, Instant at) {
    }

    static void latency(LogMatchService matches, JdbcTemplate jdbc, String label) {
        jdbc.execute("ANALYZE gateway_log_entries");
        List<Sample> samples = jdbc.query("SELECT request_id, key_prefix, key_last4, model, created_at"
                        + " FROM gateway_log_entries WHERE request_id IS NOT NULL ORDER BY random() LIMIT ?",
                (rs, n) -> new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()), WARMUP + SAMPLES);
        Duration window = matches.window();
        measure("match by request ID, LogMatchService " + label, samples, s -> () ->
                matches.find(new MatchQuery(List.of(s.requestId()), List.of(), s.at(), null, null, null)).size());
        measure("match by request ID, raw SQL          " + label, samples, s -> () ->
                jdbc.queryForList("SELECT * FROM gateway_log_entries WHERE request_id = ? LIMIT 500", s.requestId()).size());
        measure("match by masked key ±" + window.toMinutes() + " min + model, LogMatchService " + label, samples, s -> () -> {
            MaskedKey key = MaskedKey.of("sk-", s.keyPrefix().substring(3), s.keyLast4());
            List<LogMatch> found = matches.find(new MatchQuery(List.of(), List.of(key), s.at(), s.at().minus(window),
                    s.at().plus(window), s.model()));
            return found.size();
        });
        measure("match by masked key ±" + window.toMinutes() + " min + model, raw SQL          " + label, samples, s -> () ->
                jdbc.queryForList("SELECT * FROM gateway_log_entries WHERE key_last4 = ? AND created_at BETWEEN ? AND ?"
                                + " AND (model = ? OR upstream_model = ?) ORDER BY created_at DESC LIMIT 500",
                        s.keyLast4(), s.at().minus(window).atOffset(java.time.ZoneOffset.UTC),
                        s.at().plus(window).atOffset(java.time.ZoneOffset.UTC), s.model(), s.model()).size());
    }

    interface Probe {
        Supplier<Integer> of(Sample sample);
    }

    static void measure(String label, List<Sample> samples, Probe probe) {
        long[] nanos = new long[Math.max(0, samples.size() - WARMUP)];
        long found = 0;
        for (int i = 0; i < samples.size(); i++) {
            long start = System.nanoTime();
            int n = probe.of(samples.get(i)).get();
            long took = System.nanoTime() - start;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
                found += n;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "LATENCY %s: p50 %.2f ms, p99 %.2f ms over %d queries (%.1f rows each)%n", label,
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6,
                nanos.length, (double) found / Math.max(1, nanos.length));
    }
}
