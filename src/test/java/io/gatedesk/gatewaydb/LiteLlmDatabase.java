package io.gatedesk.gatewaydb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * A LiteLLM proxy database as Prisma creates it on PostgreSQL from BerriAI/litellm {@code schema.prisma} (the columns
 * GateDesk reads and those around them; {@code String[]} → {@code text[]}, {@code DateTime} → {@code timestamp(3)}
 * holding UTC, {@code Float} → {@code double precision}, {@code Json} → {@code jsonb}), filled with synthetic keys
 * stored as LiteLLM stores them: the SHA-256 hex in {@code token}, {@code sk-...} and the last four in {@code key_name}.
 */
final class LiteLlmDatabase {

    /** Keys as LiteLLM generates them: {@code sk-} and {@code secrets.token_urlsafe(16)} (22 characters). */
    static final String ACTIVE_KEY = "sk-" + "Qm7Xc2Lp9Vt4Rk8Jd3Hwz1";
    static final String OVER_BUDGET_KEY = "sk-" + "Bn5Yt7Uo2Pl9Kj4Hg8Fd6s";
    static final String BLOCKED_KEY = "sk-" + "Ze3Xc1Vb8Nm5Aq7Ws2Ed4r";
    static final String EXPIRED_KEY = "sk-" + "Tg6Yh9Uj3Ik8Ol1Pa5Sd2f";
    /** Another key ending as {@link #ACTIVE_KEY} does: a typed mask cannot tell them apart. */
    static final String SAME_ENDING_KEY = "sk-" + "Lk2Jh4Gf6Ds8Aq1Wz3Hwz1";

    static final List<String> ALL_KEYS = List.of(ACTIVE_KEY, OVER_BUDGET_KEY, BLOCKED_KEY, EXPIRED_KEY, SAME_ENDING_KEY);

