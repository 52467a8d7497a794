package io.gatedesk.support;

import io.gatedesk.GateDeskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server of a test's own (not the shared {@link io.gatedesk.support.EmbeddedPostgres}), which the test
 * may stop and start again on the same port and data directory, as an operator restarting the database would.
 */
public final class StoppablePostgres implements AutoCloseable {

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres server;

    public StoppablePostgres() {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
            this.dataDirectory = Files.createTempDirectory("gatedesk-stoppable-pg-").resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    /** Starts the server; durable commits as in production (zonky turns synchronous_commit off by default). */
    public void start() {
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on port " + port, e);
        }
    }

    /** pg_ctl's fast shutdown: open transactions are aborted, committed ones are kept. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GateDesk on this server, on a random port, with the operator's GATEDESK_DB_* settings. */
    public ConfigurableApplicationContext startApp(String... extraArguments) {
        String[] arguments = new String[6 + extraArguments.length];
        arguments[0] = "--server.port=0";
        arguments[1] = "--GATEDESK_DB_URL=jdbc:postgresql://localhost:" + port + "/postgres";
        arguments[2] = "--GATEDESK_DB_USER=postgres";
        arguments[3] = "--GATEDESK_DB_PASSWORD=postgres";
        arguments[4] = "--gatedesk.rate-limit.enabled=false";
        arguments[5] = "--logging.level.com.zaxxer.hikari=ERROR";
        System.arraycopy(extraArguments, 0, arguments, 6, extraArguments.length);
        return new SpringApplicationBuilder(GateDeskApplication.class).profiles("test", "postgres").run(arguments);
    }

    @Override
    public void close() {
        stop();
    }
}
