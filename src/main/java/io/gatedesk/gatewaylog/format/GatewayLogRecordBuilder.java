package io.gatedesk.gatewaylog.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Collects a record's fields while a parser reads a row, then applies the text guard to every text field in one
 * place, so that no parser can forget a column.
 */
final class GatewayLogRecordBuilder {

    private String source;
    private String requestId;
    private Instant createdAt;
    private LogType logType = LogType.UNKNOWN;
    private String userId;
    private String username;
    private String keyName;
    private String keyId;
    private String keyHashSha256;
    private String keyPrefix;
    private String keyLast4;
    private String group;
    private String model;
    private String upstreamModel;
    private String channelId;
    private String channelName;
    private Integer statusCode;
    private String errorType;
    private String errorCode;
    private String errorMessage;
    private Long promptTokens;
    private Long completionTokens;
    private BigDecimal costUsd;
    private Long quotaRaw;
    private Long latencyMs;
    private Long ttftMs;
    private Boolean isStream;
    private String clientIp;
    private String requestPath;

    GatewayLogRecord build(UnaryOperator<String> guard) {
        return new GatewayLogRecord(g(guard, "source", source), g(guard, "request_id", requestId), createdAt, logType,
                g(guard, "user_id", userId), g(guard, "username", username), g(guard, "key_name", keyName),
                g(guard, "key_id", keyId), g(guard, "key_hash_sha256", keyHashSha256),
                g(guard, "key_prefix", keyPrefix), g(guard, "key_last4", keyLast4), g(guard, "group", group),
                g(guard, "model", model), g(guard, "upstream_model", upstreamModel),
                g(guard, "channel_id", channelId), g(guard, "channel_name", channelName), statusCode,
                g(guard, "error_type", errorType), g(guard, "error_code", errorCode),
                g(guard, "error_message", errorMessage), promptTokens, completionTokens, costUsd, quotaRaw, latencyMs,
                ttftMs, isStream, g(guard, "client_ip", clientIp), g(guard, "request_path", requestPath));
    }

    private static String g(UnaryOperator<String> guard, String column, String value) {
        return value == null ? null : storable(column, guard.apply(value));
    }

    /**
     * PostgreSQL refuses a NUL character in text, and a JSON export can carry one as an escape: such a row is
     * rejected with its column named, on every database alike, rather than failing the batch it would land in.
     */
    static String storable(String column, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new RowRejected(LineErrorCode.NUL_CHARACTER, "the column " + column
                    + " holds a NUL character (U+0000), which cannot be stored");
        }
        return value;
    }

    /** Blank text is absent text: CSV cannot tell the two apart, so neither do we. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    GatewayLogRecordBuilder source(String v) { source = text(v); return this; }
    GatewayLogRecordBuilder requestId(String v) { requestId = text(v) == null ? null : v.strip(); return this; }
    GatewayLogRecordBuilder createdAt(Instant v) { createdAt = v; return this; }
    GatewayLogRecordBuilder logType(LogType v) { logType = v == null ? LogType.UNKNOWN : v; return this; }
    GatewayLogRecordBuilder userId(String v) { userId = text(v); return this; }
    GatewayLogRecordBuilder username(String v) { username = text(v); return this; }
    GatewayLogRecordBuilder keyName(String v) { keyName = text(v); return this; }
    GatewayLogRecordBuilder keyId(String v) { keyId = text(v); return this; }
    GatewayLogRecordBuilder keyHashSha256(String v) { keyHashSha256 = text(v); return this; }
    GatewayLogRecordBuilder keyPrefix(String v) { keyPrefix = text(v); return this; }
    GatewayLogRecordBuilder keyLast4(String v) { keyLast4 = text(v); return this; }
    GatewayLogRecordBuilder group(String v) { group = text(v); return this; }
    GatewayLogRecordBuilder model(String v) { model = text(v); return this; }
    GatewayLogRecordBuilder upstreamModel(String v) { upstreamModel = text(v); return this; }
    GatewayLogRecordBuilder channelId(String v) { channelId = text(v); return this; }
    GatewayLogRecordBuilder channelName(String v) { channelName = text(v); return this; }
    GatewayLogRecordBuilder statusCode(Integer v) { statusCode = v; return this; }
    GatewayLogRecordBuilder errorType(String v) { errorType = text(v); return this; }
    GatewayLogRecordBuilder errorCode(String v) { errorCode = text(v); return this; }
    GatewayLogRecordBuilder errorMessage(String v) { errorMessage = text(v); return this; }
    GatewayLogRecordBuilder promptTokens(Long v) { promptTokens = v; return this; }
    GatewayLogRecordBuilder completionTokens(Long v) { completionTokens = v; return this; }
    GatewayLogRecordBuilder costUsd(BigDecimal v) { costUsd = v; return this; }
    GatewayLogRecordBuilder quotaRaw(Long v) { quotaRaw = v; return this; }
    GatewayLogRecordBuilder latencyMs(Long v) { latencyMs = v; return this; }
    GatewayLogRecordBuilder ttftMs(Long v) { ttftMs = v; return this; }
    GatewayLogRecordBuilder isStream(Boolean v) { isStream = v; return this; }
    GatewayLogRecordBuilder clientIp(String v) { clientIp = text(v); return this; }
    GatewayLogRecordBuilder requestPath(String v) { requestPath = text(v); return this; }

    String requestId() { return requestId; }
    Instant createdAt() { return createdAt; }
    String keyName() { return keyName; }
    String channelId() { return channelId; }
    String channelName() { return channelName; }
    Integer statusCode() { return statusCode; }
    String errorMessage() { return errorMessage; }
    String requestPath() { return requestPath; }
    Long quotaRaw() { return quotaRaw; }
}
