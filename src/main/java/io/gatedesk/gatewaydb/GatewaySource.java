package io.gatedesk.gatewaydb;

import com.github.benmanes.caffeine.cache.Cache;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One gateway database: its own small read-only pool and what the last reads said about its health. The pool is not
 * a Spring bean (a second DataSource bean would displace GateDesk's own), and it starts lazily: a source that is down
 * at start does not stop GateDesk from starting.
 */
final class GatewaySource implements AutoCloseable {

    private static final Pattern SECRET_IN_MESSAGE = Pattern.compile("(?i)(password|pwd|user)=[^;&\\s]*");

    private final String name;
    private final GatewayKind kind;
    private final ZoneId zone;
    private final String url;
    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Set<String>> columns = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> optionalColumns = new ConcurrentHashMap<>();

    private volatile Instant lastSuccessAt;
    private volatile Duration lastLatency;
    private volatile Instant lastErrorAt;
    private volatile String lastError;
    private volatile Instant downSince;

    GatewaySource(String name, GatewayKind kind, GatewaySourceProperties.Source settings, Clock clock) {
        this.name = name;
        this.kind = kind;
        this.zone = ZoneId.of(settings.timeZone());
        this.url = settings.url();
        this.clock = clock;
        HikariConfig config = new HikariConfig();
        config.setPoolName("gateway-" + name);
        config.setJdbcUrl(settings.url());
        if (settings.username() != null && !settings.username().isBlank()) {
            config.setUsername(settings.username());
        }
        if (settings.password() != null && !settings.password().isBlank()) {
            config.setPassword(settings.password());
        }
        if (settings.url().startsWith("jdbc:sqlite:")) {
            // SQLite takes read-only only when the file is opened (SQLITE_OPEN_READONLY = 1); it also keeps a
            // mistyped path from creating an empty database file next to the gateway's.
            // Hikari then sets the same flag on each connection, which SQLite accepts when it does not change it.
            config.addDataSourceProperty("open_mode", "1");
        }
        config.setReadOnly(true);
        config.setAutoCommit(true);
        config.setMaximumPoolSize(Math.max(1, settings.maxConnections()));
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(settings.connectTimeout().toMillis(), 2_000)));
        // Lazy: no connection is tried until the first read, so a source that is down does not stop the start.
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(pool);
        this.jdbc.setQueryTimeout((int) Math.max(1, settings.queryTimeout().toSeconds()));
        this.jdbc.setMaxRows(1_000);
    }

    String name() {
        return name;
    }

    GatewayKind kind() {
        return kind;
    }

    ZoneId zone() {
        return zone;
    }

    /** MySQL and MariaDB quote names with back-ticks ({@code key} and {@code group} are reserved there). */
    String quote(String column) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean backTicks = lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:");
        return backTicks ? "`" + column + "`" : "\"" + column + "\"";
    }

    /** Runs one read, timing it and keeping what it says about the source's health; a failure is rethrown. */
    <T> T read(Function<JdbcTemplate, T> work) {
        long started = System.nanoTime();
        try {
            T result = work.apply(jdbc);
            lastLatency = Duration.ofNanos(System.nanoTime() - started);
            lastSuccessAt = clock.instant();
            downSince = null;
            return result;
        } catch (RuntimeException e) {
            lastErrorAt = clock.instant();
            lastError = describe(e);
            if (downSince == null) {
                downSince = lastErrorAt;
            }
            throw e;
        }
    }

    /**
     * This source's answer to one lookup (accounts, tasks, logs), from {@code recent} when it is there. A lookup that
     * fails is answered by {@code failed} with the reason and the time the source went down, never thrown, and the
     * schema is read again next time (a fixed schema or a restarted gateway is seen at once).
     */
    <T> T answer(Cache<String, T> recent, String cacheKey, Supplier<T> lookup, BiFunction<String, Instant, T> failed,
                 String what) {
        T cached = recent.getIfPresent(cacheKey);
        if (cached != null) {
            return cached;
        }
        try {
            T answer = lookup.get();
            recent.put(cacheKey, answer);
            return answer;
        } catch (RuntimeException e) {
            forgetSchema();
            String reason = describe(e);
            LoggerFactory.getLogger(GatewaySource.class).warn("Gateway database {} could not be read for {}: {}", name,
                    what, reason);
            return failed.apply(reason, health().downSince());
        }
    }

    /**
     * A read of something a gateway may lack (an optional table or setting): a failure means "not there", so it
     * neither counts against the source's health nor shows as its last error.
     */
    <T> Optional<T> readOptional(Function<JdbcTemplate, T> work) {
        try {
            return Optional.ofNullable(work.apply(jdbc));
        } catch (RuntimeException absent) {
            return Optional.empty();
        }
    }

    /** The columns a table has here (lower case), read once: gateway versions add columns over time. */
    Set<String> columns(String table) {
        return columns.computeIfAbsent(table, wanted -> read(template -> template.execute((Connection connection) -> {
            Set<String> found = columnsOf(connection, wanted);
            if (found.isEmpty()) {
                throw new SQLException("table " + wanted + " not found: is this a " + kind.code() + " database?");
            }
            return found;
        })));
    }

    /**
     * The columns of a table a gateway may lack (new-api's {@code tasks} came in a later version), empty when it is
     * not there: a missing table is a feature this gateway does not have, not a failure; an unreachable source is.
     */
    Set<String> columnsIfPresent(String table) {
        return optionalColumns.computeIfAbsent(table,
                wanted -> read(template -> template.execute((Connection connection) -> columnsOf(connection, wanted))));
    }

    private static Set<String> columnsOf(Connection connection, String wanted) throws SQLException {
        Set<String> found = new TreeSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        // MySQL's Connector/J takes a null catalog as "every database the user sees": a table of that name in
        // another database on the server is not this gateway's. Its catalog is the database of the URL.
        String catalog = meta.getURL() != null && meta.getURL().startsWith("jdbc:mysql:") ? connection.getCatalog()
                : null;
        for (String spelling : new String[]{wanted, wanted.toLowerCase(Locale.ROOT), wanted.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getColumns(catalog, null, spelling, null)) {
                while (rs.next()) {
                    found.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        return found;
    }

    /** Forgets the columns read before, so a test after a schema change (or a wrong schema fixed) sees the new ones. */
    void forgetSchema() {
        columns.clear();
        optionalColumns.clear();
    }

    SourceHealth health() {
        return new SourceHealth(name, kind.code(), redactedUrl(), lastSuccessAt, lastLatency == null ? null
                : lastLatency.toMillis(), lastErrorAt, lastError, downSince);
    }

    private String redactedUrl() {
        return SECRET_IN_MESSAGE.matcher(url).replaceAll("$1=***");
    }

    /** An error as an admin can act on it: the root cause's message, with no password or user name in it. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = SECRET_IN_MESSAGE.matcher(message).replaceAll("$1=***");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    @Override
    public void close() {
        pool.close();
    }
}
