package io.gatedesk.bench;

import io.gatedesk.GateDeskApplication;
import io.gatedesk.gatewaylog.ImportSummary;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.gatewaylog.LogMatch;
import io.gatedesk.gatewaylog.LogMatchService;
import io.gatedesk.gatewaylog.MatchQuery;
import io.gatedesk.gatewaylog.format.LogContainer;
import io.gatedesk.gatewaylog.format.LogFormat;
import io.gatedesk.gatewaylog.format.SyntheticLogGenerator;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.support.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Gateway-log figures on a real PostgreSQL 17 (embedded, {@code fsync} and {@code synchronous_commit} on):
 * <ol>
 *     <li>100 k canonical rows through {@link LogImportService}, then match latency at ~100 k entries;</li>
 *     <li>one file of 1 M rows through {@link LogImportService}: a one-api log-table export as CSV (~166 MB), because
 *     the service refuses files above the 200 MB upload limit and a 1 M-row canonical file is 250 MB (CSV) or 630 MB
 *     (JSON Lines); beside it, in the same run, {@code COPY} of the same file into an unindexed scratch table, and
 *     {@code COPY} of the same rows as stored into a copy of {@code gateway_log_entries} with all its indexes; then
 *     the same file again (all duplicates), and match latency at ~1.1 M entries;</li>
 *     <li>canonical files of {@value #SEED_FILE_ROWS} rows (~190 MB, under the limit, seeds 100…) through
 *     {@link LogImportService} until the table holds the target (10 M), {@code VACUUM ANALYZE}, and match latency
 *     there.</li>
 * </ol>
 * Latency: {@value #WARMUP} warm-up and {@code bench.match-samples} (400) measured queries for random stored entries,
 * through {@link LogMatchService#find} beside the raw indexed SQL of the same lookup, taking turns on each sample. Key lookups sample the rows that carry
 * key ends (the canonical ones; the one-api export names tokens, not key ends).
 * Run: {@code java -Xmx3g -cp target/classes:target/test-classes:<test classpath> io.gatedesk.bench.LogImportBenchmark
 * [fileRows] [targetEntries]} (see docs/performance.md).
 */
public final class LogImportBenchmark {

    private static final int WARMUP = 50;
    private static final int SAMPLES = Integer.getInteger("bench.match-samples", 400);
    private static final long SEED_FILE_ROWS = 750_000;

    private LogImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long fileRows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long target = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
        long small = Math.min(100_000, fileRows / 10);
        out("load average at start: %s", loadAverage());
        // zonky turns fsync and synchronous_commit off for fast tests; production PostgreSQL writes durably, so do we.
        EmbeddedPostgres.start(Map.of("synchronous_commit", "on", "fsync", "on"));
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
            out("PostgreSQL: %s", jdbc.queryForObject("SELECT version()", String.class));
            for (String setting : List.of("shared_buffers", "synchronous_commit", "fsync", "full_page_writes",
                    "max_wal_size", "work_mem", "maintenance_work_mem")) {
                out("  %s = %s", setting, jdbc.queryForObject("SHOW " + setting, String.class));
            }
            out("CPUs: %d, max heap: %d MB", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));

            Path first = generate(11, LogFormat.CANONICAL, LogContainer.JSON_LINES, small);
            timeImport(imports, first, "CANONICAL", small, "IMPORT");
            Files.delete(first);
            latency(matches, jdbc);

            Path file = generate(42, LogFormat.ONE_API_TABLE, LogContainer.CSV, fileRows);
            ImportSummary one = timeImport(imports, file, "ONE_API_TABLE", fileRows, "IMPORT ONE FILE");
            timeCopyOfTheFile(dataSource, jdbc, file, fileRows);
            timeCopyAsStored(dataSource, jdbc, one.id());
            timeImport(imports, file, "ONE_API_TABLE", fileRows, "RE-IMPORT (all duplicates)");
            Files.delete(file);
            latency(matches, jdbc);

            long seed = 100;
            long start = System.nanoTime();
            long seeded = 0;
            while (count(jdbc) < target) {
                long rows = Math.min(SEED_FILE_ROWS, target - count(jdbc));
                Path part = generate(seed++, LogFormat.CANONICAL, LogContainer.CSV, rows);
                seeded += timeImport(imports, part, "CANONICAL", rows, "SEED").imported();
                Files.delete(part);
                out("  table now %,d entries", count(jdbc));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out("SEED TOTAL %,d rows via LogImportService in %.0f s = %,.0f rows/s (generation included)", seeded,
                    seconds, seeded / seconds);
            long vacuum = System.nanoTime();
            jdbc.execute("VACUUM ANALYZE gateway_log_entries");
            out("VACUUM ANALYZE: %.0f s; table %s, indexes %s", (System.nanoTime() - vacuum) / 1e9,
                    jdbc.queryForObject("SELECT pg_size_pretty(pg_table_size('gateway_log_entries'))", String.class),
                    jdbc.queryForObject("SELECT pg_size_pretty(pg_indexes_size('gateway_log_entries'))", String.class));
            latency(matches, jdbc);
        } finally {
            app.close();
            out("load average at end: %s", loadAverage());
        }
        System.exit(0);
    }

    static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }

    static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries", Long.class);
    }

    static Path generate(long seed, LogFormat format, LogContainer container, long rows) throws Exception {
        Path file = Files.createTempFile("gd-bench-", container == LogContainer.CSV ? ".csv" : ".jsonl");
        file.toFile().deleteOnExit();
        long start = System.nanoTime();
        new SyntheticLogGenerator(seed).write(format, container, rows, file);
        out("generated %,d %s rows (%s, seed %d, %,d MB) in %.1f s", rows, format, container, seed,
                Files.size(file) / (1024 * 1024), (System.nanoTime() - start) / 1e9);
        return file;
    }

    static ImportSummary timeImport(LogImportService imports, Path file, String format, long rows, String label) {
        long start = System.nanoTime();
        ImportSummary summary = imports.importNow(file, file.getFileName().toString(), format, "UTC", "bench", "API");
        double seconds = (System.nanoTime() - start) / 1e9;
        out("%s %,d rows via LogImportService: %.1f s = %,.0f rows/s (%s; imported %,d, duplicates %,d,"
                        + " rejected %,d)", label, rows, seconds, rows / seconds, summary.status(), summary.imported(),
                summary.duplicates(), summary.rejected());
        return summary;
    }

    /** The same file, by COPY into a scratch table with the one-api export's columns, typed, and no index. */
    static void timeCopyOfTheFile(DataSource dataSource, JdbcTemplate jdbc, Path csv, long rows) throws Exception {
        jdbc.execute("DROP TABLE IF EXISTS bench_copy");
        jdbc.execute("CREATE TABLE bench_copy (id bigint, user_id bigint, created_at bigint, type integer,"
                + " content text, username text, token_name text, model_name text, quota bigint,"
                + " prompt_tokens bigint, completion_tokens bigint, channel bigint, request_id text,"
                + " elapsed_time bigint, is_stream boolean, system_prompt_reset boolean)");
        long start = System.nanoTime();
        long copied;
        try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(csv)) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)", in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out("COPY of the same file into a scratch table (no indexes): %,d rows in %.1f s = %,.0f rows/s", copied,
                seconds, copied / seconds);
        jdbc.execute("DROP TABLE bench_copy");
    }

    /**
     * The rows of that import as they were stored, by COPY into a copy of {@code gateway_log_entries} with its
     * indexes: what writing them costs without any parsing, guarding or duplicate check.
     */
    static void timeCopyAsStored(DataSource dataSource, JdbcTemplate jdbc, long importId) throws Exception {
        String columns = "dedupe_key, source, request_id, created_at, log_type, user_id, username, key_name, key_id,"
                + " key_hash_sha256, key_prefix, key_last4, group_name, model, upstream_model, channel_id,"
                + " channel_name, status_code, error_type, error_code, error_message, prompt_tokens, completion_tokens,"
                + " cost_usd, quota_raw, latency_ms, ttft_ms, is_stream, client_ip, request_path, content_hash,"
                + " import_id";
        Path dump = Files.createTempFile("gd-bench-stored-", ".csv");
        try (Connection connection = dataSource.getConnection(); OutputStream to = Files.newOutputStream(dump)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + columns
                    + " FROM gateway_log_entries WHERE import_id = " + importId + " ORDER BY id) TO STDOUT"
                    + " (FORMAT csv)", to);
        }
        jdbc.execute("DROP TABLE IF EXISTS bench_indexed");
        jdbc.execute("CREATE TABLE bench_indexed (LIKE gateway_log_entries INCLUDING ALL)");
        long start = System.nanoTime();
        long copied;
        try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(dump)) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bench_indexed (" + columns + ") FROM STDIN (FORMAT csv)", in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out("COPY of the same rows as stored into a copy of gateway_log_entries with its %d indexes: %,d rows in %.1f s"
                        + " = %,.0f rows/s",
                jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE tablename = 'bench_indexed'", Integer.class),
                copied, seconds, copied / seconds);
        jdbc.execute("DROP TABLE bench_indexed");
        Files.delete(dump);
    }

    record Sample(String requestId, String keyPrefix, String keyLast4, String model, Instant at) {
    }

    static List<Sample> samples(JdbcTemplate jdbc, String where) {
        return jdbc.query("SELECT request_id, key_prefix, key_last4, model, created_at FROM gateway_log_entries"
                        + " WHERE " + where + " ORDER BY random() LIMIT ?",
                (rs, n) -> new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()), WARMUP + SAMPLES);
    }

    static void latency(LogMatchService matches, JdbcTemplate jdbc) {
        jdbc.execute("ANALYZE gateway_log_entries");
        String label = String.format(Locale.ROOT, "at %,d entries", count(jdbc));
        List<Sample> byId = samples(jdbc, "request_id IS NOT NULL");
        List<Sample> byKey = samples(jdbc, "key_prefix IS NOT NULL AND key_last4 IS NOT NULL AND model IS NOT NULL");
        Duration window = matches.window();
        // Service and raw SQL take turns on each sample, each first on every other one: the first of the two reads
        // the sample's index and heap pages from disk or the OS cache, the second finds them in shared buffers. Timed
        // one after the other over the same samples, the second always won by that alone (0.33 against 4.57 ms p99).
        measurePair("match by request ID, LogMatchService " + label, "match by request ID, raw SQL          " + label,
                byId, s -> () -> matches.find(new MatchQuery(List.of(s.requestId()), List.of(), s.at(), null, null,
                        null)).size(),
                s -> () -> jdbc.queryForList("SELECT * FROM gateway_log_entries WHERE request_id = ? LIMIT 500",
                        s.requestId()).size());
        measurePair("match by masked key ±" + window.toMinutes() + " min + model, LogMatchService " + label,
                "match by masked key ±" + window.toMinutes() + " min + model, raw SQL          " + label, byKey,
                s -> () -> {
                    MaskedKey key = MaskedKey.of("sk-", s.keyPrefix().substring(3), s.keyLast4());
                    List<LogMatch> found = matches.find(new MatchQuery(List.of(), List.of(key), s.at(),
                            s.at().minus(window), s.at().plus(window), s.model()));
                    return found.size();
                },
                s -> () -> jdbc.queryForList("SELECT * FROM gateway_log_entries WHERE key_last4 = ? AND created_at"
                                + " BETWEEN ? AND ? AND (model = ? OR upstream_model = ?) ORDER BY created_at DESC LIMIT 500",
                        s.keyLast4(), s.at().minus(window).atOffset(ZoneOffset.UTC),
                        s.at().plus(window).atOffset(ZoneOffset.UTC), s.model(), s.model()).size());
    }

    interface Probe {
        Supplier<Integer> of(Sample sample);
    }

    /** Two probes over the same samples, alternately first and second on each (see {@link #latency}). */
    static void measurePair(String labelA, String labelB, List<Sample> samples, Probe a, Probe b) {
        int measured = Math.max(0, samples.size() - WARMUP);
        long[][] nanos = {new long[measured], new long[measured]};
        long[] found = new long[2];
        Probe[] probes = {a, b};
        for (int i = 0; i < samples.size(); i++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (i + turn) % 2;
                long start = System.nanoTime();
                int n = probes[which].of(samples.get(i)).get();
                long took = System.nanoTime() - start;
                if (i >= WARMUP) {
                    nanos[which][i - WARMUP] = took;
                    found[which] += n;
                }
            }
        }
        report(labelA, nanos[0], found[0]);
        report(labelB, nanos[1], found[1]);
    }

    private static void report(String label, long[] nanos, long found) {
        Arrays.sort(nanos);
        out("LATENCY %s: p50 %.2f ms, p99 %.2f ms over %d queries (%.1f rows each)", label,
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6,
                nanos.length, (double) found / Math.max(1, nanos.length));
    }
}
