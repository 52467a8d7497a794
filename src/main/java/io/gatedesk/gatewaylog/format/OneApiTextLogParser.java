package io.gatedesk.gatewaylog.format;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one-api's own log file. A failed request leaves an {@code [ERR]} line while it runs and a {@code [GIN]}
 * access line when it ends; both carry the request ID and become one record. Because the two can be far apart (and a
 * late {@code [ERR]} can follow its {@code [GIN]}), unfinished requests wait in a pending map bounded by log time and
 * by size; whatever is left is flushed at the end. Records therefore come out roughly, not strictly, in file order.
 */
final class OneApiTextLogParser {

    static final Duration DEFAULT_MERGE_WINDOW = Duration.ofMinutes(10);
    static final int DEFAULT_MAX_PENDING = 20_000;
    static final int MAX_LINE_CHARS = 1024 * 1024;

    private static final Pattern LINE = Pattern.compile(
            "\\[(ERR|GIN)]\\s+(\\d{4}/\\d{1,2}/\\d{1,2} - \\d{1,2}:\\d{2}:\\d{2})\\s*\\|(.*)");
    private static final Pattern SUFFIX_ID = Pattern.compile("\\(request id: ([^)\\s]+)\\)\\s*$");
    private static final Pattern CHANNEL = Pattern.compile("(?i)channel\\s*(?:id\\s*[:#]?\\s*|#\\s*)(\\d+)");
    private static final Pattern STATUS = Pattern.compile("(?i)status[ _]code(?:\\s*[:=]\\s*|\\s+(?:is\\s+)?)(\\d{3})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/M/d - H:mm:ss");

    private final ParseOptions options;
    private final Duration mergeWindow;
    private final int maxPending;
    private final String source;

    OneApiTextLogParser(ParseOptions options) {
        this(options, DEFAULT_MERGE_WINDOW, DEFAULT_MAX_PENDING);
    }

    OneApiTextLogParser(ParseOptions options, Duration mergeWindow, int maxPending) {
        this.options = options;
        this.mergeWindow = mergeWindow;
        this.maxPending = maxPending;
        this.source = options.sourceFor(LogFormat.ONE_API_TEXT);
    }

    /** A request seen so far: an [ERR], a [GIN], or both. */
    private static final class Pending {
        final GatewayLogRecordBuilder record;
        final Instant firstSeen;
        boolean hasErr;
        boolean hasGin;

        Pending(GatewayLogRecordBuilder record, Instant firstSeen) {
            this.record = record;
            this.firstSeen = firstSeen;
        }
    }

    ParseSummary parse(Reader reader, Consumer<? super GatewayLogRecord> records,
                       Consumer<? super LineError> errors) throws IOException {
        LineReader lines = new LineReader(reader, MAX_LINE_CHARS);
        Map<String, Pending> pending = new LinkedHashMap<>();
        long[] counts = new long[2];
        Consumer<GatewayLogRecord> emit = r -> {
            counts[0]++;
            records.accept(r);
        };
        Consumer<LineError> fail = e -> {
            counts[1]++;
            errors.accept(e);
        };
        String line;
        while ((line = lines.readLine()) != null) {
            long number = lines.lineNumber();
            if (line == LineReader.TOO_LONG) {
                fail.accept(new LineError(number, LineErrorCode.LINE_TOO_LONG,
                        "the line is longer than " + MAX_LINE_CHARS + " characters"));
                continue;
            }
            if (line.indexOf('\0') >= 0) {
                fail.accept(new LineError(number, LineErrorCode.NUL_CHARACTER,
                        "the line holds a NUL character (U+0000), which cannot be stored"));
                continue;
            }
            if (!line.startsWith("[ERR]") && !line.startsWith("[GIN]")) {
                // [SYS], [INFO], [WARN], gin's debug lines, stack traces, blank lines: not request records.
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                fail.accept(new LineError(number, LineErrorCode.BAD_LINE,
                        "the line starts like a " + line.substring(0, 5)
                                + " line but lacks its time and request ID"));
                continue;
            }
            Instant time;
            try {
                time = LocalDateTime.parse(m.group(2), TIME).atZone(options.zone()).toInstant();
            } catch (DateTimeException e) {
                fail.accept(new LineError(number, LineErrorCode.BAD_TIME, "the time is not a valid date and time: "
                        + m.group(2)));
                continue;
            }
            try {
                if (m.group(1).equals("ERR")) {
                    onErr(m.group(3), time, pending, emit);
                } else {
                    onGin(m.group(3), time, number, pending, emit);
                }
            } catch (RowRejected e) {
                fail.accept(new LineError(number, e.code(), e.getMessage()));
                continue;
            }
            evict(pending, time.minus(mergeWindow), emit);
        }
        for (Pending p : pending.values()) {
            emit.accept(finish(p));
        }
        pending.clear();
        return new ParseSummary(LogFormat.ONE_API_TEXT, counts[0], counts[1]);
    }

    private void onErr(String rest, Instant time, Map<String, Pending> pending, Consumer<GatewayLogRecord> emit) {
        int bar = rest.indexOf('|');
        String id = bar < 0 ? "" : rest.substring(0, bar).strip();
        String message = (bar < 0 ? rest : rest.substring(bar + 1)).strip();
        Matcher suffix = SUFFIX_ID.matcher(message);
        if (id.isEmpty() && suffix.find()) {
            id = suffix.group(1);
        }
        if (id.isEmpty()) {
            // No way to pair it with a [GIN] line: it stands alone.
            GatewayLogRecordBuilder b = newRecord(null, time);
            applyErr(b, message);
            emit.accept(finish(pendingOf(b, time, true, false)));
            return;
        }
        Pending p = pending.get(id);
        if (p == null) {
            p = pendingOf(newRecord(id, time), time, true, false);
            applyErr(p.record, message);
            pending.put(id, p);
            return;
        }
        // Retries log one [ERR] per attempt; the last one is what the client finally saw.
        p.hasErr = true;
        applyErr(p.record, message);
        if (p.hasGin) {
            pending.remove(id);
            emit.accept(finish(p));
        }
    }

