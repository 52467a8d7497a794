package io.gatedesk.bench;

import io.gatedesk.GateDeskApplication;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.gatewaylog.LogMatchService;
import io.gatedesk.gatewaylog.format.GatewayLogParser;
import io.gatedesk.gatewaylog.format.GatewayLogRecord;
import io.gatedesk.gatewaylog.format.LogContainer;
import io.gatedesk.gatewaylog.format.LogFormat;
import io.gatedesk.gatewaylog.format.ParseOptions;
import io.gatedesk.gatewaylog.format.SyntheticLogGenerator;
import io.gatedesk.gatewaylog.store.ImportBatchPlan;
import io.gatedesk.gatewaylog.store.LogPartitions;
import io.gatedesk.support.EmbeddedPostgres;
import io.gatedesk.ticket.store.SearchTerms;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.gatedesk.bench.LoadBenchmark.out;
import static io.gatedesk.bench.LoadBenchmark.seconds;

/**
 * Ten times today's data (issue 20 item 4): seeds an embedded PostgreSQL 17 kept in {@code bench.pg-dir} with
 * {@code tickets} tickets ({@link TicketBulkLoader}) and {@code logRows} gateway log rows over the last twelve months
 * ({@link GatewayLogSeeder}, {@code COPY} through the partitioned table), then measures at that size: match by request ID
 * through {@link LogMatchService} beside the raw indexed SQL, and the import of a 1 M-row file beside {@code COPY} of
 * the same rows. A later run finds the database seeded and only tops it up, so the queue page can be measured on it by
 * {@code bench/load-benchmark.sh} with the same {@code bench.pg-dir} (see {@code bench/scale-benchmark.sh}).
 *
 * <p>Arguments: {@code [tickets] [logRows]} (default 1 000 000 and 10 000 000). Settings: {@code bench.pg-dir}
 * (default {@code /tmp/gatedesk-scale-pg}), {@code bench.phases} ({@code seed,match,import}), {@code bench.import-rows}
 * (1 000 000).
 */
public final class ScaleBenchmark {

    static final String DATABASE = "gatedesk_scale";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long tickets = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        long logRows = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 10_000_000;
        Set<String> phases = Set.of(System.getProperty("bench.phases", "seed,match,import").split(","));
        long importRows = Long.getLong("bench.import-rows", 1_000_000);

