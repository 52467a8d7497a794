package io.gatedesk.gatewaylog.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps one row of each tabular log export onto a {@link GatewayLogRecordBuilder}. Column meanings follow the
 * gateways' own tables (see {@code reference/gateway-errors.md}); a row without a usable time is rejected, every
 * other absent value stays {@code null}.
 */
final class TableRowMappers {

    /** new-api error rows: {@code status_code=429, <message>}. */
    private static final Pattern NEW_API_ERROR_CONTENT = Pattern.compile("(?s)\\s*status_code=(\\d{3}),\\s*(.*)");
    private static final JsonMapper JSON = JsonMapper.shared();

    private TableRowMappers() {
    }

    static GatewayLogRecordBuilder map(LogFormat format, Row row, ParseOptions options) {
        String source = options.sourceFor(format);
        return switch (format) {
            case ONE_API_TABLE -> oneApi(row, options, source);
            case NEW_API_TABLE -> newApi(row, options, source);
            case LITELLM_SPEND -> liteLlmSpend(row, options, source);
            case LITELLM_ERROR -> liteLlmError(row, options, source);
            case CANONICAL -> canonical(row, options, source);
            default -> throw new IllegalArgumentException(format + " is not a tabular log format");
        };
    }

    /** Columns one-api and new-api share: their {@code logs} tables descend from the same code. */
    private static GatewayLogRecordBuilder oneApiCommon(Row row, ParseOptions options, String source) {
        return new GatewayLogRecordBuilder()
                .source(source)
                .requestId(row.get("request_id"))
                .createdAt(Values.instant("created_at", row.get("created_at"), options.zone(), options))
                .userId(row.get("user_id"))
                .username(row.get("username"))
                .keyName(row.get("token_name"))
                .model(row.get("model_name"))
                .quotaRaw(Values.longValue("quota", row.get("quota"), row, options))
                .promptTokens(Values.longValue("prompt_tokens", row.get("prompt_tokens"), row, options))
                .completionTokens(Values.longValue("completion_tokens", row.get("completion_tokens"), row, options))
                // The API names the column "channel", a database export "channel_id".
                .channelId(nonZero(row.get("channel", "channel_id")))
                .isStream(Values.booleanValue("is_stream", row.get("is_stream"), options));
    }

    static GatewayLogRecordBuilder oneApi(Row row, ParseOptions options, String source) {
        GatewayLogRecordBuilder b = oneApiCommon(row, options, source);
        Integer type = Values.intValue("type", row.get("type"), row, options);
        LogType logType = switch (type == null ? 0 : type) {
            case 1 -> LogType.TOPUP;
            case 2 -> LogType.CONSUME;
            case 3 -> LogType.MANAGE;
            case 4 -> LogType.SYSTEM;
            case 5 -> LogType.TEST;
            default -> LogType.UNKNOWN;
        };
        b.logType(logType).latencyMs(Values.longValue("elapsed_time", row.get("elapsed_time"), row, options));
        finishQuotaAndContent(b, logType, row.get("content"));
        return b;
    }

    static GatewayLogRecordBuilder newApi(Row row, ParseOptions options, String source) {
        GatewayLogRecordBuilder b = oneApiCommon(row, options, source);
        Integer type = Values.intValue("type", row.get("type"), row, options);
        LogType logType = switch (type == null ? 0 : type) {
            case 1 -> LogType.TOPUP;
            case 2 -> LogType.CONSUME;
            case 3 -> LogType.MANAGE;
            case 4 -> LogType.SYSTEM;
            case 5 -> LogType.ERROR;
            case 6 -> LogType.REFUND;
            default -> LogType.UNKNOWN;
        };
        Long useTimeSeconds = Values.longValue("use_time", row.get("use_time"), row, options);
        b.logType(logType)
                .latencyMs(useTimeSeconds == null ? null : useTimeSeconds * 1000)
                .keyId(nonZero(row.get("token_id")))
                .group(row.get("group"))
                .channelName(row.get("channel_name"))
                .clientIp(row.get("ip"));

        String content = row.get("content");
        if (logType == LogType.ERROR && content != null) {
            Matcher m = NEW_API_ERROR_CONTENT.matcher(content);
            if (m.matches()) {
                b.statusCode(Integer.valueOf(m.group(1)));
                content = m.group(2);
            }
        }
        finishQuotaAndContent(b, logType, content);

        Map<String, String> other = jsonObject(row.get("other"));
        b.requestPath(other.get("request_path"))
                .errorType(other.get("error_type"))
                .errorCode(other.get("error_code"))
                .upstreamModel(other.get("upstream_model_name"))
                .ttftMs(Values.roundedLong("other.frt", other.get("frt"), options));
        if (b.statusCode() == null) {
            b.statusCode(httpStatus(other.get("status_code")));
        }
        if (b.channelId() == null) {
            b.channelId(other.get("channel_id"));
        }
        if (b.channelName() == null) {
            b.channelName(other.get("channel_name"));
        }
        return b;
    }

