package io.gatedesk.gatewaylog.store;

import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * pgjdbc's {@code COPY … FROM STDIN}: {@code connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in)}.
 * The driver is a runtime-only dependency, so this class reaches its API through method handles, resolved once when
 * the first batch is copied (only ever on PostgreSQL).
 */
final class PostgresCopy {

    private static final Class<?> PG_CONNECTION;
    private static final MethodHandle GET_COPY_API;
    private static final MethodHandle COPY_IN;

    static {
        try {
            PG_CONNECTION = Class.forName("org.postgresql.PGConnection");
            Class<?> copyManager = Class.forName("org.postgresql.copy.CopyManager");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            GET_COPY_API = lookup.findVirtual(PG_CONNECTION, "getCopyAPI", MethodType.methodType(copyManager));
            COPY_IN = lookup.findVirtual(copyManager, "copyIn",
                    MethodType.methodType(long.class, String.class, InputStream.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PostgresCopy() {
    }

    /** Runs {@code sql} (a {@code COPY … FROM STDIN}) with {@code data}; returns the rows copied. */
    static long copyIn(Connection connection, String sql, InputStream data) throws SQLException {
        Object pg = connection.unwrap(PG_CONNECTION);
        try {
            Object copyApi = GET_COPY_API.invoke(pg);
            return (long) COPY_IN.invoke(copyApi, sql, data);
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // copyIn also declares IOException, for a failing input stream; ours is an array in memory.
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }
}
