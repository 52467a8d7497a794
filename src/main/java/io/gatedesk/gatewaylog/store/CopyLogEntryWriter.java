package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.format.GatewayLogRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * PostgreSQL: a batch goes by {@code COPY} (CSV) straight into {@code gateway_log_entries}, less the rows that are
 * duplicates, in one transaction. {@code COPY} writes heap pages many rows at a time, where {@code INSERT … SELECT … ON
 * CONFLICT} out of a staging table inserted row by row, each with a speculative insertion, a conflict check of both
 * unique indexes and an anti-join probe, after sorting the batch twice (docs/performance.md, issue 20).
 *
 * <p>Duplicates are decided as before: of two rows with one dedupe key in a batch the first is kept (on the parsing
 * thread, in {@link #prepare}), and a row is a duplicate when a row with its key is stored within
 * {@link #DUPLICATE_WINDOW} of it ({@link #PROBE}: one index scan per partition for the whole batch). A row that a
 * concurrent import commits between that probe and the {@code COPY} makes the {@code COPY} fail on the unique index;
 * the batch is then stored the conflict-proof way instead ({@link #MOVE} out of a staging table, rolled back to a
 * savepoint first), so the outcome never depends on timing.
 */
final class CopyLogEntryWriter implements LogEntryWriter {

    /**
     * The partitioned table (V36) can only hold a dedupe key unique together with {@code created_at}; a key already
     * stored within this window of a row still makes it a duplicate. Two days cover any time-zone slip of a re-imported
     * text log, and keep one entry per request ID when a gateway logs a request twice (a retry, an error and a
     * consume row) whatever its time format.
     */
    static final String DUPLICATE_WINDOW = "2 days";
    private static final String WITHIN_WINDOW = "e.dedupe_key = s.dedupe_key"
            + " AND e.created_at > s.created_at - interval '" + DUPLICATE_WINDOW + "'"
            + " AND e.created_at < s.created_at + interval '" + DUPLICATE_WINDOW + "'";
    /**
     * The batch's rows (1-based, in batch order) whose key is stored within the window. The stored candidates are read
     * once, by key list and the batch's time span (so that PostgreSQL reads only the partitions of that span), then
     * matched row by row with exactly the window of {@link #MOVE}. The key list sits in a sub-select so that the
     * planner does not estimate each of its thousands of keys (planning took 130 ms a batch that way at 13 M rows,
     * 22 ms with the list as one parameter).
     */
    static final String PROBE = "WITH e AS MATERIALIZED (SELECT dedupe_key, created_at FROM gateway_log_entries"
            + " WHERE dedupe_key = ANY ((SELECT ?::text[])::text[])"
            + " AND created_at > ?::timestamptz - interval '" + DUPLICATE_WINDOW + "'"
            + " AND created_at < ?::timestamptz + interval '" + DUPLICATE_WINDOW + "')"
            + " SELECT DISTINCT s.n FROM unnest(?::text[], ?::timestamptz[]) WITH ORDINALITY AS s(dedupe_key,"
            + " created_at, n) JOIN e ON " + WITHIN_WINDOW;
    private static final String COPY = "COPY gateway_log_entries (" + EntryColumns.NAMES + ") FROM STDIN (FORMAT csv)";

    /** Qualified, so that no permanent table of that name could ever be written instead. */
    private static final String STAGING = "pg_temp.gateway_log_staging";
    private static final String CREATE_STAGING = "CREATE TEMPORARY TABLE IF NOT EXISTS " + STAGING
            + " (seq integer GENERATED ALWAYS AS IDENTITY, "
            + EntryColumns.ALL.stream().map(c -> c.name() + " " + c.postgresType()).collect(Collectors.joining(", "))
            + ") ON COMMIT DELETE ROWS";
    private static final String COPY_TO_STAGING = "COPY " + STAGING + " (" + EntryColumns.NAMES + ") FROM STDIN"
            + " (FORMAT csv)";
    /** The conflict-proof way, for a batch whose {@code COPY} met a row committed meanwhile; seq keeps file order. */
    private static final String MOVE = "INSERT INTO gateway_log_entries (" + EntryColumns.NAMES + ") SELECT "
            + EntryColumns.NAMES + " FROM " + STAGING + " s WHERE NOT EXISTS (SELECT 1 FROM gateway_log_entries e"
            + " WHERE " + WITHIN_WINDOW + ") ORDER BY seq ON CONFLICT DO NOTHING";
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * PostgreSQL reads an unquoted empty field as NULL and a quoted one as the empty string; quoting every value that
     * is not null keeps the two apart. Backslashes, tabs, quotes and line breaks are plain data inside CSV quotes.
     */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setRecordSeparator('\n').get();

    private final DataSource dataSource;

    CopyLogEntryWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Prepared prepare(List<GatewayLogRecord> records, Long importId) {
        Batch batch = Batch.of(records, importId);
        int rows = records.size();
        return new Prepared() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public int store() {
                return batch.size() == 0 ? 0 : LogEntryWriter.inOneTransaction(dataSource, batch::store);
            }
        };
    }

    /**
     * The rows of one batch with a dedupe key not seen earlier in it, as CSV lines in file order, with what the probe
     * needs: their keys and times (as written into the CSV, so PostgreSQL rounds them alike) and the batch's span.
     */
    record Batch(byte[] csv, int[] lineStarts, String[] keys, String[] times, String earliest, String latest) {

        static Batch of(List<GatewayLogRecord> records, Long importId) {
            StringBuilder line = new StringBuilder(1024);
            ByteArrayOutputStream csv = new ByteArrayOutputStream(records.size() * 512);
            int[] lineStarts = new int[records.size() + 1];
            List<String> keys = new ArrayList<>(records.size());
            List<String> times = new ArrayList<>(records.size());
            Set<String> seen = new HashSet<>();
            OffsetDateTime earliest = null;
            OffsetDateTime latest = null;
            try (CSVPrinter printer = new CSVPrinter(line, FORMAT)) {
                for (GatewayLogRecord record : records) {
                    Object[] values = EntryColumns.values(record, importId);
                    String key = (String) values[0];
                    if (!seen.add(key)) {
                        continue;
                    }
                    OffsetDateTime at = (OffsetDateTime) values[3];
                    earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
                    latest = latest == null || at.isAfter(latest) ? at : latest;
                    lineStarts[keys.size()] = csv.size();
                    keys.add(key);
                    times.add(text(at));
                    for (Object value : values) {
                        printer.print(text(value));
                    }
                    printer.println();
                    // One line at a time, so that the probe's duplicates can be cut out by byte offset.
                    csv.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                    line.setLength(0);
                }
            } catch (IOException e) {
                // A StringBuilder does not fail.
                throw new IllegalStateException(e);
            }
            lineStarts[keys.size()] = csv.size();
            return new Batch(csv.toByteArray(), Arrays.copyOf(lineStarts, keys.size() + 1),
                    keys.toArray(String[]::new), times.toArray(String[]::new),
                    earliest == null ? null : text(earliest), latest == null ? null : text(latest));
        }

        int size() {
            return keys.length;
        }

        int store(Connection connection) throws SQLException {
            BitSet stored = storedWithinWindow(connection);
            if (stored.cardinality() == size()) {
                return 0;
            }
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                return (int) PostgresCopy.copyIn(connection, COPY, new ByteArrayInputStream(without(stored)));
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeCopy);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(CREATE_STAGING);
                    PostgresCopy.copyIn(connection, COPY_TO_STAGING, new ByteArrayInputStream(csv));
                    return statement.executeUpdate(MOVE);
                }
            }
        }

        /** Bit {@code i} set: row {@code i} of this batch has its key stored within the window. */
        BitSet storedWithinWindow(Connection connection) throws SQLException {
            BitSet stored = new BitSet(size());
            try (PreparedStatement probe = probe(connection, "")) {
                try (ResultSet rs = probe.executeQuery()) {
                    while (rs.next()) {
                        stored.set(rs.getInt(1) - 1);
                    }
                }
            }
            return stored;
        }

        /** {@link #PROBE} with this batch's values bound; {@code prefix} lets a benchmark ask for its plan. */
        PreparedStatement probe(Connection connection, String prefix) throws SQLException {
            PreparedStatement probe = connection.prepareStatement(prefix + PROBE);
            try {
                probe.setArray(1, connection.createArrayOf("text", keys));
                probe.setString(2, earliest);
                probe.setString(3, latest);
                probe.setArray(4, connection.createArrayOf("text", keys));
                probe.setArray(5, connection.createArrayOf("text", times));
                return probe;
            } catch (SQLException | RuntimeException e) {
                probe.close();
                throw e;
            }
        }

        /** The CSV without the lines of {@code skipped}. */
        byte[] without(BitSet skipped) {
            if (skipped.isEmpty()) {
                return csv;
            }
            byte[] kept = new byte[csv.length];
            int length = 0;
            for (int i = skipped.nextClearBit(0); i < size(); i = skipped.nextClearBit(i + 1)) {
                int from = lineStarts[i];
                int to = lineStarts[i + 1];
                System.arraycopy(csv, from, kept, length, to - from);
                length += to - from;
            }
            return Arrays.copyOf(kept, length);
        }
    }

    /** A value as PostgreSQL reads it back into the column's type. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            if (s.indexOf('\0') >= 0) {
                // Parsers refuse such rows (LineErrorCode.NUL_CHARACTER); COPY would fail the whole batch instead.
                throw new IllegalArgumentException("PostgreSQL cannot store a NUL character");
            }
            return s;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
