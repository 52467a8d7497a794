package io.gatedesk.gatewaylog.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Reads the hand-written exports under {@code src/test/resources/gatewaylog/}. */
final class Fixtures {

    record Parsed<T>(List<T> rows, List<LineError> errors) {
    }

    private Fixtures() {
    }

    static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/gatewaylog/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }

    static Parsed<GatewayLogRecord> logs(LogFormat format, String name) {
        return logs(format, name, ParseOptions.utc(UnaryOperator.identity()));
    }

    static Parsed<GatewayLogRecord> logs(LogFormat format, String name, ParseOptions options) {
        List<GatewayLogRecord> records = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        try (InputStream in = open(name)) {
            GatewayLogParser.parseLogs(format, in, options, records::add, errors::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed<>(records, errors);
    }

    static Parsed<KeyInventoryEntry> keys(LogFormat format, String name, ParseOptions options) {
        List<KeyInventoryEntry> keys = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        try (InputStream in = open(name)) {
            GatewayLogParser.parseKeys(format, in, options, keys::add, errors::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed<>(keys, errors);
    }
}