    /**
     * Consume rows are priced in quota; the text of a consume row is only the ratios it was priced with, so it is
     * dropped. For every other row type the content is the only description of what happened, so it is kept.
     */
    private static void finishQuotaAndContent(GatewayLogRecordBuilder b, LogType logType, String content) {
        if (logType == LogType.CONSUME) {
            b.costUsd(Values.quotaToUsd(b.quotaRaw()));
        } else {
            b.errorMessage(content);
        }
    }

    static GatewayLogRecordBuilder liteLlmSpend(Row row, ParseOptions options, String source) {
        Instant start = Values.instant("startTime", row.get("startTime", "start_time"), ZoneOffset.UTC, options);
        Instant end = optionalInstant("endTime", row.get("endTime", "end_time"), options);
        Instant firstToken = optionalInstant("completionStartTime",
                row.get("completionStartTime", "completion_start_time"), options);
        Map<String, String> metadata = jsonObject(row.get("metadata"));
        Map<String, String> error = jsonObject(metadata.get("error_information"));

        String status = row.get("status");
        if (status == null) {
            status = metadata.get("status");
        }
        boolean failed = status != null && status.strip().equalsIgnoreCase("failure");

        Long duration = Values.roundedLong("request_duration_ms", row.get("request_duration_ms"), options);
        if (duration == null && end != null && !end.isBefore(start)) {
            duration = end.toEpochMilli() - start.toEpochMilli();
        }
        Long ttft = firstToken != null && !firstToken.isBefore(start)
                ? firstToken.toEpochMilli() - start.toEpochMilli() : null;

        String modelGroup = row.get("model_group");
        String deployment = row.get("model");
        GatewayLogRecordBuilder b = new GatewayLogRecordBuilder()
                .source(source)
                .requestId(row.get("request_id"))
                .createdAt(start)
                .logType(failed ? LogType.ERROR : LogType.CONSUME)
                .userId(row.get("user"))
                // SpendLogs carry no account name; end_user is the caller's own user id, the closest thing to one.
                .username(row.get("end_user"))
                .keyName(metadata.get("user_api_key_alias"))
                .group(row.get("team_id"))
                // model_group is the name the client asked for, model the deployment it was routed to.
                .model(modelGroup != null ? modelGroup : deployment)
                .upstreamModel(deployment)
                .channelId(row.get("model_id"))
                .channelName(row.get("api_base"))
                .costUsd(Values.decimalValue("spend", row.get("spend"), options))
                .promptTokens(Values.longValue("prompt_tokens", row.get("prompt_tokens"), row, options))
                .completionTokens(Values.longValue("completion_tokens", row.get("completion_tokens"), row, options))
                .latencyMs(duration)
                .ttftMs(ttft)
                .clientIp(row.get("requester_ip_address"));
        applyApiKey(b, row.get("api_key"));
        if (failed || !error.isEmpty()) {
            String code = error.get("error_code");
            b.errorCode(code)
                    .errorType(error.get("error_class"))
                    .errorMessage(error.get("error_message"))
                    .statusCode(httpStatus(code));
        }
        return b;
    }

    static GatewayLogRecordBuilder liteLlmError(Row row, ParseOptions options, String source) {
        Instant start = Values.instant("startTime", row.get("startTime", "start_time"), ZoneOffset.UTC, options);
        Instant end = optionalInstant("endTime", row.get("endTime", "end_time"), options);
        String status = row.get("status_code");
        Integer statusCode = httpStatus(status);
        return new GatewayLogRecordBuilder()
                .source(source)
                .requestId(row.get("request_id"))
                .createdAt(start)
                .logType(LogType.ERROR)
                .model(row.get("model_group"))
                .upstreamModel(row.get("litellm_model_name"))
                .channelId(row.get("model_id"))
                .channelName(row.get("api_base"))
                .statusCode(statusCode)
                // LiteLLM writes the status as a string; a non-numeric one is still worth keeping.
                .errorCode(statusCode == null ? status : null)
                .errorType(row.get("exception_type"))
                .errorMessage(row.get("exception_string"))
                .latencyMs(end != null && !end.isBefore(start) ? end.toEpochMilli() - start.toEpochMilli() : null);
    }