    private void onGin(String rest, Instant time, long number, Map<String, Pending> pending,
                       Consumer<GatewayLogRecord> emit) {
        String[] parts = rest.split("\\|", -1);
        String id;
        int first;
        // one-api's own format puts the request ID first; gin's default format (no ID) starts with the status.
        if (parts.length >= 5 && isStatus(parts[1].strip()) && !isStatus(parts[0].strip())) {
            id = parts[0].strip();
            first = 1;
        } else if (parts.length >= 4 && isStatus(parts[0].strip())) {
            id = "";
            first = 0;
        } else {
            throw new RowRejected(LineErrorCode.BAD_LINE,
                    "a [GIN] line needs request ID, status, latency, client IP, method and path");
        }
        int status = Integer.parseInt(parts[first].strip());
        Long latency = Values.goDurationMillis(parts[first + 1]);
        if (latency == null) {
            throw new RowRejected(LineErrorCode.BAD_NUMBER, "the latency is not a duration: "
                    + Values.snippet(parts[first + 1], options));
        }
        String ip = parts[first + 2].strip();
        StringBuilder request = new StringBuilder(parts[first + 3]);
        for (int i = first + 4; i < parts.length; i++) {
            request.append('|').append(parts[i]);
        }
        String[] methodAndPath = request.toString().strip().split("\\s+", 2);
        String method = methodAndPath[0];
        String path = methodAndPath.length > 1 ? unquote(methodAndPath[1].strip()) : null;

        Pending p = id.isEmpty() ? null : pending.get(id);
        if (p != null && !p.hasGin) {
            applyGin(p, status, latency, ip, path);
            pending.remove(id);
            emit.accept(finish(p));
            return;
        }
        if (p != null) {
            // The same ID ending twice: the earlier one is complete as it is.
            pending.remove(id);
            emit.accept(finish(p));
        }
        if (!worthKeeping(status, method, path)) {
            return;
        }
        Pending fresh = pendingOf(newRecord(id.isEmpty() ? null : id, time), time, false, true);
        applyGin(fresh, status, latency, ip, path);
        if (id.isEmpty()) {
            emit.accept(finish(fresh));
        } else {
            pending.put(id, fresh);
        }
    }

    /**
     * The access log also records the web console (static files, {@code GET /api/...}). Those successful console
     * reads say nothing about API calls; everything else is kept, including a {@code POST /chat/completions} without
     * {@code /v1}, which is how a wrong base URL looks.
     */
    static boolean worthKeeping(int status, String method, String path) {
        if (status >= 400 || isRelayPath(path)) {
            return true;
        }
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return !read && (path == null || !path.startsWith("/api/"));
    }

    private static boolean isRelayPath(String path) {
        if (path == null) {
            return false;
        }
        return path.startsWith("/v1") || path.startsWith("/dashboard/") || path.startsWith("/mj/")
                || path.startsWith("/suno/") || path.startsWith("/pg/") || path.startsWith("/kling/")
                || path.startsWith("/jimeng/");
    }

    private GatewayLogRecordBuilder newRecord(String id, Instant time) {
        return new GatewayLogRecordBuilder().source(source).requestId(id).createdAt(time);
    }

    private static Pending pendingOf(GatewayLogRecordBuilder b, Instant time, boolean err, boolean gin) {
        Pending p = new Pending(b, time);
        p.hasErr = err;
        p.hasGin = gin;
        return p;
    }

    private static void applyErr(GatewayLogRecordBuilder b, String message) {
        b.errorMessage(message);
        Matcher channel = CHANNEL.matcher(message);
        if (b.channelId() == null && channel.find()) {
            b.channelId(channel.group(1));
        }
    }

    private static void applyGin(Pending p, int status, long latency, String ip, String path) {
        p.hasGin = true;
        p.record.statusCode(status).latencyMs(latency).clientIp(ip).requestPath(path);
    }

    private GatewayLogRecord finish(Pending p) {
        GatewayLogRecordBuilder b = p.record;
        if (b.statusCode() == null && b.errorMessage() != null) {
            Matcher status = STATUS.matcher(b.errorMessage());
            if (status.find()) {
                b.statusCode(Integer.valueOf(status.group(1)));
            }
        }
        LogType type;
        if (!p.hasGin || (b.statusCode() != null && b.statusCode() >= 400)) {
            type = LogType.ERROR;
        } else if (isRelayPath(b.requestPath())) {
            type = LogType.CONSUME;
        } else {
            type = LogType.UNKNOWN;
        }
        return b.logType(type).build(options.textGuard());
    }

    private void evict(Map<String, Pending> pending, Instant horizon, Consumer<GatewayLogRecord> emit) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending oldest = it.next();
            if (pending.size() <= maxPending && !oldest.firstSeen.isBefore(horizon)) {
                break;
            }
            it.remove();
            emit.accept(finish(oldest));
        }
    }

    private static boolean isStatus(String s) {
        return s.length() == 3 && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(1))
                && Character.isDigit(s.charAt(2));
    }

    private static String unquote(String path) {
        return path.length() >= 2 && path.startsWith("\"") && path.endsWith("\"")
                ? path.substring(1, path.length() - 1) : path;
    }
}
