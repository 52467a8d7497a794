package io.gatedesk.gatewaydb;

import io.gatedesk.secret.MaskedKey;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Keys and users of new-api and one-api, which share the {@code tokens} and {@code users} tables (GORM models
 * {@code model/token.go} and {@code model/user.go} in QuantumNous/new-api and songquanpeng/one-api):
 * {@code tokens.key} is the key without its {@code sk-} prefix (48 characters in new-api, 32 in older one-api),
 * {@code status} 1 enabled, 2 disabled, 3 expired, 4 exhausted ({@code common.TokenStatus*}); times are Unix seconds,
 * {@code expired_time} -1 meaning never; quotas are in quota units, {@code QuotaPerUnit} (default 500 000, an
 * {@code options} row may change it) to one US dollar. new-api adds {@code used_quota}, {@code group},
 * {@code model_limits_enabled}/{@code model_limits}, {@code allow_ips} and a soft-delete {@code deleted_at}; newer
 * one-api has {@code used_quota}, {@code models} and {@code subnet}. Only columns present are selected, and
 * {@code key} is only compared in SQL.
 */
@Component
class NewApiAccounts implements AccountReader {

    static final BigDecimal DEFAULT_QUOTA_PER_UNIT = BigDecimal.valueOf(500_000);

    private final Clock clock;

    NewApiAccounts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean reads(GatewayKind kind) {
        return kind == GatewayKind.NEW_API || kind == GatewayKind.ONE_API;
    }

    @Override
    public List<KeyAccount> find(GatewaySource source, MaskedKey key) {
        String pattern = pattern(key);
        if (pattern == null) {
            return List.of();
        }
        Set<String> tokenColumns = source.columns("tokens");
        Set<String> userColumns = source.columns("users");
        String sql = select(source, tokenColumns, userColumns);
        BigDecimal quotaPerUnit = quotaPerUnit(source);
        return source.read(jdbc -> jdbc.query(sql, (rs, row) -> account(source, key, rs, tokenColumns, quotaPerUnit),
                pattern));
    }

    @Override
    public void probe(GatewaySource source) {
        source.columns("tokens");
        source.columns("users");
    }

    /**
     * {@code head%tail} of a mask a new-api key could have made: its prefix must be {@code sk-} or unknown (a
     * {@code sk-proj-} or {@code gsk_} key is an upstream provider's, not this gateway's), and at least four
     * characters must be visible, or the pattern would match much of the table.
     */
    static String pattern(MaskedKey key) {
        if (!key.prefix().isEmpty() && !key.prefix().equals("sk-")) {
            return null;
        }
        String head = AccountReader.likeLiteral(key.head());
        String tail = AccountReader.likeLiteral(key.tail());
        if (head == null || tail == null || key.head().length() + key.tail().length() < 4) {
            return null;
        }
        return head + "%" + tail;
    }

    private static String select(GatewaySource source, Set<String> tokens, Set<String> users) {
        List<String> columns = new ArrayList<>(List.of("t.id", "t.user_id", "t.name", "t.status", "t.expired_time",
                "t.accessed_time", "t.remain_quota", "t.unlimited_quota"));
        for (String optional : new String[]{"used_quota", "model_limits_enabled", "model_limits", "models", "allow_ips",
                "subnet"}) {
            if (tokens.contains(optional)) {
                columns.add("t." + optional);
            }
        }
        if (tokens.contains("group")) {
            columns.add("t." + source.quote("group") + " AS token_group");
        }
        columns.add("u.username");
        columns.add(users.contains("display_name") ? "u.display_name" : "NULL AS display_name");
        columns.add(users.contains("group") ? "u." + source.quote("group") + " AS user_group" : "NULL AS user_group");
        columns.add("u.status AS user_status");
        String notDeleted = tokens.contains("deleted_at") ? " AND t.deleted_at IS NULL" : "";
        return "SELECT " + String.join(", ", columns) + " FROM tokens t LEFT JOIN users u ON u.id = t.user_id"
                + " WHERE t." + source.quote("key") + " LIKE ? ESCAPE '!'" + notDeleted
                + " ORDER BY t.id LIMIT " + MAX_CANDIDATES;
    }

    private KeyAccount account(GatewaySource source, MaskedKey key, ResultSet rs, Set<String> columns,
                               BigDecimal quotaPerUnit) throws SQLException {
        long remain = rs.getLong("remain_quota");
        Long used = columns.contains("used_quota") ? rs.getLong("used_quota") : null;
        boolean unlimited = rs.getBoolean("unlimited_quota");
        Instant expires = unixOrNull(rs.getLong("expired_time"));
        String group = columns.contains("group") ? blankToNull(rs.getString("token_group")) : null;
        if (group == null) {
            group = blankToNull(rs.getString("user_group"));
        }
        List<String> models = List.of();
        if (columns.contains("model_limits") && (!columns.contains("model_limits_enabled")
                || rs.getBoolean("model_limits_enabled"))) {
            models = split(rs.getString("model_limits"), ",");
        } else if (columns.contains("models")) {
            models = split(rs.getString("models"), ",");
        }
        List<String> ips = columns.contains("allow_ips") ? split(rs.getString("allow_ips"), "[\\n,]")
                : columns.contains("subnet") ? split(rs.getString("subnet"), "[\\n,]") : List.of();
        Object userStatus = rs.getObject("user_status");
        return new KeyAccount(source.name(), source.kind().code(), key.masked(), rs.getLong("user_id"),
                rs.getString("username"), blankToNull(rs.getString("display_name")), group, rs.getString("name"),
                status(rs.getInt("status"), expires, unlimited, remain), expires, remain, used, unlimited,
                usd(remain, quotaPerUnit), used == null ? null : usd(used, quotaPerUnit), models,
                ips.stream().map(IpMask::mask).toList(), unixOrNull(rs.getLong("accessed_time")),
                userStatus == null ? null : ((Number) userStatus).intValue() == 2 ? "disabled" : "enabled");
    }

    /** As the gateway's {@code ValidateUserToken} decides: an enabled key past expiry or out of quota is refused. */
    String status(int stored, Instant expires, boolean unlimited, long remain) {
        return switch (stored) {
            case 2 -> "disabled";
            case 3 -> "expired";
            case 4 -> "exhausted";
            default -> {
                if (expires != null && expires.isBefore(clock.instant())) {
                    yield "expired";
                }
                yield !unlimited && remain <= 0 ? "exhausted" : "enabled";
            }
        };
    }

    /** The {@code QuotaPerUnit} option, or the gateway's own default when the row or the table is not there. */
    static BigDecimal quotaPerUnit(GatewaySource source) {
        return source.readOptional(jdbc -> jdbc.queryForList("SELECT value FROM options WHERE "
                        + source.quote("key") + " = 'QuotaPerUnit'", String.class))
                .flatMap(values -> values.stream().filter(value -> value != null && !value.isBlank()).findFirst())
                .flatMap(NewApiAccounts::positive)
                .orElse(DEFAULT_QUOTA_PER_UNIT);
    }

    private static java.util.Optional<BigDecimal> positive(String value) {
        try {
            BigDecimal parsed = new BigDecimal(value.strip());
            return parsed.signum() > 0 ? java.util.Optional.of(parsed) : java.util.Optional.empty();
        } catch (NumberFormatException notANumber) {
            return java.util.Optional.empty();
        }
    }

    static BigDecimal usd(long quota, BigDecimal quotaPerUnit) {
        return BigDecimal.valueOf(quota).divide(quotaPerUnit, 2, RoundingMode.HALF_UP);
    }

    static Instant unixOrNull(long seconds) {
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(separator)).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
