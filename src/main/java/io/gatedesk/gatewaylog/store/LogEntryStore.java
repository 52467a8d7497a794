package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.LogEntryView;
import io.gatedesk.gatewaylog.format.KeyInventoryEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Plain JDBC over {@code gateway_log_entries} and {@code key_inventory}: the reads behind matching and search, and the
 * key inventory's writes in multi-row {@code INSERT … ON CONFLICT DO NOTHING} statements (the same SQL on H2 and
 * PostgreSQL), whose update count tells imported from duplicate rows. Log entries are written by a
 * {@link LogEntryWriter}.
 */
@Component
public class LogEntryStore {

    static final int ROWS_PER_STATEMENT = 250;

    private static final String KEY_COLUMNS = "dedupe_key, source, key_id, key_name, key_alias, user_id, username,"
            + " group_name, key_hash_sha256, masked_head, masked_tail, status, import_id, imported_at";
    private static final int KEY_PARAMS = 14;
    static final String SELECT_ENTRY = "SELECT id, source, request_id, created_at, log_type, user_id, username, key_name,"
            + " key_id, key_hash_sha256, key_prefix, key_last4, group_name, model, upstream_model, channel_id,"
            + " channel_name, status_code, error_type, error_code, error_message, prompt_tokens, completion_tokens,"
            + " cost_usd, latency_ms, ttft_ms, is_stream, client_ip, request_path FROM gateway_log_entries";

    static final RowMapper<LogEntryView> ENTRY = (rs, n) -> new LogEntryView(rs.getLong("id"), rs.getString("source"),
            rs.getString("request_id"), instant(rs.getObject("created_at", OffsetDateTime.class)),
            rs.getString("log_type"), rs.getString("user_id"), rs.getString("username"), rs.getString("key_name"),
            rs.getString("key_id"), rs.getString("key_hash_sha256"), rs.getString("key_prefix"),
            rs.getString("key_last4"), rs.getString("group_name"), rs.getString("model"),
            rs.getString("upstream_model"), rs.getString("channel_id"), rs.getString("channel_name"),
            (Integer) rs.getObject("status_code", Integer.class), rs.getString("error_type"),
            rs.getString("error_code"), rs.getString("error_message"), rs.getObject("prompt_tokens", Long.class),
            rs.getObject("completion_tokens", Long.class), rs.getBigDecimal("cost_usd"),
            rs.getObject("latency_ms", Long.class), rs.getObject("ttft_ms", Long.class),
            rs.getObject("is_stream", Boolean.class), rs.getString("client_ip"), rs.getString("request_path"));

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final String[] keyInserts = new String[ROWS_PER_STATEMENT + 1];

    LogEntryStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    // ------------------------------------------------------------------------------------------------ writing