    private LiteLlmDatabase() {
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void create(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"LiteLLM_UserTable\" (\"user_id\" TEXT NOT NULL PRIMARY KEY, \"user_alias\" TEXT,"
                    + " \"team_id\" TEXT, \"sso_user_id\" TEXT, \"organization_id\" TEXT, \"password\" TEXT,"
                    + " \"teams\" TEXT[] DEFAULT ARRAY[]::TEXT[], \"user_role\" TEXT, \"max_budget\" DOUBLE PRECISION,"
                    + " \"spend\" DOUBLE PRECISION NOT NULL DEFAULT 0.0, \"user_email\" TEXT, \"models\" TEXT[],"
                    + " \"metadata\" JSONB NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP)");
            s.execute("CREATE TABLE \"LiteLLM_TeamTable\" (\"team_id\" TEXT NOT NULL PRIMARY KEY, \"team_alias\" TEXT,"
                    + " \"organization_id\" TEXT, \"admins\" TEXT[], \"members\" TEXT[],"
                    + " \"metadata\" JSONB NOT NULL DEFAULT '{}', \"max_budget\" DOUBLE PRECISION,"
                    + " \"spend\" DOUBLE PRECISION NOT NULL DEFAULT 0.0, \"models\" TEXT[],"
                    + " \"blocked\" BOOLEAN NOT NULL DEFAULT false,"
                    + " \"created_at\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            s.execute("CREATE TABLE \"LiteLLM_VerificationToken\" (\"token\" TEXT NOT NULL PRIMARY KEY,"
                    + " \"key_name\" TEXT, \"key_alias\" TEXT, \"soft_budget_cooldown\" BOOLEAN NOT NULL DEFAULT false,"
                    + " \"spend\" DOUBLE PRECISION NOT NULL DEFAULT 0.0, \"expires\" TIMESTAMP(3), \"models\" TEXT[],"
                    + " \"aliases\" JSONB NOT NULL DEFAULT '{}', \"config\" JSONB NOT NULL DEFAULT '{}',"
                    + " \"user_id\" TEXT, \"team_id\" TEXT, \"permissions\" JSONB NOT NULL DEFAULT '{}',"
                    + " \"max_parallel_requests\" INTEGER, \"metadata\" JSONB NOT NULL DEFAULT '{}', \"blocked\" BOOLEAN,"
                    + " \"tpm_limit\" BIGINT, \"rpm_limit\" BIGINT, \"max_budget\" DOUBLE PRECISION,"
                    + " \"budget_duration\" TEXT, \"budget_reset_at\" TIMESTAMP(3),"
                    + " \"created_at\" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP, \"created_by\" TEXT,"
                    + " \"last_active\" TIMESTAMP(3))");
            s.execute("INSERT INTO \"LiteLLM_UserTable\" (user_id, user_alias, user_email, max_budget, spend, models)"
                    + " VALUES ('u-7', '张伟', 'zw@example.com', 100, 12.5, ARRAY['gpt-4o']),"
                    + " ('u-8', 'Li Si', 'ls@example.com', 5, 5, ARRAY[]::TEXT[])");
            s.execute("INSERT INTO \"LiteLLM_TeamTable\" (team_id, team_alias, models, blocked) VALUES"
                    + " ('t-1', 'vip', ARRAY['gpt-4o', 'claude-3-5-sonnet'], false),"
                    + " ('t-2', 'frozen', ARRAY[]::TEXT[], true)");
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"LiteLLM_VerificationToken\" (token,"
                    + " key_name, key_alias, spend, max_budget, expires, models, user_id, team_id, blocked, created_at,"
                    + " last_active) VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)")) {
                row(insert, ACTIVE_KEY, "prod", 3.1, 50.0, null, "{gpt-4o,claude-3-5-sonnet}", "u-7", "t-1", null,
                        now.minusDays(30), now.minusMinutes(5));
                row(insert, OVER_BUDGET_KEY, "trial", 10.0, 10.0, null, "{}", "u-7", null, false, now.minusDays(20),
                        null);
                row(insert, BLOCKED_KEY, "leaked", 0.4, null, null, "{}", "u-7", null, true, now.minusDays(10), null);
                row(insert, EXPIRED_KEY, null, 0.0, null, now.minusDays(1), "{}", null, null, null, now.minusDays(9),
                        null);
                row(insert, SAME_ENDING_KEY, "staging", 0.0, null, null, "{}", "u-8", "t-2", false, now.minusDays(2),
                        null);
            }
        }
    }

    /**
     * {@code LiteLLM_SpendLogs} as Prisma creates it ({@code schema.prisma}: {@code api_key} holds the key's SHA-256),
     * with calls of {@link #ACTIVE_KEY} and {@link #SAME_ENDING_KEY} a few minutes ago (one failed), one of the active key
     * two days ago, and the messages and response GateDesk never reads.
     */
    static void createSpendLogs(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"LiteLLM_SpendLogs\" (\"request_id\" TEXT NOT NULL PRIMARY KEY,"
                    + " \"call_type\" TEXT NOT NULL, \"api_key\" TEXT NOT NULL DEFAULT '',"
                    + " \"spend\" DOUBLE PRECISION NOT NULL DEFAULT 0.0, \"total_tokens\" INTEGER NOT NULL DEFAULT 0,"
                    + " \"prompt_tokens\" INTEGER NOT NULL DEFAULT 0, \"completion_tokens\" INTEGER NOT NULL DEFAULT 0,"
                    + " \"startTime\" TIMESTAMP(3) NOT NULL, \"endTime\" TIMESTAMP(3) NOT NULL,"
                    + " \"completionStartTime\" TIMESTAMP(3), \"model\" TEXT NOT NULL DEFAULT '',"
                    + " \"model_id\" TEXT DEFAULT '', \"model_group\" TEXT DEFAULT '', \"api_base\" TEXT DEFAULT '',"
                    + " \"user\" TEXT DEFAULT '', \"metadata\" JSONB DEFAULT '{}', \"cache_hit\" TEXT DEFAULT '',"
                    + " \"team_id\" TEXT, \"end_user\" TEXT, \"requester_ip_address\" TEXT,"
                    + " \"messages\" JSONB DEFAULT '{}', \"response\" JSONB DEFAULT '{}', \"status\" TEXT)");
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"LiteLLM_SpendLogs\" (request_id,"
                    + " call_type, api_key, spend, prompt_tokens, completion_tokens, \"startTime\", \"endTime\", model,"
                    + " model_group, \"user\", team_id, requester_ip_address, messages, response, status)"
                    + " VALUES (?, 'acompletion', ?, ?, ?, ?, ?, ?, ?, 'gpt-4o', 'u-7', 't-1', '198.51.100.9',"
                    + " '{\"content\":\"a private question\"}'::jsonb, '{}'::jsonb, ?)")) {
                spend(insert, "chatcmpl-live-1", ACTIVE_KEY, 0.0123, now.minusMinutes(4), "openai/gpt-4o", "success");
                spend(insert, "chatcmpl-live-2", ACTIVE_KEY, 0.0, now.minusMinutes(2), "openai/gpt-4o", "failure");
                spend(insert, "chatcmpl-old", ACTIVE_KEY, 0.02, now.minusDays(2), "openai/gpt-4o", "success");
                spend(insert, "chatcmpl-other", SAME_ENDING_KEY, 0.01, now.minusMinutes(3), "openai/gpt-4o", "success");
            }
        }
    }

    private static void spend(PreparedStatement insert, String requestId, String key, double spend,
                              LocalDateTime start, String model, String status) throws SQLException {
        insert.setString(1, requestId);
        insert.setString(2, hash(key));
        insert.setDouble(3, spend);
        insert.setInt(4, 100);
        insert.setInt(5, 20);
        insert.setObject(6, start);
        insert.setObject(7, start.plusSeconds(2));
        insert.setString(8, model);
        insert.setString(9, status);
        insert.executeUpdate();
    }

    private static void row(PreparedStatement insert, String key, String alias, double spend, Double budget,
                            LocalDateTime expires, String models, String user, String team, Boolean blocked,
                            LocalDateTime created, LocalDateTime lastActive) throws SQLException {
        insert.setString(1, hash(key));
        insert.setString(2, "sk-..." + key.substring(key.length() - 4));
        insert.setString(3, alias);
        insert.setDouble(4, spend);
        insert.setObject(5, budget);
        insert.setObject(6, expires);
        insert.setString(7, models);
        insert.setString(8, user);
        insert.setString(9, team);
        insert.setObject(10, blocked);
        insert.setObject(11, created);
        insert.setObject(12, lastActive);
        insert.executeUpdate();
    }
}
