package io.gatedesk.gatewaydb;

import io.gatedesk.gatewaylog.MatchQuery;
import io.gatedesk.gatewaylog.MatchReason;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.SecretGuard;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a gateway's own log table for a ticket, with the rules imported logs are matched by ({@code gatewaylog}'s
 * {@link MatchQuery}): the ticket's request IDs exactly, and when none matches, the rows of the ticket's keys within
 * its window (and of its model, when it names one), ranked by closeness to the reported time.
 * <ul>
 *   <li>new-api and one-api: {@code logs} ({@code model/log.go} in QuantumNous/new-api and songquanpeng/one-api:
 *       {@code created_at} Unix seconds, {@code type} 2 consume / 5 error, {@code token_id} (new-api),
 *       {@code token_name}, {@code user_id}, {@code model_name}, {@code quota}, tokens, {@code use_time} seconds
 *       (new-api) or {@code elapsed_time} ms (one-api), {@code request_id} where the version has it). A key is
 *       compared in SQL as for accounts — {@code token_id IN (SELECT id FROM tokens WHERE key LIKE 'abcd%wxyz')}, or
 *       the token's name with its owner where the rows carry no token id — so no key is read. {@code content} is read
 *       only for an error row; {@code other} and {@code ip} never.</li>
 *   <li>LiteLLM: {@code LiteLLM_SpendLogs} (BerriAI/litellm {@code schema.prisma}: {@code request_id},
 *       {@code api_key} the key's SHA-256, {@code startTime}/{@code endTime}, {@code model}, {@code model_group},
 *       {@code spend}, tokens, {@code user}, {@code status} where present). {@code api_key} is only compared, with the
 *       digest of a key GateDesk masked itself or with the tokens whose {@code key_name} fits a typed mask; messages,
 *       responses, metadata and the proxy request are never read.</li>
 * </ul>
 */
@Component
class LogReader {

    /** As many rows as the imported-log matcher shows; more say nothing an agent can read on one page. */
    static final int LIMIT = 20;
    private static final int PER_QUERY = 200;
    private static final int MAX_ERROR = 500;
    static final String SPEND_LOGS = "LiteLLM_SpendLogs";

    private final SecretGuard guard;

    LogReader(SecretGuard guard) {
        this.guard = guard;
    }

    List<LiveLogEntry> find(GatewaySource source, MatchQuery query) {
        Table table = source.kind() == GatewayKind.LITELLM ? new SpendLogs(source) : new NewApiLogs(source);
        if (!table.present()) {
            return List.of();
        }
        if (!query.requestIds().isEmpty() && table.hasRequestIds()) {
            List<LiveLogEntry> exact = table.byRequestIds(query);
            if (!exact.isEmpty()) {
                return ranked(exact);
            }
        }
        if (query.maskedKeys().isEmpty() || query.from() == null || query.to() == null) {
            return List.of();
        }
        Map<String, LiveLogEntry> found = new LinkedHashMap<>();
        for (MaskedKey key : query.maskedKeys()) {
            for (LiveLogEntry entry : table.byKey(key, query)) {
                found.merge(entry.source() + "|" + entry.requestId() + "|" + entry.createdAt() + "|" + entry.via(),
                        entry, (a, b) -> a.reason().ordinal() <= b.reason().ordinal() ? a : b);
            }
        }
        return ranked(new ArrayList<>(found.values()));
    }