    public int insertKeys(List<KeyInventoryEntry> entries, Long importId, Instant now) {
        if (entries.isEmpty()) {
            return 0;
        }
        int inserted = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
                List<KeyInventoryEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement statement = connection.prepareStatement(keyInsert(chunk.size()))) {
                    int p = 1;
                    for (KeyInventoryEntry e : chunk) {
                        statement.setString(p++, cut(keyDedupe(e), 300));
                        statement.setString(p++, cut(e.source(), 64));
                        statement.setString(p++, cut(e.keyId(), 64));
                        statement.setString(p++, cut(e.keyName(), 128));
                        statement.setString(p++, cut(e.keyAlias(), 128));
                        statement.setString(p++, cut(e.userId(), 64));
                        statement.setString(p++, cut(e.username(), 128));
                        statement.setString(p++, cut(e.group(), 64));
                        statement.setString(p++, cut(e.keyHashSha256(), 64));
                        statement.setString(p++, cut(e.maskedHead(), 16));
                        statement.setString(p++, cut(e.maskedTail(), 16));
                        statement.setString(p++, cut(e.status(), 32));
                        setLong(statement, p++, importId);
                        statement.setObject(p++, now.atOffset(ZoneOffset.UTC));
                    }
                    inserted += statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store key inventory: " + e.getMessage(), e);
        }
        return inserted;
    }

    private static String keyDedupe(KeyInventoryEntry e) {
        String identity = e.keyHashSha256() != null ? "h:" + e.keyHashSha256()
                : e.keyId() != null ? "id:" + e.keyId()
                : "n:" + e.keyName() + ":" + e.userId() + ":" + e.maskedHead() + ":" + e.maskedTail();
        return e.source() + ":" + identity;
    }

    private String keyInsert(int rows) {
        String sql = keyInserts[rows];
        if (sql == null) {
            sql = multiRowInsert("key_inventory", KEY_COLUMNS, KEY_PARAMS, rows);
            keyInserts[rows] = sql;
        }
        return sql;
    }

    private static String multiRowInsert(String table, String columns, int params, int rows) {
        String one = "(" + "?, ".repeat(params - 1) + "?)";
        StringBuilder sql = new StringBuilder(32 + columns.length() + rows * (one.length() + 2));
        sql.append("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(one);
        }
        return sql.append(" ON CONFLICT DO NOTHING").toString();
    }

    // ------------------------------------------------------------------------------------------------ reading

    public List<LogEntryView> byRequestIds(Collection<String> requestIds, int limit) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(requestIds.size(), "?"));
        List<Object> args = new ArrayList<>(requestIds);
        args.add(limit);
        return jdbc.query(SELECT_ENTRY + " WHERE request_id IN (" + in + ") ORDER BY created_at DESC LIMIT ?", ENTRY,
                args.toArray());
    }

    /** Entries in a time window whose {@code column} equals {@code value}, optionally of one model. */
    public List<LogEntryView> byKeyColumn(String column, String value, String source, String userId, Instant from, Instant to,
                                   String model, int limit) {
        if (!Set.of("key_hash_sha256", "key_id", "key_name", "key_last4").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        StringBuilder sql = new StringBuilder(SELECT_ENTRY).append(" WHERE ").append(column)
                .append(" = ? AND created_at BETWEEN ? AND ?");
        List<Object> args = new ArrayList<>(List.of(value, utc(from), utc(to)));
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source);
        }
        if (userId != null) {
            sql.append(" AND user_id = ?");
            args.add(userId);
        }
        if (model != null) {
            sql.append(" AND (model = ? OR upstream_model = ?)");
            args.add(model);
            args.add(model);
        }
        sql.append(" ORDER BY created_at DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ENTRY, args.toArray());
    }

    public Optional<StoredEntry> find(long id) {
        List<String> keys = jdbc.queryForList("SELECT dedupe_key FROM gateway_log_entries WHERE id = ?", String.class, id);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredEntry(keys.get(0), jdbc.queryForObject(SELECT_ENTRY + " WHERE id = ?", ENTRY, id)));
    }

    public record StoredEntry(String dedupeKey, LogEntryView entry) {
    }

    public List<KeyInventoryRow> inventoryByTail(String tail) {
        if (tail.length() >= 4) {
            return jdbc.query("SELECT * FROM key_inventory WHERE masked_tail = ? OR masked_tail LIKE ?", INVENTORY,
                    tail.substring(tail.length() - 4), "%" + tail.substring(tail.length() - 4));
        }
        return jdbc.query("SELECT * FROM key_inventory WHERE masked_tail LIKE ?", INVENTORY, "%" + tail);
    }

    public List<KeyInventoryRow> inventoryByHash(String hash) {
        return jdbc.query("SELECT * FROM key_inventory WHERE key_hash_sha256 = ?", INVENTORY, hash);
    }

    public record KeyInventoryRow(String source, String keyId, String keyName, String keyAlias, String userId, String username,
                           String keyHashSha256, String maskedHead, String maskedTail, String group, String status) {
    }

    private static final RowMapper<KeyInventoryRow> INVENTORY = (rs, n) -> new KeyInventoryRow(rs.getString("source"),
            rs.getString("key_id"), rs.getString("key_name"), rs.getString("key_alias"), rs.getString("user_id"),
            rs.getString("username"), rs.getString("key_hash_sha256"), rs.getString("masked_head"),
            rs.getString("masked_tail"), rs.getString("group_name"), rs.getString("status"));

    /** One page of the log search, newest first; asks for one row more than a page to know whether another follows. */
    public List<LogEntryView> search(LogSearch filter, int page, int pageSize) {
        StringBuilder sql = new StringBuilder(SELECT_ENTRY).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND created_at <= ?");
            args.add(utc(filter.to()));
        }
        if (filter.statusCode() != null) {
            sql.append(" AND status_code = ?");
            args.add(filter.statusCode());
        }
        if (filter.model() != null) {
            sql.append(" AND (model = ? OR upstream_model = ?)");
            args.add(filter.model());
            args.add(filter.model());
        }
        if (filter.key() != null) {
            String key = filter.key();
            String last4 = key.length() >= 4 ? key.substring(key.length() - 4) : key;
            sql.append(" AND (key_name = ? OR key_id = ? OR key_hash_sha256 = ? OR key_last4 = ?)");
            args.add(key);
            args.add(key);
            args.add(key.toLowerCase(java.util.Locale.ROOT));
            args.add(last4);
        }
        if (filter.user() != null) {
            sql.append(" AND (user_id = ? OR username = ?)");
            args.add(filter.user());
            args.add(filter.user());
        }
        if (filter.clientIp() != null) {
            sql.append(" AND client_ip = ?");
            args.add(filter.clientIp());
        }
        if (filter.source() != null) {
            sql.append(" AND source = ?");
            args.add(filter.source());
        }
        if (filter.requestId() != null) {
            sql.append(" AND request_id = ?");
            args.add(filter.requestId());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
        args.add(pageSize + 1);
        args.add((long) page * pageSize);
        return jdbc.query(sql.toString(), ENTRY, args.toArray());
    }

    /** Cheaper than {@link #count()} on a large table: stops at the first row. */
    public boolean any() {
        return !jdbc.queryForList("SELECT 1 FROM gateway_log_entries LIMIT 1", Integer.class).isEmpty();
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries", Long.class);
        return n == null ? 0 : n;
    }

    /** Deletes up to {@code batch} entries older than {@code cutoff}; pins keep their own copies. */
    int deleteOlderThan(Instant cutoff, int batch) {
        // The outer time condition lets PostgreSQL prune partitions instead of probing every month by id.
        return jdbc.update("DELETE FROM gateway_log_entries WHERE created_at < ? AND id IN (SELECT id"
                + " FROM gateway_log_entries WHERE created_at < ? ORDER BY id LIMIT ?)", utc(cutoff), utc(cutoff), batch);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max);
    }

    private static void setLong(PreparedStatement s, int p, Long value) throws SQLException {
        if (value == null) {
            s.setNull(p, Types.BIGINT);
        } else {
            s.setLong(p, value);
        }
    }
}
