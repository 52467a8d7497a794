package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.format.GatewayLogRecord;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The columns of {@code gateway_log_entries} an import fills, in one order, and a record's values for them: cut to the
 * column sizes, the dedupe key and content hash derived. Both {@link LogEntryWriter}s write exactly these values, so
 * H2 and PostgreSQL store the same row for the same record.
 */
final class EntryColumns {

    record Column(String name, int sqlType, String postgresType) {
    }

    static final List<Column> ALL = List.of(
            text("dedupe_key"), text("source"), text("request_id"),
            new Column("created_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz"), text("log_type"),
            text("user_id"), text("username"), text("key_name"), text("key_id"), text("key_hash_sha256"),
            text("key_prefix"), text("key_last4"), text("group_name"), text("model"), text("upstream_model"),
            text("channel_id"), text("channel_name"), new Column("status_code", Types.INTEGER, "integer"),
            text("error_type"), text("error_code"), text("error_message"), bigint("prompt_tokens"),
            bigint("completion_tokens"), new Column("cost_usd", Types.NUMERIC, "numeric(20, 8)"), bigint("quota_raw"),
            bigint("latency_ms"), bigint("ttft_ms"), new Column("is_stream", Types.BOOLEAN, "boolean"),
            text("client_ip"), text("request_path"), text("content_hash"), bigint("import_id"));

    static final String NAMES = String.join(", ", ALL.stream().map(Column::name).toList());

    /** Costs at or beyond this do not fit {@code NUMERIC(20, 8)}; such a value is a unit mistake, stored as unknown. */
    private static final BigDecimal MAX_COST = BigDecimal.valueOf(1_000_000_000_000L);

    private EntryColumns() {
    }

    /** The values of one record in the order of {@link #ALL}; {@code null} where the record has nothing. */
    static Object[] values(GatewayLogRecord r, Long importId) {
        String contentHash = r.contentHash();
        String source = r.source() == null ? "" : r.source();
        String dedupeKey = r.requestId() != null ? source + ":" + r.requestId() : source + ":#" + contentHash;
        return new Object[]{
                cut(dedupeKey, 200), cut(r.source() == null ? "unknown" : r.source(), 64), cut(r.requestId(), 128),
                r.createdAt().atOffset(ZoneOffset.UTC), r.logType().name(), cut(r.userId(), 64),
                cut(r.username(), 128), cut(r.keyName(), 128), cut(r.keyId(), 64), cut(r.keyHashSha256(), 64),
                cut(r.keyPrefix(), 32), cut(r.keyLast4(), 8), cut(r.group(), 64), cut(r.model(), 128),
                cut(r.upstreamModel(), 128), cut(r.channelId(), 64), cut(r.channelName(), 128), r.statusCode(),
                cut(r.errorType(), 128), cut(r.errorCode(), 128), cut(r.errorMessage(), 4000), r.promptTokens(),
                r.completionTokens(),
                r.costUsd() == null || r.costUsd().abs().compareTo(MAX_COST) >= 0 ? null : r.costUsd(),
                r.quotaRaw(), r.latencyMs(), r.ttftMs(), r.isStream(), cut(r.clientIp(), 64),
                cut(r.requestPath(), 500), contentHash, importId};
    }

    private static Column text(String name) {
        return new Column(name, Types.VARCHAR, "text");
    }

    private static Column bigint(String name) {
        return new Column(name, Types.BIGINT, "bigint");
    }

    private static String cut(String value, int max) {
        return LogEntryStore.cut(value, max);
    }
}
