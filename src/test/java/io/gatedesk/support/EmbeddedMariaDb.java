package io.gatedesk.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One private MariaDB server for the whole test run, started on first use from Debian's {@code mariadb-server}
 * package: {@code mariadb-install-db} into a temporary directory, then {@code mariadbd} on its own port and socket
 * there, as the current user (root needs {@code --user=root}), with nothing read from {@code /etc/mysql}. Each caller
 * gets its own database. Without the binaries the calling test is skipped with a JUnit assumption that says how to
 * get them, rather than failing on a machine that lacks them.
 */
public final class EmbeddedMariaDb {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static Path directory;
    private static Process server;
    private static int port;
    private static int databases;

    private EmbeddedMariaDb() {
    }

    /** A fresh, empty database on the shared server, as a Connector/J URL for user {@code root} (no password). */
    public static synchronized String newDatabase() {
        start();
        String name = "gatedesk_" + (++databases);
        try (Connection c = DriverManager.getConnection(url("mysql"), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a MariaDB database", e);
        }
        return url(name);
    }

    private static String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    /** The server binary, or the test is skipped: {@code apt-get install -y mariadb-server} provides it. */
    static Path binary(String name) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        Assumptions.abort(name + " not found: MySQL-compatible tests need MariaDB's server binaries"
                + " (Debian: apt-get install -y mariadb-server); skipped");
        return null;
    }

    private static void start() {
        if (server != null && server.isAlive()) {
            return;
        }
        Path mariadbd = binary("mariadbd");
        Path installDb = binary("mariadb-install-db");
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            directory = Files.createTempDirectory("gatedesk-mariadb");
            Path data = directory.resolve("data");
            List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                    "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
            if (root) {
                install.add("--user=root");
            }
            run(install, directory.resolve("install.log"));
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults",
                    "--datadir=" + data, "--socket=" + directory.resolve("mysqld.sock"), "--port=" + port,
                    "--bind-address=127.0.0.1", "--pid-file=" + directory.resolve("mysqld.pid"), "--skip-log-bin",
                    "--innodb-buffer-pool-size=16M"));
            if (root) {
                command.add("--user=root");
            }
            server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("server.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedMariaDb::stop));
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start MariaDB", e);
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing MariaDB", e);
        }
    }

    /** Polls until the server takes a connection (it needs a few seconds to create its InnoDB files). */
    private static void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try (Connection ignored = DriverManager.getConnection(url("mysql"), "root", "")) {
                return;
            } catch (SQLException notYet) {
                last = notYet;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while starting MariaDB", e);
                }
            }
        }
        throw new IllegalStateException("MariaDB did not start; see " + directory.resolve("server.log"), last);
    }

    private static synchronized void stop() {
        if (server != null) {
            server.destroy();
            try {
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            server = null;
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // A temporary directory the OS cleans up anyway.
            }
        }
    }
}
