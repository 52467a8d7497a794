package io.gatedesk.gatewaylog;

import io.gatedesk.gatewaylog.format.GatewayLogParser;
import io.gatedesk.gatewaylog.format.GatewayLogRecord;
import io.gatedesk.gatewaylog.format.KeyInventoryEntry;
import io.gatedesk.gatewaylog.format.LineError;
import io.gatedesk.gatewaylog.format.LogContainer;
import io.gatedesk.gatewaylog.format.LogFormat;
import io.gatedesk.gatewaylog.format.LogFormatDetector;
import io.gatedesk.gatewaylog.format.ParseOptions;
import io.gatedesk.gatewaylog.store.BackgroundBatchWriter;
import io.gatedesk.gatewaylog.store.LogEntryStore;
import io.gatedesk.gatewaylog.store.LogEntryWriter;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.Redaction;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Imports gateway exports and token lists: checks a file, streams it through the parsers with the secret guard as text
 * guard, prepares the rows in batches for a {@link LogEntryWriter} and stores them on a second thread, so parsing and
 * storing overlap. Uploads run in the background on a small bounded pool and report their progress (bytes read of the
 * file) through {@link #summary(long)}; the staff API and the ingest API run the same pipeline in the caller's thread.
 * Re-importing a file adds nothing: rows are keyed on source + request ID, or on a content hash where a row has none.
 *
 * <p>A running or queued import beats a heartbeat into its row; one whose heartbeat has stopped (its node was shut
 * down or crashed) is marked failed as {@code INTERRUPTED} at start-up and by a periodic sweep, on whichever node.
 */
@Service
public class LogImportService {

    /** Whether any gateway log entry is stored, by upload or push: one row read, not a count. */
    public boolean anyImported() {
        return store.any();
    }

    public static final long MAX_FILE_BYTES = 200L * 1024 * 1024;
    public static final int MAX_INGEST_LINES = 10_000;
    static final long MAX_INGEST_BYTES = 32L * 1024 * 1024;
    static final int ERRORS_SHOWN = 100;
    static final int MAX_STORED_ERRORS = 100_000;
    /** Rows per batch: one transaction, and on PostgreSQL one COPY, each. */
    public static final int BATCH_ROWS = 10_000;
    /** Batches parsed ahead of the writer; bounds the memory an import holds (a batch is a few MB). */
    static final int QUEUED_BATCHES = 2;
    private static final long PROGRESS_EVERY_MS = 1_000;
    static final long HEARTBEAT_EVERY_MS = 20_000;
    /** Six missed heartbeats: long enough for a slow batch or a busy scheduler, short enough for an operator. */
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(LogImportService.class);
    /** The failure of an import whose node stopped in the middle; a message key suffix like the others. */
    static final String INTERRUPTED = "INTERRUPTED";

    private final LogEntryStore store;
    private final LogEntryWriter writer;
    private final JdbcTemplate jdbc;
    private final SecretGuard secretGuard;
    private final UnaryOperator<String> textGuard;
    private final Clock clock;
    private final ZoneId siteZone;
    private final ThreadPoolExecutor executor;
    private final Map<Long, AtomicLong> progress = new ConcurrentHashMap<>();

    private final Duration shutdownGrace;

    LogImportService(LogEntryStore store, LogEntryWriter writer, JdbcTemplate jdbc, SecretGuard secretGuard,
                     Clock clock, GatewayLogProperties properties,
                     @Value("${gatedesk.site.time-zone:UTC}") String siteZone,
                     @Value("${gatedesk.logs.shutdown-grace:25s}") Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
        this.store = store;
        this.writer = writer;
        this.jdbc = jdbc;
        this.secretGuard = secretGuard;
        this.textGuard = text -> secretGuard.redact(text).text();
        this.clock = clock;
        this.siteZone = ZoneId.of(siteZone);
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.importThreads(), properties.importThreads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, properties.importQueue())), task -> {
            Thread thread = new Thread(task, "log-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Stops this node's imports gracefully: uploads still waiting are not started, running imports get
     * {@code gatedesk.logs.shutdown-grace} to finish (the web server has stopped taking requests by then), and what is
     * still running after that stops at its next batch. Both kinds are marked {@code INTERRUPTED}; importing the file
     * again adds only what is missing.
     */
    @PreDestroy
    void stop() {
        executor.getQueue().clear();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        markInterrupted(List.copyOf(progress.keySet()));
    }

    /** Tells other nodes (and the next start) that this node's queued and running imports are alive. */
    @Scheduled(fixedDelay = HEARTBEAT_EVERY_MS, initialDelay = HEARTBEAT_EVERY_MS)
    void heartbeat() {
        for (Long id : progress.keySet()) {
            jdbc.update("UPDATE log_imports SET heartbeat_at = ? WHERE id = ? AND status IN (?, ?)",
                    LogEntryStore.utc(clock.instant()), id, ImportStatus.QUEUED.name(), ImportStatus.RUNNING.name());
        }
    }

    /**
     * Marks failed, as {@code INTERRUPTED}, every queued or running import whose heartbeat stopped more than
     * {@link #INTERRUPTED_AFTER} ago: its node went away in the middle. Runs at start-up and then every minute.
     *
     * @return how many imports were marked
     */
    @EventListener(ApplicationReadyEvent.class)
    public int failInterrupted() {
        List<Long> stale = jdbc.queryForList("SELECT id FROM log_imports WHERE status IN (?, ?)"
                        + " AND COALESCE(heartbeat_at, created_at) < ?", Long.class, ImportStatus.QUEUED.name(),
                ImportStatus.RUNNING.name(), LogEntryStore.utc(clock.instant().minus(INTERRUPTED_AFTER)));
        List<Long> gone = stale.stream().filter(id -> !progress.containsKey(id)).toList();
        if (!gone.isEmpty()) {
            log.warn("Imports {} stopped without finishing (their node was stopped or crashed): marked interrupted",
                    gone);
        }
        return markInterrupted(gone);
    }

    /**
     * Every minute on one node of the cluster: any node sees every import's heartbeat (a void method: ShedLock cannot
     * skip one that returns a count). The heartbeat itself runs on every node, for that node's own imports.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    @SchedulerLock(name = "log-imports-interrupted", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    public void failInterruptedOnSchedule() {
        failInterrupted();
    }

    private int markInterrupted(List<Long> ids) {
        int marked = 0;
        for (Long id : ids) {
            marked += jdbc.update("UPDATE log_imports SET status = ?, failure = ?, finished_at = ? WHERE id = ?"
                            + " AND status IN (?, ?)", ImportStatus.FAILED.name(), INTERRUPTED,
                    LogEntryStore.utc(clock.instant()), id, ImportStatus.QUEUED.name(), ImportStatus.RUNNING.name());
        }
        return marked;
    }

    /** The zone of times written without one, unless an upload names another. */
    public ZoneId siteZone() {
        return siteZone;
    }

    /** How one file is to be read, once it has passed the checks. */
    record Plan(LogFormat format, ZoneId zone, long size) {
    }

    /**
     * Checks the file and queues its import. The file is handed over: it is deleted when the import ends (or now, when
     * the file is refused).
     *
     * @throws LogImportException when the file cannot be imported at all (empty, binary, unknown format, bad zone, busy)
     */
    public long submit(Path file, String fileName, String format, String timeZone, String actor) {
        Plan plan;
        try {
            plan = plan(file, fileName, format, timeZone);
        } catch (RuntimeException refused) {
            deleteQuietly(file);
            throw refused;
        }
        long id = createRun("UPLOAD", fileName, plan, actor);
        progress.put(id, new AtomicLong());
        try {
            executor.execute(() -> {
                try {
                    run(id, file, fileName, plan);
                } finally {
                    deleteQuietly(file);
                }
            });
        } catch (RejectedExecutionException busy) {
            progress.remove(id);
            finish(id, ImportStatus.FAILED, "BUSY");
            deleteQuietly(file);
            throw new LogImportException("BUSY", 503);
        }
        return id;
    }

    /** Imports a file in the caller's thread and answers with the summary; the file is left where it is. */
    public ImportSummary importNow(Path file, String fileName, String format, String timeZone, String actor,
                                   String channel) {
        Plan plan = plan(file, fileName, format, timeZone);
        long id = createRun(channel, fileName, plan, actor);
        progress.put(id, new AtomicLong());
        run(id, file, fileName, plan);
        return summary(id, ERRORS_SHOWN).orElseThrow();
    }

    /**
     * Imports a canonical JSON Lines body (the ingest API). At most {@value #MAX_INGEST_LINES} lines; the answer lists
     * every rejected line.
     */
    public ImportSummary ingest(InputStream body, String actor) throws IOException {
        byte[] bytes = body.readNBytes((int) MAX_INGEST_BYTES + 1);
        if (bytes.length > MAX_INGEST_BYTES) {
            throw new LogImportException("TOO_LARGE", 413);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new LogImportException("EMPTY_BODY", 422);
        }
        if (text.indexOf('\0') >= 0) {
            throw new LogImportException("BINARY_FILE", 422);
        }
        long lines = text.lines().filter(line -> !line.isBlank()).count();
        if (lines > MAX_INGEST_LINES) {
            throw new LogImportException("TOO_MANY_LINES", 413);
        }
        Plan plan = new Plan(LogFormat.CANONICAL, ZoneId.of("UTC"), bytes.length);
        long id = createRun("INGEST", null, plan, actor);
        progress.put(id, new AtomicLong());
        execute(id, new ByteArrayInputStream(bytes), null, plan, LogContainer.JSON_LINES);
        return summary(id, MAX_INGEST_LINES).orElseThrow();
    }

    public Optional<ImportSummary> summary(long id) {
        return summary(id, ERRORS_SHOWN);
    }

    Optional<ImportSummary> summary(long id, int errorsShown) {
        List<ImportSummary.LineProblem> errors = jdbc.query("SELECT line_number, code, reason FROM log_import_errors"
                        + " WHERE import_id = ? ORDER BY line_number, id LIMIT ?",
                (rs, n) -> new ImportSummary.LineProblem(rs.getLong(1), rs.getString(2), rs.getString(3)), id,
                errorsShown);
        return jdbc.query("SELECT * FROM log_imports WHERE id = ?", (rs, n) -> {
            AtomicLong live = progress.get(id);
            long bytesRead = live != null ? Math.max(live.get(), rs.getLong("bytes_read")) : rs.getLong("bytes_read");
            return new ImportSummary(rs.getLong("id"), rs.getString("channel"), rs.getString("file_name"),
                    rs.getString("format"), rs.getString("time_zone"), ImportStatus.valueOf(rs.getString("status")),
                    rs.getLong("total_bytes"), bytesRead, rs.getLong("imported"), rs.getLong("duplicates"),
                    rs.getLong("rejected"), rs.getString("failure"),
                    LogEntryStore.instant(rs.getObject("created_at", OffsetDateTime.class)),
                    LogEntryStore.instant(rs.getObject("finished_at", OffsetDateTime.class)), errors);
        }, id).stream().findFirst();
    }

    /** The most recent imports, for the upload page. */
    public List<ImportSummary> recent(int limit) {
        return jdbc.queryForList("SELECT id FROM log_imports ORDER BY created_at DESC, id DESC LIMIT ?", Long.class, limit)
                .stream().map(id -> summary(id, 0).orElseThrow()).toList();
    }

    /** Every stored rejected line of an import as CSV: line number, code, reason. */
    public void writeErrorsCsv(long id, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("line_number", "code", "reason").get())) {
            jdbc.query("SELECT line_number, code, reason FROM log_import_errors WHERE import_id = ? ORDER BY line_number, id",
                    rs -> {
                        try {
                            csv.printRecord(rs.getLong(1), rs.getString(2), rs.getString(3));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, id);
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    Plan plan(Path file, String fileName, String format, String timeZone) {
        ZoneId zone = zone(timeZone);
        long size;
        byte[] head;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(LogFormatDetector.HEAD_CHARS);
            }
        } catch (IOException e) {
            throw new LogImportException("UNREADABLE", 422);
        }
        if (size > MAX_FILE_BYTES) {
            throw new LogImportException("TOO_LARGE", 413);
        }
        if (size == 0 || new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").isBlank()) {
            throw new LogImportException("EMPTY_FILE", 422);
        }
        for (byte b : head) {
            if (b == 0) {
                throw new LogImportException("BINARY_FILE", 422);
            }
        }
        LogFormat chosen = format(format);
        if (chosen == null) {
            chosen = LogFormatDetector.detect(new String(head, StandardCharsets.UTF_8), fileName)
                    .orElseThrow(() -> new LogImportException("UNDETECTED_FORMAT", 422));
        }
        return new Plan(chosen, zone, size);
    }

    /** {@code null} or {@code auto} for detection; otherwise a {@link LogFormat} name, case and dashes forgiven. */
    static LogFormat format(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return LogFormat.valueOf(format.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new LogImportException("UNKNOWN_FORMAT", 422);
        }
    }

    ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return siteZone;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException unknown) {
            throw new LogImportException("BAD_TIME_ZONE", 422);
        }
    }

    // ------------------------------------------------------------------------------------------------ running

    private long createRun(String channel, String fileName, Plan plan, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement s = connection.prepareStatement("INSERT INTO log_imports (channel, file_name, format,"
                    + " time_zone, status, total_bytes, started_by, created_at, heartbeat_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
            s.setString(1, channel);
            s.setString(2, LogEntryStore.cut(storable(fileName), 255));
            s.setString(3, plan.format().name());
            s.setString(4, plan.zone().getId());
            s.setString(5, ImportStatus.QUEUED.name());
            s.setLong(6, plan.size());
            s.setString(7, LogEntryStore.cut(actor, 128));
            s.setObject(8, LogEntryStore.utc(clock.instant()));
            s.setObject(9, LogEntryStore.utc(clock.instant()));
            return s;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    private void run(long id, Path file, String fileName, Plan plan) {
        try (InputStream in = Files.newInputStream(file)) {
            execute(id, in, fileName, plan, null);
        } catch (IOException e) {
            log.warn("Import {} could not read {}: {}", id, fileName, e.getMessage());
            finish(id, ImportStatus.FAILED, "UNREADABLE");
        }
    }

    /** Streams one input through its parser into the store. Never throws: a failure marks the run failed. */
    private void execute(long id, InputStream raw, String fileName, Plan plan, LogContainer container) {
        AtomicLong read = progress.computeIfAbsent(id, ignored -> new AtomicLong());
        Run run = new Run(id, read);
        jdbc.update("UPDATE log_imports SET status = ?, heartbeat_at = ? WHERE id = ?", ImportStatus.RUNNING.name(),
                LogEntryStore.utc(clock.instant()), id);
        ParseOptions options = new ParseOptions(plan.zone(), run::guard, null);
        try (Reader reader = new InputStreamReader(new CountingStream(raw, read), StandardCharsets.UTF_8)) {
            if (plan.format().keyInventory()) {
                List<KeyInventoryEntry> keys = new ArrayList<>();
                GatewayLogParser.parseKeys(plan.format(), container, reader, options, key -> {
                    run.masked.clear();
                    keys.add(key);
                    if (keys.size() >= BATCH_ROWS) {
                        run.storeKeys(keys);
                    }
                }, run::reject);
                run.storeKeys(keys);
            } else {
                try (BackgroundBatchWriter<GatewayLogRecord, LogEntryWriter.Prepared> background =
                             new BackgroundBatchWriter<>("log-import-" + id + "-writer", BATCH_ROWS, QUEUED_BATCHES,
                                     batch -> writer.prepare(batch, id), run::store)) {
                    GatewayLogParser.parseLogs(plan.format(), container, reader, options, record -> {
                        background.add(run.withMaskedKey(record));
                        run.maybeSaveProgress();
                    }, run::reject);
                    background.finish();
                }
            }
            run.flushErrors();
            run.saveCounts();
            finish(id, ImportStatus.DONE, null);
            log.info("Import {} of {} ({}) done: {} imported, {} duplicates, {} rejected", id,
                    fileName == null ? "a request body" : fileName, plan.format(), run.imported, run.duplicates,
                    run.rejected);
        } catch (IOException e) {
            log.warn("Import {} of {} failed while reading: {}", id, fileName, e.getMessage());
            run.saveCounts();
            finish(id, ImportStatus.FAILED, "UNREADABLE");
        } catch (CancellationException e) {
            log.warn("Import {} of {} interrupted: {}", id, fileName, e.getMessage());
            // Record the outcome with the interrupt cleared: an interrupted H2 write closes the database file.
            Thread.interrupted();
            run.saveCounts();
            finish(id, ImportStatus.FAILED, INTERRUPTED);
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed", id, fileName, e);
            run.saveCounts();
            finish(id, ImportStatus.FAILED, "STORAGE");
        } finally {
            progress.remove(id);
        }
    }

    private void finish(long id, ImportStatus status, String failure) {
        AtomicLong read = progress.get(id);
        jdbc.update("UPDATE log_imports SET status = ?, failure = ?, finished_at = ?,"
                        + " bytes_read = CASE WHEN ? THEN total_bytes ELSE bytes_read END WHERE id = ?",
                status.name(), failure, LogEntryStore.utc(clock.instant()), status == ImportStatus.DONE, id);
        if (read != null && status != ImportStatus.DONE) {
            jdbc.update("UPDATE log_imports SET bytes_read = ? WHERE id = ?", read.get(), id);
        }
    }

    /** Counters and buffers of one running import. */
    private final class Run {
        final long id;
        final AtomicLong read;
        final List<ImportSummary.LineProblem> pendingErrors = new ArrayList<>();
        /** Keys the guard masked since the last record was handed over: they belong to that record. */
        final List<SecretFinding> masked = new ArrayList<>();
        /** Written by the writer thread, read by the parsing one. */
        final AtomicLong imported = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        long rejected;
        long storedErrors;
        long lastProgressAt = System.currentTimeMillis();

        Run(long id, AtomicLong read) {
            this.id = id;
            this.read = read;
        }

        String guard(String text) {
            Redaction redaction = secretGuard.redact(text);
            if (redaction.masked()) {
                masked.addAll(redaction.findings());
            }
            return redaction.text();
        }

        /**
         * A raw key in any field of a row (an error message quoting the caller's key, a key pasted into a name column)
         * is masked by the guard; its fingerprint and visible ends also become the row's key identity when the row has
         * none, so the row can be matched to a ticket by that key.
         */
        GatewayLogRecord withMaskedKey(GatewayLogRecord r) {
            if (masked.isEmpty()) {
                return r;
            }
            List<SecretFinding> found = List.copyOf(masked);
            masked.clear();
            if (r.keyHashSha256() != null) {
                return r;
            }
            for (SecretFinding finding : found) {
                Optional<MaskedKey> key = MaskedKey.from(finding);
                if (key.isPresent()) {
                    MaskedKey k = key.get();
                    String tail = k.tail().length() > 4 ? k.tail().substring(k.tail().length() - 4) : k.tail();
                    return new GatewayLogRecord(r.source(), r.requestId(), r.createdAt(), r.logType(), r.userId(),
                            r.username(), r.keyName(), r.keyId(), finding.fingerprint(),
                            r.keyPrefix() != null ? r.keyPrefix() : k.prefix() + k.head(),
                            r.keyLast4() != null ? r.keyLast4() : tail, r.group(), r.model(), r.upstreamModel(),
                            r.channelId(), r.channelName(), r.statusCode(), r.errorType(), r.errorCode(),
                            r.errorMessage(), r.promptTokens(), r.completionTokens(), r.costUsd(), r.quotaRaw(),
                            r.latencyMs(), r.ttftMs(), r.isStream(), r.clientIp(), r.requestPath());
                }
            }
            return r;
        }

        /** Runs on the writer thread. */
        void store(LogEntryWriter.Prepared batch) {
            int inserted = batch.store();
            imported.addAndGet(inserted);
            duplicates.addAndGet(batch.rows() - inserted);
        }

        void storeKeys(List<KeyInventoryEntry> keys) {
            int inserted = store.insertKeys(keys, id, clock.instant());
            imported.addAndGet(inserted);
            duplicates.addAndGet(keys.size() - inserted);
            keys.clear();
            maybeSaveProgress();
        }

        void reject(LineError error) {
            masked.clear();
            rejected++;
            if (storedErrors + pendingErrors.size() < MAX_STORED_ERRORS) {
                pendingErrors.add(new ImportSummary.LineProblem(error.lineNumber(), error.code().name(),
                        LogEntryStore.cut(storable(textGuard.apply(error.reason())), 1000)));
                if (pendingErrors.size() >= 500) {
                    flushErrors();
                }
            }
        }

        void flushErrors() {
            if (pendingErrors.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("INSERT INTO log_import_errors (import_id, line_number, code, reason) VALUES (?, ?, ?, ?)",
                    pendingErrors, pendingErrors.size(), (s, e) -> {
                        s.setLong(1, id);
                        s.setLong(2, e.lineNumber());
                        s.setString(3, e.code());
                        s.setString(4, e.reason());
                    });
            storedErrors += pendingErrors.size();
            pendingErrors.clear();
        }

        void maybeSaveProgress() {
            long now = System.currentTimeMillis();
            if (now - lastProgressAt >= PROGRESS_EVERY_MS) {
                lastProgressAt = now;
                flushErrors();
                saveCounts();
            }
        }

        void saveCounts() {
            jdbc.update("UPDATE log_imports SET bytes_read = ?, imported = ?, duplicates = ?, rejected = ?,"
                            + " heartbeat_at = ? WHERE id = ?", read.get(), imported.get(), duplicates.get(), rejected,
                    LogEntryStore.utc(clock.instant()), id);
        }
    }

    /** Counts the bytes the parser has pulled, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    /** A reason or a file name may quote a NUL character, which PostgreSQL cannot store; it shows as U+FFFD. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete upload {}: {}", file, e.getMessage());
        }
    }
}
