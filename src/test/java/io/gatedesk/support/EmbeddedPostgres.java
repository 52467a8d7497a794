package io.gatedesk.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One real PostgreSQL server for the whole test run (zonky's embedded binaries, no Docker), started on first use.
 * Each caller gets its own database so test classes cannot see each other's rows.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private static int databases;

    private EmbeddedPostgres() {
    }

    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        return start(Map.of());
    }

    /**
     * Starts the shared server with {@code serverConfig} on top of zonky's defaults (which turn
     * {@code synchronous_commit} off; a benchmark turns it back on to measure what production does).
     * Settings only apply if the server is not running yet.
     */
    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(
            Map<String, String> serverConfig) {
        return start(serverConfig, null);
    }

    /**
     * As {@link #start(Map)}, with the cluster in {@code dataDirectory} kept after the server stops (when not null), so
     * that a benchmark seeded once at scale can be measured again by later runs.
     */
    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(
            Map<String, String> serverConfig, java.nio.file.Path dataDirectory) {
        if (server == null) {
            try {
                var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
                serverConfig.forEach(builder::setServerConfig);
                if (dataDirectory != null) {
                    builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stop();
                } catch (UncheckedIOException ignored) {
                    // The JVM is going away; the temporary cluster directory is removed by the OS.
                }
            }));
        }
        return server;
    }

    /** Stops the server now rather than at JVM exit, for a main program that wants to finish cleanly. */
    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
            }
            server = null;
        }
    }

    /** The JDBC URL of the database {@code name}, created if it does not exist yet. */
    public static synchronized String database(String name) {
        try (var connection = server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** Creates a fresh database and returns its JDBC URL. */
    public static synchronized String newDatabase() {
        String name = "gatedesk_" + (++databases);
        try (var connection = server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /**
     * Points a Spring test context that runs the {@code postgres} profile at a fresh database, through the same
     * {@code GATEDESK_DB_*} settings an operator uses.
     */
    public static void register(DynamicPropertyRegistry registry) {
        String url = newDatabase();
        registry.add("GATEDESK_DB_URL", () -> url);
        registry.add("GATEDESK_DB_USER", () -> "postgres");
        registry.add("GATEDESK_DB_PASSWORD", () -> "postgres");
    }
}
