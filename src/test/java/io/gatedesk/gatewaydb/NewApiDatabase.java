package io.gatedesk.gatewaydb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A new-api database as new-api's GORM models create it ({@code model/user.go}, {@code model/token.go},
 * {@code model/option.go} in QuantumNous/new-api: the columns GateDesk reads, with their types per engine), filled
 * with synthetic users and keys. Keys are stored as new-api stores them: 48 characters, without {@code sk-}.
 */
final class NewApiDatabase {

    /** A key whose mask {@code sk-abcd****wxyz} the tests file tickets with; never to appear anywhere in GateDesk. */
    static final String ACTIVE_KEY = "abcd" + "Q7mN2pX9vR4tL8kJ3hG6fD1sA5zC0bV2nM7qW4eR" + "wxyz";
    static final String EXHAUSTED_KEY = "efgh" + "P3oI8uY2tR6eW1qA9sD4fG7hJ0kL5zX3cV8bN2mQ" + "1111";
    static final String EXPIRED_KEY = "ijkl" + "Z9xC4vB7nM2aS6dF1gH8jK3lQ5wE0rT7yU4iO9pA" + "2222";
    static final String TWIN_KEY_A = "mnop" + "A1sD2fG3hJ4kL5zX6cV7bN8mQ9wE0rT1yU2iO3pA" + "3333";
    static final String TWIN_KEY_B = "mnop" + "B9sD8fG7hJ6kL5zX4cV3bN2mQ1wE0rT9yU8iO7pB" + "3333";
    static final String DELETED_KEY = "qrst" + "C5xV6bN7mQ8wE9rT0yU1iO2pA3sD4fG5hJ6kL7zX" + "4444";
    static final String DISABLED_USER_KEY = "uvwx" + "D2fG3hJ4kL5zX6cV7bN8mQ9wE0rT1yU2iO3pA4sD" + "5555";

    static final List<String> ALL_KEYS = List.of(ACTIVE_KEY, EXHAUSTED_KEY, EXPIRED_KEY, TWIN_KEY_A, TWIN_KEY_B,
            DELETED_KEY, DISABLED_USER_KEY);

    private NewApiDatabase() {
    }

    static void create(String url, String user, String password, boolean postgres) throws SQLException {
        String bool = postgres ? "boolean" : "numeric";
        String id = postgres ? "bigserial PRIMARY KEY" : "integer PRIMARY KEY AUTOINCREMENT";
        String time = postgres ? "timestamptz" : "datetime";
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id " + id + ", username text UNIQUE, password text NOT NULL,"
                    + " display_name text, role bigint DEFAULT 1, status bigint DEFAULT 1, email text,"
                    + " access_token char(32), quota bigint DEFAULT 0, used_quota bigint DEFAULT 0,"
                    + " request_count bigint DEFAULT 0, \"group\" varchar(64) DEFAULT 'default', aff_code varchar(32),"
                    + " deleted_at " + time + ")");
            s.execute("CREATE TABLE tokens (id " + id + ", user_id bigint, \"key\" varchar(128) UNIQUE,"
                    + " status bigint DEFAULT 1, name text, created_time bigint, accessed_time bigint,"
                    + " expired_time bigint DEFAULT -1, remain_quota bigint DEFAULT 0, unlimited_quota " + bool + ","
                    + " model_limits_enabled " + bool + ", model_limits text, allow_ips text DEFAULT '',"
                    + " used_quota bigint DEFAULT 0, \"group\" text DEFAULT '', cross_group_retry " + bool + ","
                    + " billing_type bigint DEFAULT 0, deleted_at " + time + ")");
            s.execute("CREATE TABLE options (\"key\" text PRIMARY KEY, value text)");
            s.execute("INSERT INTO options (\"key\", value) VALUES ('QuotaPerUnit', '500000')");
            s.execute("INSERT INTO users (id, username, password, display_name, status, email, \"group\", quota)"
                    + " VALUES (7, 'zhangwei', 'x', '张伟', 1, 'zw@example.com', 'vip', 9000000),"
                    + " (8, 'lisi', 'x', '', 1, 'ls@example.com', 'default', 0),"
                    + " (9, 'banned', 'x', 'Banned', 2, 'b@example.com', 'default', 0)");
            long now = Instant.now().getEpochSecond();
            List<Object[]> tokens = new ArrayList<>();
            // key, user, name, status, expired, remain, used, unlimited, limitsEnabled, limits, ips, group, deleted
            tokens.add(new Object[]{ACTIVE_KEY, 7, "prod", 1, -1L, 6_200_000L, 1_550_000L, false, true,
                    "gpt-4o,claude-3-5-sonnet-20241022", "203.0.113.7\n198.51.100.0/24", "", false});
            tokens.add(new Object[]{EXHAUSTED_KEY, 7, "batch", 4, -1L, 0L, 5_000_000L, false, false, "", "", "", false});
            tokens.add(new Object[]{EXPIRED_KEY, 8, "trial", 1, now - 86_400, 100_000L, 0L, false, false, "", "",
                    "default", false});
            tokens.add(new Object[]{TWIN_KEY_A, 8, "twin-a", 1, -1L, 1L, 0L, true, false, "", "", "", false});
            tokens.add(new Object[]{TWIN_KEY_B, 7, "twin-b", 1, -1L, 1L, 0L, true, false, "", "", "", false});
            tokens.add(new Object[]{DELETED_KEY, 7, "gone", 1, -1L, 1L, 0L, true, false, "", "", "", true});
            tokens.add(new Object[]{DISABLED_USER_KEY, 9, "banned-key", 1, -1L, 1L, 0L, true, false, "", "", "", false});
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tokens (\"key\", user_id, name, status,"
                    + " created_time, accessed_time, expired_time, remain_quota, used_quota, unlimited_quota,"
                    + " model_limits_enabled, model_limits, allow_ips, \"group\", deleted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + (postgres ? "?::timestamptz" : "?") + ")")) {
                for (Object[] t : tokens) {
                    insert.setString(1, (String) t[0]);
                    insert.setInt(2, (Integer) t[1]);
                    insert.setString(3, (String) t[2]);
                    insert.setInt(4, (Integer) t[3]);
                    insert.setLong(5, now - 30 * 86_400);
                    insert.setLong(6, now - 3_600);
                    insert.setLong(7, (Long) t[4]);
                    insert.setLong(8, (Long) t[5]);
                    insert.setLong(9, (Long) t[6]);
                    insert.setBoolean(10, (Boolean) t[7]);
                    insert.setBoolean(11, (Boolean) t[8]);
                    insert.setString(12, (String) t[9]);
                    insert.setString(13, (String) t[10]);
                    insert.setString(14, (String) t[11]);
                    insert.setString(15, (Boolean) t[12] ? "2026-01-01T00:00:00Z" : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
