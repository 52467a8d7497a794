package io.gatedesk.gatewaydb;

import io.gatedesk.secret.MaskedKey;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Virtual keys of a LiteLLM proxy, which keeps them in PostgreSQL (Prisma model {@code LiteLLM_VerificationToken} in
 * BerriAI/litellm {@code schema.prisma}, with {@code LiteLLM_UserTable} and {@code LiteLLM_TeamTable}). LiteLLM never
 * stores a key: {@code token} is the SHA-256 hex of it ({@code hash_token} in {@code proxy/_types.py}) and
 * {@code key_name} its last four characters as {@code sk-...wxyz} ({@code key_management_endpoints.py}). So a key
 * GateDesk masked itself, whose fingerprint is that same digest, is found exactly ({@code token = ?}); a mask typed
 * by a customer can only be matched on its last four characters, and every key ending so is a candidate.
 *
 * <p>Money is LiteLLM's own: {@code spend} and {@code max_budget} are US dollars, no budget meaning unlimited; a key is
 * refused when {@code blocked}, past {@code expires}, or at its budget ({@code spend >= max_budget}), as
 * {@code user_api_key_auth} decides. No gateway quota units exist, so {@code remainQuota}/{@code usedQuota} stay
 * empty and the dollars go to {@code remainUsd}/{@code usedUsd}.
 */
@Component
class LiteLlmAccounts implements AccountReader {

    static final String KEYS = "LiteLLM_VerificationToken";
    static final String USERS = "LiteLLM_UserTable";
    static final String TEAMS = "LiteLLM_TeamTable";

    private final Clock clock;

    LiteLlmAccounts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean reads(GatewayKind kind) {
        return kind == GatewayKind.LITELLM;
    }

    @Override
    public void probe(GatewaySource source) {
        source.columns(KEYS);
        source.columns(USERS);
        source.columns(TEAMS);
    }

    @Override
    public List<KeyAccount> find(GatewaySource source, MaskedKey key) {
        String where;
        String argument;
        if (isDigest(key.fingerprint())) {
            where = "v.token = ?";
            argument = key.fingerprint().toLowerCase(Locale.ROOT);
        } else {
            argument = keyName(key);
            if (argument == null) {
                return List.of();
            }
            where = "v.key_name = ?";
        }
        Set<String> keyColumns = source.columns(KEYS);
        String sql = select(source, keyColumns, where);
        return source.read(jdbc -> jdbc.query(sql, (rs, row) -> account(source, key, rs, keyColumns), argument));
    }

    /**
     * The {@code key_name} LiteLLM wrote for keys this mask could stand for: {@code sk-...} and the last four
     * characters. A mask from another issuer ({@code sk-proj-}, {@code sk-ant-}) is an upstream provider's key, and a
     * mask showing fewer than four trailing characters cannot be compared.
     */
    static String keyName(MaskedKey key) {
        if (!key.prefix().isEmpty() && !key.prefix().equals("sk-")) {
            return null;
        }
        String tail = key.tail();
        if (tail.length() < 4 || !tail.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'
                || c == '_'))) {
            return null;
        }
        return "sk-..." + tail.substring(tail.length() - 4);
    }

    static boolean isDigest(String fingerprint) {
        if (fingerprint == null || fingerprint.length() != 64) {
            return false;
        }
        try {
            HexFormat.of().parseHex(fingerprint);
            return true;
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    private static String select(GatewaySource source, Set<String> keys, String where) {
        List<String> columns = new ArrayList<>(List.of("v.key_name", "v.key_alias", "v.spend", "v.max_budget",
                "v.expires", "v.models", "v.user_id", "v.team_id", "v.blocked", "u.user_alias", "u.max_budget AS "
                        + "user_max_budget", "u.spend AS user_spend", "t.team_alias", "t.blocked AS team_blocked"));
        columns.add(keys.contains("last_active") ? "v.last_active" : "NULL AS last_active");
        return "SELECT " + String.join(", ", columns) + " FROM " + source.quote(KEYS) + " v"
                + " LEFT JOIN " + source.quote(USERS) + " u ON u.user_id = v.user_id"
                + " LEFT JOIN " + source.quote(TEAMS) + " t ON t.team_id = v.team_id"
                + " WHERE " + where + " ORDER BY " + (keys.contains("created_at") ? "v.created_at, " : "")
                + "v.token LIMIT " + MAX_CANDIDATES;
    }

    private KeyAccount account(GatewaySource source, MaskedKey key, ResultSet rs, Set<String> columns)
            throws SQLException {
        BigDecimal spend = decimal(rs, "spend");
        BigDecimal budget = decimal(rs, "max_budget");
        Instant expires = instant(rs, "expires");
        boolean blocked = rs.getBoolean("blocked") || rs.getBoolean("team_blocked");
        String status;
        if (blocked) {
            status = "disabled";
        } else if (expires != null && expires.isBefore(clock.instant())) {
            status = "expired";
        } else if (budget != null && spend != null && spend.compareTo(budget) >= 0) {
            status = "exhausted";
        } else {
            status = "enabled";
        }
        BigDecimal remain = budget == null ? null
                : budget.subtract(spend == null ? BigDecimal.ZERO : spend).max(BigDecimal.ZERO);
        String userId = rs.getString("user_id");
        String team = blankToNull(rs.getString("team_alias"));
        BigDecimal userBudget = decimal(rs, "user_max_budget");
        BigDecimal userSpend = decimal(rs, "user_spend");
        boolean userOverBudget = userBudget != null && userSpend != null && userSpend.compareTo(userBudget) >= 0;
        return new KeyAccount(source.name(), source.kind().code(), key.masked(), null, userId,
                blankToNull(rs.getString("user_alias")), team != null ? team : blankToNull(rs.getString("team_id")),
                firstNonBlank(rs.getString("key_alias"), rs.getString("key_name")), status, expires, null, null,
                budget == null, scale(remain), scale(spend), models(rs.getArray("models")), List.of(),
                instant(rs, "last_active"), userId == null ? null : userOverBudget ? "overBudget" : "enabled");
    }

    /** LiteLLM's {@code models} is a PostgreSQL {@code text[]}; empty means every model the proxy serves. */
    private static List<String> models(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object values = array.getArray();
        if (!(values instanceof Object[] items)) {
            return List.of();
        }
        return Arrays.stream(items).filter(item -> item != null && !item.toString().isBlank())
                .map(item -> item.toString().strip()).toList();
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(value);
    }

    private static BigDecimal scale(BigDecimal dollars) {
        return dollars == null ? null : dollars.setScale(2, RoundingMode.HALF_UP);
    }

    /** Prisma keeps a {@code DateTime} as UTC in a {@code timestamp(3)} without zone: read it as such, not local. */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String firstNonBlank(String first, String second) {
        String chosen = blankToNull(first);
        return chosen != null ? chosen : blankToNull(second);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
