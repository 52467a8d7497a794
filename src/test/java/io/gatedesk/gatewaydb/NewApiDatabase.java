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

    /** new-api task IDs ({@code task_} + 32) and a Midjourney ID the tests name on tickets. */
    static final String MUSIC_TASK = "task_" + "Qm7pX2vR9tL4kJ8hG3fD6sA1zC5bN0wE";
    static final String FAILED_VIDEO_TASK = "task_" + "Zx4cV7bN2mQ9wE1rT6yU3iO8pA5sD0fG";
    static final String RUNNING_VIDEO_TASK = "task_" + "Lk8jH3gF6dS1aP9oI4uY7tR2eW5qZ0xC";
    static final String FAILED_MJ_TASK = "1712205491372954";
    /** Tasks that failed for want of credit and for an upstream error: triage reads their reasons as log lines. */
    static final String QUOTA_FAILED_TASK = "task_" + "Qt5yU8iO1pA4sD7fG0hJ3kL6zX9cV2bN";
    static final String UPSTREAM_FAILED_TASK = "task_" + "Up2wE5rT8yU1iO4pA7sD0fG3hJ6kL9zX";
    /** What a task row holds that GateDesk must never read: a prompt, a result URL, an upstream key. */
    static final String PROMPT = "a secret prompt about the customer's product launch";
    static final String RESULT_URL = "https://cdn.example.com/result/private-video-9f8e7d.mp4";
    static final String UPSTREAM_KEY = "AIzaSyD" + "4f7Gh2Jk9Lm3Np6Qr8St1Uv5Wx0Yz2Ab4";

    private NewApiDatabase() {
    }

    /** Sources {@code main} (this database: URL, user, password) and {@code down} (a SQLite file that is not there). */
    static GatewaySourceProperties mainBesideADownSource(String[] db) throws java.io.IOException {
        String missing = "jdbc:sqlite:" + java.nio.file.Files.createTempDirectory("gatedesk-down")
                .resolve("missing/none.db");
        return new GatewaySourceProperties(java.util.Map.of(
                "main", new GatewaySourceProperties.Source("new-api", db[0], db[1], db[2], "UTC", 2,
                        java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(5)),
                "down", new GatewaySourceProperties.Source("new-api", missing, null, null, "UTC", 1,
                        java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1))),
                java.time.Duration.ofSeconds(30));
    }

    /**
     * new-api's {@code tasks} ({@code model/task.go}) and {@code midjourneys} ({@code model/midjourney.go}) as GORM
     * creates them, with a succeeded, a failed and a running task, and a failed Midjourney job.
     */
    static void createTasks(String url, String user, String password, boolean postgres) throws SQLException {
        String id = postgres ? "bigserial PRIMARY KEY" : "integer PRIMARY KEY AUTOINCREMENT";
        String json = postgres ? "json" : "JSON";
        long now = Instant.now().getEpochSecond();
        try (Connection c = open(url, user, password); Statement s = c.createStatement()) {
            ddl(s, url, "CREATE TABLE tasks (id " + id + ", created_at bigint, updated_at bigint,"
                    + " task_id varchar(191), platform varchar(30), user_id bigint, \"group\" varchar(50),"
                    + " channel_id bigint, quota bigint, action varchar(40), status varchar(20), fail_reason text,"
                    + " submit_time bigint, start_time bigint, finish_time bigint, progress varchar(20),"
                    + " properties " + json + ", private_data " + json + ", data " + json + ")");
            ddl(s, url, "CREATE TABLE midjourneys (id " + id + ", code bigint, user_id bigint, action varchar(40),"
                    + " mj_id text, prompt text, prompt_en text, description text, state text, submit_time bigint,"
                    + " start_time bigint, finish_time bigint, image_url text, video_url text, video_urls text,"
                    + " status varchar(20), progress varchar(30), fail_reason text, channel_id bigint, quota bigint,"
                    + " token_id bigint DEFAULT 0, billing_channel_id bigint DEFAULT 0, buttons text, properties text)");
            String cast = postgres ? "::json" : "";
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tasks (created_at, updated_at, task_id,"
                    + " platform, user_id, \"group\", channel_id, quota, action, status, fail_reason, submit_time,"
                    + " start_time, finish_time, progress, properties, private_data, data)"
                    + " VALUES (?, ?, ?, ?, 7, 'vip', 3, ?, ?, ?, ?, ?, ?, ?, ?, ?" + cast + ", ?" + cast + ", ?" + cast
                    + ")")) {
                // Older new-api rows keep a succeeded task's result URL in fail_reason: it must not be shown.
                task(insert, now, MUSIC_TASK, "suno", 100_000L, "MUSIC", "SUCCESS", RESULT_URL, now - 600, now - 540,
                        "100%");
                task(insert, now, FAILED_VIDEO_TASK, "kling", 250_000L, "generate", "FAILURE",
                        "upstream: content policy violation (Key sk-proj-" + "Ab3De6Gh9Jk2Mn5Pq8St1Vw4Yz7Bc0Ef3Hi6" + ")",
                        now - 7_200, now - 7_000, "100%");
                task(insert, now, QUOTA_FAILED_TASK, "suno", 0L, "MUSIC", "FAILURE",
                        "insufficient credits: the account balance cannot pay for this generation", now - 900,
                        now - 880, "100%");
                task(insert, now, UPSTREAM_FAILED_TASK, "kling", 0L, "generate", "FAILURE",
                        "upstream_error: bad response status code 500", now - 800, now - 790, "100%");
                task(insert, now, RUNNING_VIDEO_TASK, "sora", 500_000L, "generate", "IN_PROGRESS", "", now - 120, 0L,
                        "45%");
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO midjourneys (code, user_id, action, mj_id,"
                    + " prompt, prompt_en, description, submit_time, start_time, finish_time, image_url, status,"
                    + " progress, fail_reason, channel_id, quota) VALUES (1, 8, 'IMAGINE', ?, ?, ?, '/imagine', ?, ?,"
                    + " ?, ?, 'FAILURE', '0%', 'Banned prompt detected', 4, 50000)")) {
                insert.setString(1, FAILED_MJ_TASK);
                insert.setString(2, PROMPT);
                insert.setString(3, PROMPT);
                insert.setLong(4, now - 3_600);
                insert.setLong(5, now - 3_590);
                insert.setLong(6, now - 3_500);
                insert.setString(7, RESULT_URL);
                insert.executeUpdate();
            }
        }
    }

    /** An upstream key quoted in an error row's text: it must reach GateDesk masked. */
    static final String LOGGED_UPSTREAM_KEY = "sk-proj-" + "Lg4Hj7Kl0Zx3Cv6Bn9Mq2We5Rt8Yu1Io4Pa";
    /** A consume row's content: pricing detail GateDesk does not read. */
    static final String CONSUME_CONTENT = "模型倍率 2.50，分组倍率 1.00 (private pricing note)";

    /**
     * new-api's {@code logs} ({@code model/log.go}) as GORM creates it, with the rows of {@link #ACTIVE_KEY}'s token
     * (id 1, user 7): an error and a call a few minutes ago, a call three days ago, and another key's call and a
     * top-up beside them. {@code token_id} exists in new-api only; one-api's rows carry the token's name.
     */
    static void createLogs(String url, String user, String password, boolean postgres, boolean withTokenId)
            throws SQLException {
        String id = postgres ? "bigserial PRIMARY KEY" : "integer PRIMARY KEY AUTOINCREMENT";
        String bool = postgres ? "boolean" : "numeric";
        long now = Instant.now().getEpochSecond();
        try (Connection c = open(url, user, password); Statement s = c.createStatement()) {
            ddl(s, url, "CREATE TABLE logs (id " + id + ", user_id bigint, created_at bigint, type bigint,"
                    + " content text, username text DEFAULT '', token_name text DEFAULT '', model_name text DEFAULT '',"
                    + " quota bigint DEFAULT 0, prompt_tokens bigint DEFAULT 0, completion_tokens bigint DEFAULT 0,"
                    + " use_time bigint DEFAULT 0, is_stream " + bool + ", channel_id bigint,"
                    + (withTokenId ? " token_id bigint DEFAULT 0," : "")
                    + " \"group\" text, ip text DEFAULT '', other text)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO logs (user_id, created_at, type, content,"
                    + " username, token_name, model_name, quota, prompt_tokens, completion_tokens, use_time, is_stream,"
                    + " channel_id, " + (withTokenId ? "token_id, " : "") + "ip, other)"
                    + " VALUES (7, ?, ?, ?, 'zhangwei', ?, ?, ?, ?, ?, ?, ?, 3, " + (withTokenId ? "?, " : "")
                    + "'203.0.113.7', '{\"admin_info\":{\"use_channel\":[\"3\"]}}')")) {
                log(insert, withTokenId, now - 300, 5, "upstream_error: bad response status code 503 (key "
                        + LOGGED_UPSTREAM_KEY + ")", "prod", "gpt-4o", 0, 0, 0, 2, 1);
                log(insert, withTokenId, now - 200, 2, CONSUME_CONTENT, "prod", "gpt-4o", 1_500, 120, 45, 3, 1);
                log(insert, withTokenId, now - 3 * 86_400, 2, CONSUME_CONTENT, "prod", "gpt-4o", 900, 80, 20, 1, 1);
                log(insert, withTokenId, now - 100, 2, CONSUME_CONTENT, "batch", "gpt-4o", 700, 70, 7, 1, 2);
                log(insert, withTokenId, now - 250, 1, "充值 $10", "", "", 5_000_000, 0, 0, 0, 0);
                insert.executeBatch();
            }
        }
    }

    private static void log(PreparedStatement insert, boolean withTokenId, long at, int type, String content,
                            String tokenName, String model, long quota, long prompt, long completion, long useTime,
                            long tokenId) throws SQLException {
        insert.setLong(1, at);
        insert.setInt(2, type);
        insert.setString(3, content);
        insert.setString(4, tokenName);
        insert.setString(5, model);
        insert.setLong(6, quota);
        insert.setLong(7, prompt);
        insert.setLong(8, completion);
        insert.setLong(9, useTime);
        insert.setBoolean(10, true);
        if (withTokenId) {
            insert.setLong(11, tokenId);
        }
        insert.addBatch();
    }

    private static void task(PreparedStatement insert, long now, String taskId, String platform, long quota,
                             String action, String status, String failReason, long submitted, long finished,
                             String progress) throws SQLException {
        insert.setLong(1, submitted);
        insert.setLong(2, now);
        insert.setString(3, taskId);
        insert.setString(4, platform);
        insert.setLong(5, quota);
        insert.setString(6, action);
        insert.setString(7, status);
        insert.setString(8, failReason);
        insert.setLong(9, submitted);
        insert.setLong(10, submitted + 5);
        insert.setLong(11, finished);
        insert.setString(12, progress);
        insert.setString(13, "{\"input\":\"" + PROMPT + "\",\"origin_model_name\":\"" + platform + "\"}");
        insert.setString(14, "{\"key\":\"" + UPSTREAM_KEY + "\",\"result_url\":\"" + RESULT_URL + "\"}");
        insert.setString(15, "{\"prompt\":\"" + PROMPT + "\"}");
        insert.addBatch();
    }

    /**
     * new-api's MySQL schema ({@code gatewaydb/new-api-mysql.sql}, GORM's DDL for its models), only {@code tables} of
     * it. The methods above then fill it: on MySQL they leave the tables to this file and write the same rows.
     */
    static void loadMySqlSchema(String url, String user, String password, String... tables) throws Exception {
        String ddl;
        try (var in = NewApiDatabase.class.getResourceAsStream("/gatewaydb/new-api-mysql.sql")) {
            ddl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> wanted = List.of(tables);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                java.util.regex.Matcher table = java.util.regex.Pattern.compile("CREATE TABLE `(\\w+)`")
                        .matcher(statement);
                if (table.find() && wanted.contains(table.group(1))) {
                    s.execute(statement);
                }
            }
        }
    }

    private static boolean mysql(String url) {
        return url.startsWith("jdbc:mysql:");
    }

    /** A connection that reads the double-quoted names below ({@code "key"}, {@code "group"}) on MySQL too. */
    private static Connection open(String url, String user, String password) throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        if (mysql(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
            }
        }
        return c;
    }

    /** This engine's table as GORM would create it; on MySQL the tables come from {@link #loadMySqlSchema}. */
    private static void ddl(Statement s, String url, String sql) throws SQLException {
        if (!mysql(url)) {
            s.execute(sql);
        }
    }

    static void create(String url, String user, String password, boolean postgres) throws SQLException {
        String bool = postgres ? "boolean" : "numeric";
        String id = postgres ? "bigserial PRIMARY KEY" : "integer PRIMARY KEY AUTOINCREMENT";
        String time = postgres ? "timestamptz" : "datetime";
        try (Connection c = open(url, user, password); Statement s = c.createStatement()) {
            ddl(s, url, "CREATE TABLE users (id " + id + ", username text UNIQUE, password text NOT NULL,"
                    + " display_name text, role bigint DEFAULT 1, status bigint DEFAULT 1, email text,"
                    + " access_token char(32), quota bigint DEFAULT 0, used_quota bigint DEFAULT 0,"
                    + " request_count bigint DEFAULT 0, \"group\" varchar(64) DEFAULT 'default', aff_code varchar(32),"
                    + " deleted_at " + time + ")");
            ddl(s, url, "CREATE TABLE tokens (id " + id + ", user_id bigint, \"key\" varchar(128) UNIQUE,"
                    + " status bigint DEFAULT 1, name text, created_time bigint, accessed_time bigint,"
                    + " expired_time bigint DEFAULT -1, remain_quota bigint DEFAULT 0, unlimited_quota " + bool + ","
                    + " model_limits_enabled " + bool + ", model_limits text, allow_ips text DEFAULT '',"
                    + " used_quota bigint DEFAULT 0, \"group\" text DEFAULT '', cross_group_retry " + bool + ","
                    + " billing_type bigint DEFAULT 0, deleted_at " + time + ")");
            ddl(s, url, "CREATE TABLE options (\"key\" text PRIMARY KEY, value text)");
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
                    insert.setString(15, (Boolean) t[12] ? (mysql(url) ? "2026-01-01 00:00:00" : "2026-01-01T00:00:00Z") : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
