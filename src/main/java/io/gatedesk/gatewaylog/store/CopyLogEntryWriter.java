package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.format.GatewayLogRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * PostgreSQL: a batch goes by {@code COPY} (CSV) into a temporary staging table and from there into
 * {@code gateway_log_entries} by one {@code INSERT … SELECT … ON CONFLICT DO NOTHING}, in one transaction. COPY spares
 * the per-row statement work of thousands of bound parameters; the INSERT judges duplicates by the dedupe key, and
 * its row count tells new rows from duplicates. The staging table lives per connection and empties itself on commit
 * ({@code ON COMMIT DELETE ROWS}).
 */
final class CopyLogEntryWriter implements LogEntryWriter {

    /** Qualified, so that no permanent table of that name could ever be written instead. */
    private static final String STAGING = "pg_temp.gateway_log_staging";
    private static final String CREATE_STAGING = "CREATE TEMPORARY TABLE IF NOT EXISTS " + STAGING + " (seq integer, "
            + EntryColumns.ALL.stream().map(c -> c.name() + " " + c.postgresType()).collect(Collectors.joining(", "))
            + ") ON COMMIT DELETE ROWS";
    private static final String COPY = "COPY " + STAGING + " (seq, " + EntryColumns.NAMES + ") FROM STDIN (FORMAT csv)";
    /**
     * The partitioned table (V36) can only hold a dedupe key unique together with {@code created_at}; a key already
     * stored within {@link #DUPLICATE_WINDOW} of a row, or seen earlier in the same batch, still makes it a duplicate.
     * Two days cover any time-zone slip of a re-imported text log. The window lets PostgreSQL probe one or two monthly
     * partitions per row instead of all of them.
     */
    static final String DUPLICATE_WINDOW = "2 days";
    // seq keeps file order, so that of two rows with one dedupe key in a batch the first is stored, as with INSERT.
    private static final String MOVE = "INSERT INTO gateway_log_entries (" + EntryColumns.NAMES + ") SELECT "
            + EntryColumns.NAMES + " FROM (SELECT DISTINCT ON (dedupe_key) * FROM " + STAGING
            + " ORDER BY dedupe_key, seq) s WHERE NOT EXISTS (SELECT 1 FROM gateway_log_entries e"
            + " WHERE e.dedupe_key = s.dedupe_key AND e.created_at > s.created_at - interval '" + DUPLICATE_WINDOW
            + "' AND e.created_at < s.created_at + interval '" + DUPLICATE_WINDOW + "') ORDER BY seq"
            + " ON CONFLICT DO NOTHING";
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
        byte[] csv = csv(records, importId);
        int rows = records.size();
        return new Prepared() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public int store() {
                return rows == 0 ? 0 : copy(csv);
            }
        };
    }

    private int copy(byte[] csv) {
        return LogEntryWriter.inOneTransaction(dataSource, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_STAGING);
                PostgresCopy.copyIn(connection, COPY, new ByteArrayInputStream(csv));
                return statement.executeUpdate(MOVE);
            }
        });
    }

    static byte[] csv(List<GatewayLogRecord> records, Long importId) {
        StringBuilder out = new StringBuilder(records.size() * 512);
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            int seq = 0;
            for (GatewayLogRecord record : records) {
                printer.print(seq++);
                for (Object value : EntryColumns.values(record, importId)) {
                    printer.print(text(value));
                }
                printer.println();
            }
        } catch (IOException e) {
            // A StringBuilder does not fail.
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