    private static List<LiveLogEntry> ranked(List<LiveLogEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing((LiveLogEntry e) -> e.reason() == MatchReason.REQUEST_ID ? 0 : 1)
                        .thenComparing(e -> e.secondsFromTime() == null ? Long.MAX_VALUE : e.secondsFromTime())
                        .thenComparing(LiveLogEntry::createdAt, Comparator.reverseOrder()))
                .limit(LIMIT).toList();
    }

    private interface Table {
        boolean present();

        boolean hasRequestIds();

        List<LiveLogEntry> byRequestIds(MatchQuery query);

        List<LiveLogEntry> byKey(MaskedKey key, MatchQuery query);
    }

    private final class NewApiLogs implements Table {

        private static final List<String> OPTIONAL = List.of("token_id", "token_name", "username", "user_id",
                "model_name", "quota", "prompt_tokens", "completion_tokens", "use_time", "elapsed_time", "is_stream",
                "channel_id", "request_id");

        private final GatewaySource source;
        private final Set<String> columns;

        NewApiLogs(GatewaySource source) {
            this.source = source;
            this.columns = source.columnsIfPresent("logs");
        }

        @Override
        public boolean present() {
            return columns.contains("created_at") && columns.contains("id");
        }

        @Override
        public boolean hasRequestIds() {
            return columns.contains("request_id");
        }

        private String select() {
            List<String> selected = new ArrayList<>(List.of("l.id", "l.created_at"));
            OPTIONAL.stream().filter(columns::contains).map(column -> "l." + column).forEach(selected::add);
            if (columns.contains("type")) {
                selected.add("l.type");
                if (columns.contains("content")) {
                    // Only an error row's text is read: a consume row's content is pricing detail, not evidence.
                    selected.add("CASE WHEN l.type = 5 THEN l.content END AS error_content");
                }
            }
            return "SELECT " + String.join(", ", selected) + " FROM logs l";
        }

        /** Calls only: consume (2) and error (5) rows, not top-ups, admin or system notes. */
        private String calls() {
            return columns.contains("type") ? " AND l.type IN (2, 5)" : "";
        }

        @Override
        public List<LiveLogEntry> byRequestIds(MatchQuery query) {
            String sql = select() + " WHERE l.request_id IN (" + marks(query.requestIds().size()) + ")" + calls()
                    + " ORDER BY l.id DESC LIMIT " + PER_QUERY;
            return source.read(jdbc -> jdbc.query(sql, (rs, row) -> entry(rs, MatchReason.REQUEST_ID, null, query),
                    query.requestIds().toArray()));
        }

        @Override
        public List<LiveLogEntry> byKey(MaskedKey key, MatchQuery query) {
            String pattern = NewApiAccounts.pattern(key);
            if (pattern == null) {
                return List.of();
            }
            String tokens = "SELECT t.id FROM tokens t WHERE t." + source.quote("key") + " LIKE ? ESCAPE '!'";
            MatchReason reason;
            String where;
            if (columns.contains("token_id")) {
                reason = MatchReason.KEY_ID;
                where = " WHERE l.token_id IN (" + tokens + ")";
            } else if (columns.contains("token_name") && columns.contains("user_id")) {
                // Token names repeat across users ("default"), so a name counts only with its owner.
                reason = MatchReason.KEY_NAME;
                where = " WHERE EXISTS (" + tokens + " AND t.name = l.token_name AND t.user_id = l.user_id)";
            } else {
                return List.of();
            }
            List<Object> args = new ArrayList<>(List.of(pattern, query.from().getEpochSecond(),
                    query.to().getEpochSecond()));
            String model = "";
            if (query.model() != null && columns.contains("model_name")) {
                model = " AND l.model_name = ?";
                args.add(query.model());
            }
            String sql = select() + where + " AND l.created_at BETWEEN ? AND ?" + model + calls()
                    + " ORDER BY l.id DESC LIMIT " + PER_QUERY;
            return source.read(jdbc -> jdbc.query(sql, (rs, row) -> entry(rs, reason, key, query), args.toArray()));
        }

        private LiveLogEntry entry(ResultSet rs, MatchReason reason, MaskedKey key, MatchQuery query)
                throws SQLException {
            Instant created = Instant.ofEpochSecond(rs.getLong("created_at"));
            String tokenName = text(rs, "token_name");
            Long tokenId = number(rs, "token_id");
            String requestId = text(rs, "request_id");
            String via = key == null ? requestId : key.masked() + " → " + (tokenName == null ? "" : tokenName)
                    + (tokenId == null ? "" : " #" + tokenId);
            Long latency = columns.contains("elapsed_time") ? number(rs, "elapsed_time")
                    : columns.contains("use_time") ? times(number(rs, "use_time"), 1000) : null;
            Long type = number(rs, "type");
            Long channel = number(rs, "channel_id");
            return new LiveLogEntry(source.name(), source.kind().code(), requestId, created,
                    type != null && type == 5 ? "error" : "success", text(rs, "model_name"), tokenName,
                    text(rs, "username"), text(rs, "user_id"), channel == null || channel == 0 ? null : "#" + channel,
                    number(rs, "prompt_tokens"), number(rs, "completion_tokens"), latency, flag(rs, "is_stream"),
                    number(rs, "quota"), null, guarded(text(rs, "error_content")), reason, via,
                    distance(created, query.at()));
        }

        private String text(ResultSet rs, String column) throws SQLException {
            return has(column) ? blankToNull(rs.getString(column)) : null;
        }

        private Long number(ResultSet rs, String column) throws SQLException {
            if (!has(column)) {
                return null;
            }
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }

        private Boolean flag(ResultSet rs, String column) throws SQLException {
            if (!has(column)) {
                return null;
            }
            boolean value = rs.getBoolean(column);
            return rs.wasNull() ? null : value;
        }

        private boolean has(String column) {
            return column.equals("error_content") ? columns.contains("type") && columns.contains("content")
                    : columns.contains(column);
        }
    }

    private final class SpendLogs implements Table {

        private final GatewaySource source;
        private final Set<String> columns;

        SpendLogs(GatewaySource source) {
            this.source = source;
            this.columns = source.columnsIfPresent(SPEND_LOGS);
        }

        @Override
        public boolean present() {
            return columns.contains("request_id") && columns.contains("starttime");
        }

        @Override
        public boolean hasRequestIds() {
            return true;
        }

        private String select() {
            List<String> selected = new ArrayList<>(List.of("s.request_id", "s." + source.quote("startTime")
                    + " AS started_at"));
            if (columns.contains("endtime")) {
                selected.add("s." + source.quote("endTime") + " AS ended_at");
            }
            for (String column : List.of("model", "model_group", "spend", "prompt_tokens", "completion_tokens",
                    "status", "team_id")) {
                if (columns.contains(column)) {
                    selected.add("s." + column);
                }
            }
            if (columns.contains("user")) {
                selected.add("s." + source.quote("user") + " AS user_id");
            }
            return "SELECT " + String.join(", ", selected) + " FROM " + source.quote(SPEND_LOGS) + " s";
        }

        @Override
        public List<LiveLogEntry> byRequestIds(MatchQuery query) {
            String sql = select() + " WHERE s.request_id IN (" + marks(query.requestIds().size()) + ") LIMIT "
                    + PER_QUERY;
            return source.read(jdbc -> jdbc.query(sql, (rs, row) -> entry(rs, MatchReason.REQUEST_ID, null, query),
                    query.requestIds().toArray()));
        }

        @Override
        public List<LiveLogEntry> byKey(MaskedKey key, MatchQuery query) {
            MatchReason reason;
            String where;
            Object argument;
            if (LiteLlmAccounts.isDigest(key.fingerprint())) {
                reason = MatchReason.KEY_FINGERPRINT;
                where = " WHERE s.api_key = ?";
                argument = key.fingerprint().toLowerCase(Locale.ROOT);
            } else {
                argument = LiteLlmAccounts.keyName(key);
                if (argument == null) {
                    return List.of();
                }
                // Every key ending so is a candidate, as on the account panel; the token is compared, never read.
                reason = MatchReason.KEY_MASK;
                where = " WHERE s.api_key IN (SELECT v.token FROM " + source.quote(LiteLlmAccounts.KEYS)
                        + " v WHERE v.key_name = ?)";
            }
            List<Object> args = new ArrayList<>(List.of(argument, utc(query.from()), utc(query.to())));
            String model = "";
            if (query.model() != null) {
                model = columns.contains("model_group") ? " AND (s.model = ? OR s.model_group = ?)" : " AND s.model = ?";
                args.add(query.model());
                if (columns.contains("model_group")) {
                    args.add(query.model());
                }
            }
            String sql = select() + where + " AND s." + source.quote("startTime") + " BETWEEN ? AND ?" + model
                    + " ORDER BY s." + source.quote("startTime") + " DESC LIMIT " + PER_QUERY;
            return source.read(jdbc -> jdbc.query(sql, (rs, row) -> entry(rs, reason, key, query), args.toArray()));
        }

        private LiveLogEntry entry(ResultSet rs, MatchReason reason, MaskedKey key, MatchQuery query)
                throws SQLException {
            Instant started = instant(rs, "started_at");
            Instant ended = columns.contains("endtime") ? instant(rs, "ended_at") : null;
            String status = columns.contains("status") ? blankToNull(rs.getString("status")) : null;
            String requestId = rs.getString("request_id");
            BigDecimal spend = null;
            if (columns.contains("spend")) {
                double value = rs.getDouble("spend");
                spend = rs.wasNull() ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
            }
            return new LiveLogEntry(source.name(), source.kind().code(), requestId, started,
                    "failure".equalsIgnoreCase(status) ? "error" : "success",
                    columns.contains("model") ? blankToNull(rs.getString("model")) : null, null, null,
                    columns.contains("user") ? blankToNull(rs.getString("user_id")) : null, null,
                    number(rs, "prompt_tokens"), number(rs, "completion_tokens"),
                    started != null && ended != null ? Duration.between(started, ended).toMillis() : null, null, null,
                    spend, null, reason, key == null ? requestId : key.masked(), distance(started, query.at()));
        }

        private Long number(ResultSet rs, String column) throws SQLException {
            if (!columns.contains(column)) {
                return null;
            }
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }

        /** Prisma keeps a {@code DateTime} as UTC in a {@code timestamp(3)} without zone. */
        private static Instant instant(ResultSet rs, String column) throws SQLException {
            LocalDateTime value = rs.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }

        private static LocalDateTime utc(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
    }

    /** A gateway's error text can quote what the customer sent, a key included: it passes the secret guard. */
    private String guarded(String text) {
        if (text == null) {
            return null;
        }
        String masked = guard.redact(text).text();
        return masked.length() > MAX_ERROR ? masked.substring(0, MAX_ERROR) + "…" : masked;
    }

    private static Long times(Long value, long factor) {
        return value == null ? null : value * factor;
    }

    private static Long distance(Instant at, Instant reported) {
        return at == null || reported == null ? null : Math.abs(Duration.between(reported, at).toSeconds());
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
