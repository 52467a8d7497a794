package io.gatedesk.gatewaylog.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guesses an export's format from its first few KB: the one-api text log by its line prefix, tabular exports by the
 * column names of their first row (the header, or the first JSON object). The file name only breaks a tie when the
 * content says nothing (an empty export). The upload page lets the user override the guess.
 */
public final class LogFormatDetector {

    public static final int HEAD_CHARS = 8 * 1024;

    private static final Pattern TEXT_LOG_LINE = Pattern.compile(
            "(?m)^\\[(ERR|GIN|SYS|INFO|WARN|DEBUG|FATAL)]\\s+\\d{4}/\\d{1,2}/\\d{1,2} - \\d{1,2}:\\d{2}:\\d{2}");

    private LogFormatDetector() {
    }

    /** Looks at the head of a mark-capable reader and leaves it where it was. */
    static Optional<LogFormat> detect(BufferedReader reader, String fileName) throws IOException {
        return detect(Bom.peek(reader, HEAD_CHARS), fileName);
    }

    public static Optional<LogFormat> detect(String head, String fileName) {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        if (TEXT_LOG_LINE.matcher(text).find()) {
            return Optional.of(LogFormat.ONE_API_TEXT);
        }
        if (!text.isBlank()) {
            Optional<LogFormat> byColumns = byColumns(columns(text));
            if (byColumns.isPresent()) {
                return byColumns;
            }
        }
        return byFileName(fileName);
    }

    private static Optional<LogFormat> byColumns(Set<String> c) {
        if (c.contains("exceptiontype") || c.contains("exceptionstring")) {
            return Optional.of(LogFormat.LITELLM_ERROR);
        }
        if (c.contains("token") && (c.contains("keyname") || c.contains("keyalias"))) {
            return Optional.of(LogFormat.LITELLM_TOKENS);
        }
        if (c.contains("key") && (c.contains("remainquota") || c.contains("expiredtime")
                || c.contains("unlimitedquota") || c.contains("usedquota"))) {
            return Optional.of(LogFormat.NEW_API_TOKENS);
        }
        if (c.contains("logtype") || c.contains("costusd") || c.contains("keyhashsha256") || c.contains("keylast4")) {
            return Optional.of(LogFormat.CANONICAL);
        }
        if (c.contains("starttime") && (c.contains("apikey") || c.contains("spend") || c.contains("modelgroup"))) {
            return Optional.of(LogFormat.LITELLM_SPEND);
        }
        if (c.contains("createdat") && c.contains("type")) {
            if (c.contains("usetime") || c.contains("other") || c.contains("tokenid") || c.contains("group")
                    || c.contains("channelname")) {
                return Optional.of(LogFormat.NEW_API_TABLE);
            }
            return Optional.of(LogFormat.ONE_API_TABLE);
        }
        return Optional.empty();
    }

    private static Optional<LogFormat> byFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.contains("spend")) {
            return Optional.of(LogFormat.LITELLM_SPEND);
        }
        if (name.contains("litellm") && name.contains("error")) {
            return Optional.of(LogFormat.LITELLM_ERROR);
        }
        if (name.contains("verificationtoken") || name.contains("litellm") && name.contains("token")) {
            return Optional.of(LogFormat.LITELLM_TOKENS);
        }
        if (name.contains("token")) {
            return Optional.of(LogFormat.NEW_API_TOKENS);
        }
        if (name.contains("canonical")) {
            return Optional.of(LogFormat.CANONICAL);
        }
        if (name.endsWith(".log") || name.endsWith(".log.txt")) {
            return Optional.of(LogFormat.ONE_API_TEXT);
        }
        return Optional.empty();
    }

    /** Normalised column names of the first row. */
    static Set<String> columns(String head) {
        Set<String> names = new LinkedHashSet<>();
        LogContainer container = TableReader.detect(head);
        if (container == LogContainer.CSV) {
            int end = head.indexOf('\n');
            String header = end < 0 ? head : head.substring(0, end);
            char delimiter = TableReader.delimiter(header);
            for (String name : header.split(Pattern.quote(String.valueOf(delimiter)), -1)) {
                names.add(Row.normalize(name));
            }
            return names;
        }
        try (JsonParser p = JsonMapper.shared().createParser(head)) {
            JsonToken previous = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                boolean rowStart = t == JsonToken.START_OBJECT
                        && (container == LogContainer.JSON_LINES || previous == JsonToken.START_ARRAY);
                if (rowStart) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        names.add(Row.normalize(p.currentName()));
                        p.nextToken();
                        p.skipChildren();
                    }
                    return names;
                }
                previous = t;
            }
        } catch (JacksonException e) {
            // The head is cut off mid-value; the names read so far are what there is.
        }
        return names;
    }
}
