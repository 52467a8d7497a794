package io.gatedesk.gatewaylog.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the rows of a tabular export (JSON array, JSON Lines or CSV) one at a time, so a 200 MB export never sits
 * in memory. Only one row is materialised at a time; nested JSON values (new-api {@code other}, LiteLLM
 * {@code metadata}) are kept as JSON text for the mapper to unpack.
 */
final class TableReader {

    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    /** Names under which gateway APIs wrap their row arrays ({@code {"success":true,"data":{"items":[...]}}}). */
    private static final Set<String> ENVELOPE_FIELDS = Set.of("data", "items", "logs", "records", "rows", "list",
            "keys", "tokens", "result");
    /** First keys of an API envelope; a row object never starts with one of these. */
    private static final Set<String> ENVELOPE_FIRST_KEYS = Set.of("success", "message", "data", "items", "total",
            "page", "code", "object", "keys", "tokens", "logs", "result");

    /** Reads nested values (new-api {@code other}) from the middle of a stream, so trailing tokens are expected. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private TableReader() {
    }

    /** Reads every row; structural problems go to {@code errors}; I/O failures of the reader itself propagate. */
    static void read(BufferedReader in, LogContainer container, Consumer<Row> rows, Consumer<LineError> errors)
            throws IOException {
        LogContainer actual = container != null && container != LogContainer.TEXT
                ? container : detect(Bom.peek(in, Bom.PEEK_CHARS));
        switch (actual) {
            case JSON_ARRAY -> readJsonDocument(in, rows, errors);
            case JSON_LINES -> readJsonLines(in, rows, errors);
            default -> readCsv(in, rows, errors);
        }
    }