        out("GateDesk at scale: %,d tickets, %,d gateway log rows; load average %s", tickets, logRows,
                LogImportBenchmark.loadAverage());
        String url = startPostgres();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GateDeskApplication.class)
                .profiles("postgres")
                .properties("GATEDESK_DB_URL=" + url, "GATEDESK_DB_USER=postgres", "GATEDESK_DB_PASSWORD=postgres",
                        "server.port=0", "gatedesk.data-dir=" + Files.createTempDirectory("gd-scale"),
                        "gatedesk.admin.initial-password=" + LoadBenchmark.ADMIN_PASSWORD, "logging.level.root=WARN")
                .run();
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            DataSource dataSource = app.getBean(DataSource.class);
            for (String setting : List.of("server_version", "shared_buffers", "synchronous_commit", "fsync",
                    "max_wal_size", "work_mem", "maintenance_work_mem")) {
                out("  %s = %s", setting, jdbc.queryForObject("SHOW " + setting, String.class));
            }
            if (phases.contains("seed")) {
                seed(app, jdbc, dataSource, tickets, logRows);
            }
            settle(jdbc);
            if (phases.contains("match")) {
                explainMatch(jdbc);
                LogImportBenchmark.latency(app.getBean(LogMatchService.class), jdbc);
            }
            if (phases.contains("import")) {
                // Rows of the last ten days, so they land in this month's and last month's partitions.
                Path file = Files.createTempFile("gd-scale-", ".csv");
                file.toFile().deleteOnExit();
                long generating = System.nanoTime();
                new SyntheticLogGenerator(System.nanoTime(), Instant.now().minus(Duration.ofDays(10)))
                        .write(LogFormat.ONE_API_TABLE, LogContainer.CSV, importRows, file);
                out("generated %,d one-api rows (%,d MB) in %.1f s", importRows, Files.size(file) >> 20,
                        seconds(generating));
                explainBatch(dataSource);
                var summary = LogImportBenchmark.timeImport(app.getBean(LogImportService.class), file,
                        "ONE_API_TABLE", importRows, "IMPORT ONE FILE at " + estimate(jdbc) + " entries");
                LogImportBenchmark.timeCopyOfTheFile(dataSource, jdbc, file, importRows);
                LogImportBenchmark.timeCopyAsStored(dataSource, jdbc, summary.id());
                LogImportBenchmark.timeImport(app.getBean(LogImportService.class), file, "ONE_API_TABLE", importRows,
                        "RE-IMPORT (all duplicates)");
                Files.delete(file);
            }
        } finally {
            app.close();
            EmbeddedPostgres.stop();
            out("load average at end: %s", LogImportBenchmark.loadAverage());
        }
        System.exit(0);
    }

    /**
     * Waits until the node's own background work on the database is done (after an upgrade or a seeding, the metrics
     * rollup rebuilds from every ticket: a minute or two at 1 M), so the measurements do not time that work too:
     * first past the scheduled jobs' initial delays, then until no other session of the database is active for 5 s.
     */
    private static void settle(JdbcTemplate jdbc) throws InterruptedException {
        long started = System.nanoTime();
        Thread.sleep(15_000); // past the scheduled jobs' initial delays (the rollup's is 5 s)
        int quietSeconds = 0;
        while (quietSeconds < 5 && seconds(started) < 900) {
            Integer busy = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND state = 'active' AND pid <> pg_backend_pid()", Integer.class);
            quietSeconds = busy != null && busy == 0 ? quietSeconds + 1 : 0;
            Thread.sleep(1000);
        }
        out("Background work settled after %.0f s (the database idle for 5 s)", seconds(started));
    }

    /**
     * The kept cluster in {@code bench.pg-dir}, with what a server holding 100 M log rows would be given rather than
     * zonky's test settings: 1 GB of shared buffers, room for WAL between checkpoints, durable commits.
     */
    static String startPostgres() {
        Path dir = Path.of(System.getProperty("bench.pg-dir", "/tmp/gatedesk-scale-pg"));
        long started = System.nanoTime();
        EmbeddedPostgres.start(java.util.Map.of("shared_buffers", "1GB", "max_wal_size", "8GB",
                "synchronous_commit", "on", "fsync", "on", "maintenance_work_mem", "256MB"), dir);
        String url = EmbeddedPostgres.database(DATABASE);
        out("PostgreSQL: embedded, cluster kept in %s, database %s, up in %.1f s", dir, DATABASE, seconds(started));
        return url;
    }

    private static void seed(ConfigurableApplicationContext app, JdbcTemplate jdbc, DataSource dataSource,
                             long tickets, long logRows) throws Exception {
        long haveTickets = jdbc.queryForObject("SELECT count(*) FROM tickets", Long.class);
        if (haveTickets < tickets) {
            long started = System.nanoTime();
            new TicketBulkLoader(dataSource).load((int) (tickets - haveTickets), 1000L + haveTickets,
                    365L * 24 * 3600);
            double took = seconds(started);
            out("SEED tickets: %,d in %.1f s = %,.0f tickets/s (JDBC batches)", tickets - haveTickets, took,
                    (tickets - haveTickets) / took);
            long indexing = System.nanoTime();
            app.getBean(SearchTerms.class).backfill();
            out("SEED search terms of the new tickets: %.1f s", seconds(indexing));
        }
        long haveRows = jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries", Long.class);
        if (haveRows < logRows) {
            Instant now = Instant.now();
            // V36 ran on an empty table and made months from now on; rows of earlier months would all fall into the
            // default partition (the first seeding at scale did exactly that), so the year seeded gets its months.
            LogPartitions partitions = app.getBean(LogPartitions.class);
            java.time.YearMonth first = java.time.YearMonth.from(now.minus(Duration.ofDays(365))
                    .atZone(java.time.ZoneOffset.UTC));
            for (var month = first; !month.isAfter(java.time.YearMonth.now(java.time.ZoneOffset.UTC));
                 month = month.plusMonths(1)) {
                if (!partitions.months().contains(month)) {
                    partitions.create(month);
                }
            }
            long started = System.nanoTime();
            long copied = new GatewayLogSeeder(dataSource).seed(logRows - haveRows,
                    now.minus(Duration.ofDays(365)), now.minus(Duration.ofMinutes(5)), 7 + haveRows);
            double took = seconds(started);
            out("SEED log rows: %,d by COPY in %.1f s = %,.0f rows/s (generation on a second thread)", copied, took,
                    copied / took);
        }
        long vacuum = System.nanoTime();
        jdbc.execute("VACUUM ANALYZE");
        out("VACUUM ANALYZE: %.1f s", seconds(vacuum));
        out("Sizes: tickets %,d (%s with indexes); gateway_log_entries %s rows in %d partitions, table %s, indexes %s;"
                        + " database %s", jdbc.queryForObject("SELECT count(*) FROM tickets", Long.class),
                jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('tickets'))", String.class),
                estimate(jdbc), jdbc.queryForObject("SELECT count(*) FROM pg_inherits"
                        + " WHERE inhparent = 'gateway_log_entries'::regclass", Integer.class),
                sum(jdbc, "pg_table_size"), sum(jdbc, "pg_indexes_size"),
                jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class));
    }

    private static String sum(JdbcTemplate jdbc, String function) {
        return jdbc.queryForObject("SELECT pg_size_pretty(sum(" + function + "(inhrelid))) FROM pg_inherits"
                + " WHERE inhparent = 'gateway_log_entries'::regclass", String.class);
    }

    /** The planner's row count: a count(*) over 10 M rows takes longer than the figure is worth. */
    static String estimate(JdbcTemplate jdbc) {
        return String.format(java.util.Locale.ROOT, "~%,d", jdbc.queryForObject("SELECT sum(c.reltuples)::bigint"
                + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'gateway_log_entries'::regclass", Long.class));
    }

    /**
     * The plan of one batch's duplicate probe and its cost beside the whole batch's store, on 10 000 fresh rows of the
     * same kind and time span as the import's (rolled back).
     */
    private static void explainBatch(DataSource dataSource) throws Exception {
        StringWriter csv = new StringWriter();
        new SyntheticLogGenerator(System.nanoTime(), Instant.now().minus(Duration.ofDays(5)))
                .write(LogFormat.ONE_API_TABLE, LogContainer.CSV, 10_000, csv);
        List<GatewayLogRecord> records = new ArrayList<>();
        GatewayLogParser.parseLogs(LogFormat.ONE_API_TABLE, LogContainer.CSV, new StringReader(csv.toString()),
                new ParseOptions(ZoneOffset.UTC, text -> text, null), records::add, error -> { });
        out("One batch of the import (%,d rows), its duplicate probe:", records.size());
        for (String line : ImportBatchPlan.explain(dataSource, records)) {
            out("    %s", line.length() > 240 ? line.substring(0, 240) + "…" : line);
        }
    }

    /** The plan of the match by request ID, to show an index read on every partition. */
    private static void explainMatch(JdbcTemplate jdbc) {
        // 100 M rows over a year are about 8 M a month: the largest partition here says how close a month comes.
        out("Partitions of gateway_log_entries (estimated rows, table + indexes):");
        for (var partition : jdbc.queryForList("SELECT c.relname AS name, c.reltuples::bigint AS estimated,"
                + " pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_inherits i"
                + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'gateway_log_entries'::regclass"
                + " AND c.reltuples > 0 ORDER BY c.relname")) {
            out("    %s: %,d rows, %s", partition.get("name"), partition.get("estimated"), partition.get("size"));
        }
        String requestId = jdbc.queryForObject("SELECT request_id FROM gateway_log_entries TABLESAMPLE SYSTEM (0.01)"
                + " WHERE request_id IS NOT NULL LIMIT 1", String.class);
        out("EXPLAIN ANALYZE of the match by request ID (%s):", requestId);
        for (String line : jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + io.gatedesk.bench.ScaleBenchmark.MATCH_SQL,
                String.class, requestId)) {
            out("    %s", line);
        }
    }

    static final String MATCH_SQL = "SELECT * FROM gateway_log_entries WHERE request_id IN (?)"
            + " ORDER BY created_at DESC LIMIT 50";
}
