package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.format.GatewayLogRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * For benchmarks: what one batch of the COPY writer costs on a given database, as {@code EXPLAIN (ANALYZE, BUFFERS)}
 * of its duplicate probe and the time of the probe and of the whole store, rolled back afterwards.
 */
public final class ImportBatchPlan {

    private ImportBatchPlan() {
    }

    public static List<String> explain(DataSource dataSource, List<GatewayLogRecord> records) throws SQLException {
        CopyLogEntryWriter.Batch batch = CopyLogEntryWriter.Batch.of(records, null);
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement explain = batch.probe(connection, "EXPLAIN (ANALYZE, BUFFERS) ");
                     ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                long probing = System.nanoTime();
                int duplicates = batch.storedWithinWindow(connection).cardinality();
                double probeMs = (System.nanoTime() - probing) / 1e6;
                long storing = System.nanoTime();
                int stored = batch.store(connection);
                double storeMs = (System.nanoTime() - storing) / 1e6;
                lines.add(String.format(Locale.ROOT, "batch of %d rows: probe %.1f ms (%d stored within the"
                        + " window), probe + COPY %.1f ms (%d rows new); rolled back", batch.size(), probeMs,
                        duplicates, storeMs, stored));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return lines;
    }
}