    /** Tells the container from the first characters of a file. */
    static LogContainer detect(String head) {
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).stripLeading();
        }
        if (trimmed.startsWith("[")) {
            return LogContainer.JSON_ARRAY;
        }
        if (trimmed.startsWith("{")) {
            String firstKey = firstJsonKey(trimmed);
            return firstKey != null && ENVELOPE_FIRST_KEYS.contains(firstKey)
                    ? LogContainer.JSON_ARRAY : LogContainer.JSON_LINES;
        }
        return LogContainer.CSV;
    }

    private static String firstJsonKey(String head) {
        try (JsonParser p = JSON.createParser(head)) {
            if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.PROPERTY_NAME) {
                return p.currentName();
            }
        } catch (JacksonException e) {
            return null;
        }
        return null;
    }

    private static void readJsonDocument(BufferedReader in, Consumer<Row> rows, Consumer<LineError> errors)
            throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return;
            }
            boolean found = switch (first) {
                case START_ARRAY -> {
                    streamArray(p, rows, errors);
                    yield true;
                }
                case START_OBJECT -> findArrayInEnvelope(p, rows, errors);
                default -> false;
            };
            if (!found) {
                errors.accept(new LineError(1, LineErrorCode.BAD_JSON,
                        "expected a JSON array of rows, or an object with a \"data\" or \"items\" array"));
            }
        } catch (JacksonIOException e) {
            throw e.getCause();
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.accept(new LineError(Math.max(line, 1), LineErrorCode.BAD_JSON,
                    "the JSON is broken here and the rest of the file cannot be read: " + e.getOriginalMessage()));
        }
    }

    private static boolean findArrayInEnvelope(JsonParser p, Consumer<Row> rows, Consumer<LineError> errors) {
        boolean found = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!found && value == JsonToken.START_ARRAY && ENVELOPE_FIELDS.contains(name)) {
                streamArray(p, rows, errors);
                found = true;
            } else if (!found && value == JsonToken.START_OBJECT && ENVELOPE_FIELDS.contains(name)) {
                found = findArrayInEnvelope(p, rows, errors);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    private static void streamArray(JsonParser p, Consumer<Row> rows, Consumer<LineError> errors) {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = p.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_OBJECT) {
                rows.accept(new Row(line, readObject(p)));
            } else {
                p.skipChildren();
                errors.accept(new LineError(line, LineErrorCode.NOT_AN_OBJECT,
                        "expected a row object but found " + JsonToken.valueDescFor(t)));
            }
        }
    }

    /** Reads the object the parser is positioned at into normalised column name → text. */
    private static Map<String, String> readObject(JsonParser p) {
        Map<String, String> values = new HashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = Row.normalize(p.currentName());
            JsonToken value = p.nextToken();
            String text = switch (value) {
                case VALUE_NULL -> null;
                case START_OBJECT, START_ARRAY -> JSON.readTree(p).toString();
                default -> p.getText();
            };
            values.putIfAbsent(name, text);
        }
        return values;
    }

    private static void readJsonLines(BufferedReader in, Consumer<Row> rows, Consumer<LineError> errors)
            throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE_CHARS);
        String line;
        while ((line = lines.readLine()) != null) {
            long number = lines.lineNumber();
            if (line == LineReader.TOO_LONG) {
                errors.accept(new LineError(number, LineErrorCode.LINE_TOO_LONG,
                        "the line is longer than " + MAX_LINE_CHARS + " characters"));
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            try (JsonParser p = JSON.createParser(line)) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    errors.accept(new LineError(number, LineErrorCode.NOT_AN_OBJECT,
                            "expected a JSON object on this line"));
                    continue;
                }
                Map<String, String> values = readObject(p);
                if (p.nextToken() != null) {
                    errors.accept(new LineError(number, LineErrorCode.BAD_JSON,
                            "unexpected text after the JSON object"));
                    continue;
                }
                rows.accept(new Row(number, values));
            } catch (JacksonException e) {
                errors.accept(new LineError(number, LineErrorCode.BAD_JSON, "not valid JSON: " + e.getOriginalMessage()));
            }
        }
    }

    private static void readCsv(BufferedReader in, Consumer<Row> rows, Consumer<LineError> errors)
            throws IOException {
        String head = Bom.peek(in, Bom.PEEK_CHARS);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter(head))
                .setIgnoreEmptyLines(true)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get();
        Iterator<CSVRecord> records = parser.iterator();
        List<String> header = null;
        Map<String, Integer> columns = new HashMap<>();
        long lineBefore = 0;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException) {
                    errors.accept(new LineError(lineBefore + 1, LineErrorCode.BAD_CSV,
                            "the CSV is broken here and the rest of the file cannot be read: "
                                    + e.getCause().getMessage()));
                    return;
                }
                throw e.getCause();
            } catch (IllegalStateException e) {
                errors.accept(new LineError(lineBefore + 1, LineErrorCode.BAD_CSV,
                        "the CSV is broken here and the rest of the file cannot be read: " + e.getMessage()));
                return;
            }
            long startLine = lineBefore + 1;
            lineBefore = parser.getCurrentLineNumber();
            if (header == null) {
                header = new ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    String name = Row.normalize(record.get(i));
                    header.add(name);
                    columns.putIfAbsent(name, i);
                }
                continue;
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() < header.size()) {
                errors.accept(new LineError(startLine, LineErrorCode.COLUMN_COUNT,
                        "the row has " + record.size() + " columns but the header has " + header.size()));
                continue;
            }
            Map<String, String> values = new HashMap<>(columns.size() * 2);
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                values.put(column.getKey(), record.get(column.getValue()));
            }
            rows.accept(new Row(startLine, values));
        }
    }

    /** Spreadsheets in many locales export with semicolons or tabs; the header line says which. */
    static char delimiter(String head) {
        int end = head.indexOf('\n');
        String first = end < 0 ? head : head.substring(0, end);
        int commas = count(first, ',');
        int semicolons = count(first, ';');
        int tabs = count(first, '\t');
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > commas) {
            return ';';
        }
        return ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
