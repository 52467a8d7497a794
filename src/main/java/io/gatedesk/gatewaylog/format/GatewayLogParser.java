package io.gatedesk.gatewaylog.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * The one entry point for reading a gateway export: picks the parser for a format and streams the file through it.
 * Records and line errors are pushed to the callbacks as they are read; nothing holds the whole file. Malformed input
 * never throws; only a failing reader does (as {@link IOException}).
 */
public final class GatewayLogParser {

    private GatewayLogParser() {
    }

    static ParseSummary parseLogs(LogFormat format, InputStream in, ParseOptions options,
                                  Consumer<? super GatewayLogRecord> records, Consumer<? super LineError> errors)
            throws IOException {
        return parseLogs(format, null, Bom.open(in), options, records, errors);
    }

    static ParseSummary parseLogs(LogFormat format, Reader reader, ParseOptions options,
                                  Consumer<? super GatewayLogRecord> records, Consumer<? super LineError> errors)
            throws IOException {
        return parseLogs(format, null, reader, options, records, errors);
    }

    /**
     * @param container the layout of a tabular export, or {@code null} to tell it from the first characters
     */
    public static ParseSummary parseLogs(LogFormat format, LogContainer container, Reader reader, ParseOptions options,
                                  Consumer<? super GatewayLogRecord> records, Consumer<? super LineError> errors)
            throws IOException {
        if (format.keyInventory()) {
            throw new IllegalArgumentException(format + " is a key inventory; use parseKeys");
        }
        BufferedReader in = Bom.skip(reader);
        if (format == LogFormat.ONE_API_TEXT) {
            return new OneApiTextLogParser(options).parse(in, records, errors);
        }
        long[] counts = new long[2];
        TableReader.read(in, container, row -> {
            GatewayLogRecord record;
            try {
                record = TableRowMappers.map(format, row, options).build(options.textGuard());
            } catch (RowRejected e) {
                counts[1]++;
                errors.accept(new LineError(row.lineNumber(), e.code(), e.getMessage()));
                return;
            }
            counts[0]++;
            records.accept(record);
        }, e -> {
            counts[1]++;
            errors.accept(e);
        });
        return new ParseSummary(format, counts[0], counts[1]);
    }

    static ParseSummary parseKeys(LogFormat format, InputStream in, ParseOptions options,
                                  Consumer<? super KeyInventoryEntry> keys, Consumer<? super LineError> errors)
            throws IOException {
        return parseKeys(format, null, Bom.open(in), options, keys, errors);
    }

    public static ParseSummary parseKeys(LogFormat format, LogContainer container, Reader reader, ParseOptions options,
                                  Consumer<? super KeyInventoryEntry> keys, Consumer<? super LineError> errors)
            throws IOException {
        if (!format.keyInventory()) {
            throw new IllegalArgumentException(format + " is a log format; use parseLogs");
        }
        long[] counts = new long[2];
        TableReader.read(Bom.skip(reader), container, row -> {
            KeyInventoryEntry entry;
            try {
                entry = KeyInventoryMappers.map(format, row, options);
            } catch (RowRejected e) {
                counts[1]++;
                errors.accept(new LineError(row.lineNumber(), e.code(), e.getMessage()));
                return;
            }
            counts[0]++;
            keys.accept(entry);
        }, e -> {
            counts[1]++;
            errors.accept(e);
        });
        return new ParseSummary(format, counts[0], counts[1]);
    }
}
