package io.gatedesk.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, unreachable, out of connections,
 * unable to write its file) from any other: those get a 503 with {@code Retry-After}, never a 500 and a stack trace.
 */
public final class DatabaseAway {

    /** Seconds a client should wait before trying again. */
    public static final String RETRY_AFTER_SECONDS = "10";

    /**
     * PostgreSQL's "operator intervention" class 57P (shutting down, starting up) and H2's I/O and closed-database
     * errors (a full disk makes H2 close its file); SQL state class 08 is checked on its own.
     */
    private static final Set<String> AWAY_STATES = Set.of("57P01", "57P02", "57P03", "90028", "90031", "90098",
            "90121");

    private static final String HIKARI_CLOSED = "Connection is closed";
    private static final int MAX_DEPTH = 32;

    private DatabaseAway() {
    }

    public static boolean causes(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || AWAY_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // A full disk under the embedded H2 file: H2 wraps the write failure in its own (state-less) error.
            if (cause instanceof IOException io && io.getMessage() != null
                    && io.getMessage().contains("No space left on device")) {
                return true;
            }
            // Hikari closes a connection the driver reported broken; a rollback on it then fails with this message
            // and no SQL state, and that failure replaces the original one.
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && HIKARI_CLOSED.equals(sql.getMessage())) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    /** The innermost message, for one log line instead of a stack trace. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
