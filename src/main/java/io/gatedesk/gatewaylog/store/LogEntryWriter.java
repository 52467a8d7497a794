package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.format.GatewayLogRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes parsed records into {@code gateway_log_entries}, skipping every record whose dedupe key is stored already or
 * came earlier in the same batch (the first one wins). Writing has two halves: {@link #prepare} does what needs no
 * database (the column values, the content hash, the payload) and can run on the parsing thread, so that the thread
 * that waits on the database does nothing else; {@link Prepared#store()} is one transaction, a batch is stored whole
 * or not at all. {@link LogEntryWriterConfiguration} picks the implementation for the database.
 */
public interface LogEntryWriter {

    /** A batch ready to be stored. */
    interface Prepared {

        int rows();

        /** Stores the rows that are not stored yet; returns how many were new, the others being duplicates. */
        int store();
    }

    Prepared prepare(List<GatewayLogRecord> records, Long importId);

    /** Prepares and stores in the calling thread; returns how many of {@code records} were new. */
    default int insert(List<GatewayLogRecord> records, Long importId) {
        return prepare(records, importId).store();
    }

    /** Database work on one connection that returns how many rows it stored. */
    interface BatchWork {
        int run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} as one transaction on a connection of its own (the writers run outside Spring's transactions,
     * on the import's database thread): committed whole, or rolled back and reported.
     */
    static int inOneTransaction(DataSource dataSource, BatchWork work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int stored = work.run(connection);
                connection.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store gateway log entries: " + e.getMessage(), e);
        }
    }
}