    static GatewayLogRecordBuilder canonical(Row row, ParseOptions options, String defaultSource) {
        String source = row.get("source");
        String logType = row.get("log_type");
        LogType type = LogType.UNKNOWN;
        if (logType != null) {
            try {
                type = LogType.valueOf(logType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowRejected(LineErrorCode.BAD_VALUE,
                        "log_type must be one of CONSUME, ERROR, TOPUP, MANAGE, SYSTEM, TEST, REFUND, UNKNOWN: "
                                + Values.snippet(logType, options));
            }
        }
        String hash = row.get("key_hash_sha256");
        GatewayLogRecordBuilder b = new GatewayLogRecordBuilder()
                .source(source != null ? source : defaultSource)
                .requestId(row.get("request_id"))
                .createdAt(Values.instant("created_at", row.get("created_at"), options.zone(), options))
                .logType(type)
                .userId(row.get("user_id"))
                .username(row.get("username"))
                .keyName(row.get("key_name"))
                .keyId(row.get("key_id"))
                .keyHashSha256(Values.isSha256Hex(hash) ? hash.strip().toLowerCase(Locale.ROOT) : hash)
                .keyPrefix(row.get("key_prefix"))
                .keyLast4(row.get("key_last4"))
                .group(row.get("group"))
                .model(row.get("model"))
                .upstreamModel(row.get("upstream_model"))
                .channelId(row.get("channel_id"))
                .channelName(row.get("channel_name"))
                .statusCode(Values.intValue("status_code", row.get("status_code"), row, options))
                .errorType(row.get("error_type"))
                .errorCode(row.get("error_code"))
                .errorMessage(row.get("error_message"))
                .promptTokens(Values.longValue("prompt_tokens", row.get("prompt_tokens"), row, options))
                .completionTokens(Values.longValue("completion_tokens", row.get("completion_tokens"), row, options))
                .costUsd(Values.decimalValue("cost_usd", row.get("cost_usd"), options))
                .quotaRaw(Values.longValue("quota_raw", row.get("quota_raw"), row, options))
                .latencyMs(Values.longValue("latency_ms", row.get("latency_ms"), row, options))
                .ttftMs(Values.longValue("ttft_ms", row.get("ttft_ms"), row, options))
                .isStream(Values.booleanValue("is_stream", row.get("is_stream"), options))
                .clientIp(row.get("client_ip"))
                .requestPath(row.get("request_path"));
        return b;
    }

    /**
     * LiteLLM stores the SHA-256 of the key. An older or hand-made export may hold the key itself: then the exact
     * fingerprint is computed here, and the raw text goes to {@code keyName} where the text guard masks it.
     */
    static void applyApiKey(GatewayLogRecordBuilder b, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return;
        }
        String key = apiKey.strip();
        if (Values.isSha256Hex(key)) {
            b.keyHashSha256(key.toLowerCase(Locale.ROOT));
        } else if (key.startsWith("sk-") && key.length() >= 12 && key.indexOf('*') < 0 && !key.contains("...")) {
            b.keyHashSha256(GatewayLogRecord.sha256Hex(key))
                    .keyPrefix(key.substring(0, 7))
                    .keyLast4(key.substring(key.length() - 4));
            if (b.keyName() == null) {
                b.keyName(key);
            }
        } else if (b.keyName() == null) {
            b.keyName(key);
        }
    }

    /** one-api and new-api write 0 for "no channel" and "no token". */
    private static String nonZero(String id) {
        return id == null || id.strip().equals("0") ? null : id;
    }

    private static Instant optionalInstant(String column, String value, ParseOptions options) {
        return value == null ? null : Values.instant(column, value, ZoneOffset.UTC, options);
    }

    private static Integer httpStatus(String code) {
        if (code == null) {
            return null;
        }
        String v = code.strip();
        if (v.length() == 3 && Character.isDigit(v.charAt(0)) && Character.isDigit(v.charAt(1))
                && Character.isDigit(v.charAt(2))) {
            int status = Integer.parseInt(v);
            return status >= 100 && status <= 599 ? status : null;
        }
        return null;
    }

    /**
     * The top-level members of a JSON object held in a column, as text; empty when the column is empty or not an
     * object. A broken {@code other} or {@code metadata} loses only its own details, not the row.
     */
    static Map<String, String> jsonObject(String json) {
        Map<String, String> values = new HashMap<>();
        if (json == null || json.isBlank() || json.strip().charAt(0) != '{') {
            return values;
        }
        try {
            JsonNode node = JSON.readTree(json);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    continue;
                }
                values.put(e.getKey(), v.isValueNode() ? v.asString() : v.toString());
            }
        } catch (JacksonException e) {
            return values;
        }
        return values;
    }
}
