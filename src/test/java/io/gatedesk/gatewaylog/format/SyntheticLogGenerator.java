package io.gatedesk.gatewaylog.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes realistic synthetic gateway exports of any size, row by row, for tests and benchmarks. The same seed gives
 * the same file. Every generated row parses into exactly one record with no line errors; the text log adds the noise
 * real files have ([SYS] lines, console requests, [ERR] lines far from their [GIN] line) without extra records.
 *
 * <p>Usage: {@code java ... SyntheticLogGenerator <format>[:json|jsonl|csv] <rows> <file> [seed]}
 */
public final class SyntheticLogGenerator {

    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd - HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LITELLM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final String ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "deepseek-chat",
            "gemini-1.5-pro", "o1-mini", "qwen-max", "text-embedding-3-small"};
    private static final String[] UPSTREAM_MODELS = {"gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18",
            "claude-3-5-sonnet-20241022", "deepseek-chat", "gemini-1.5-pro-002", "o1-mini-2024-09-12",
            "qwen-max-2025-01-25", "text-embedding-3-small"};
    private static final String[] TOKEN_NAMES = {"default", "cursor", "cherry-studio", "dify-prod", "lobechat",
            "测试令牌", "batch-jobs", "nextchat"};
    private static final String[] GROUPS = {"default", "vip", "svip", "enterprise"};
    private static final String[] CHANNELS = {"openai-官方-1", "azure-eastus", "claude-aws-bedrock", "deepseek-direct",
            "gemini-vertex", "openai-官方-2", "qwen-dashscope", "azure-japaneast"};
    private static final String[] CHINESE_NAMES = {"张伟", "李娜", "王芳", "刘洋", "陈静"};

    /** Real one-api / new-api / OpenAI failures (reference/gateway-errors.md), English and Chinese. */
    private record Failure(int status, String type, String code, String message, boolean relay) {
    }

    private static final Failure[] FAILURES = {
            new Failure(401, "one_api_error", null, "无效的令牌", false),
            new Failure(401, "one_api_error", null, "该令牌已过期", false),
            new Failure(401, "one_api_error", null, "该令牌额度已用尽", false),
            new Failure(403, "one_api_error", "insufficient_user_quota", "user quota is not enough", false),
            new Failure(403, "new_api_error", "pre_consume_token_quota_failed",
                    "预扣费额度失败, 用户剩余额度: ＄0.012000, 需要预扣费额度: ＄0.050000", false),
            new Failure(429, "upstream_error", "rate_limit_exceeded",
                    "Rate limit reached for gpt-4o on tokens per min (TPM): Limit 30000, Used 29876, Requested 1200.",
                    true),
            new Failure(429, "new_api_error", null, "当前分组上游负载已饱和，请稍后再试", true),
            new Failure(503, "new_api_error", "model_not_found", "当前分组 default 下对于模型 gpt-5 无可用渠道", true),
            new Failure(504, "new_api_error", "do_request_failed",
                    "请求上游地址失败: Post \"https://api.openai.com/v1/chat/completions\": context deadline exceeded",
                    true),
            new Failure(400, "invalid_request_error", "context_length_exceeded",
                    "This model's maximum context length is 128000 tokens. However, your messages resulted in "
                            + "131072 tokens. Please reduce the length of the messages.", true),
            new Failure(529, "upstream_error", "overloaded_error", "Overloaded", true),
            new Failure(404, "invalid_request_error", null, "Invalid URL (POST /v1/v1/chat/completions)", false),
            new Failure(500, "upstream_error", "bad_response_status_code", "bad response status code 500", true),
    };

    private final long seed;
    private final Instant start;

    public SyntheticLogGenerator(long seed) {
        this(seed, START);
    }

    /** Rows from {@code start} on (a benchmark wants them in the months a partitioned table holds). */
    public SyntheticLogGenerator(long seed, Instant start) {
        this.seed = seed;
        this.start = start;
    }

    /** The layout a format is written in when none is asked for. */
    public static LogContainer defaultContainer(LogFormat format) {
        return switch (format) {
            case ONE_API_TEXT -> LogContainer.TEXT;
            case CANONICAL -> LogContainer.JSON_LINES;
            case ONE_API_TABLE, NEW_API_TOKENS -> LogContainer.JSON_ARRAY;
            default -> LogContainer.CSV;
        };
    }

    public void write(LogFormat format, long rows, Path file) throws IOException {
        write(format, defaultContainer(format), rows, file);
    }

    public void write(LogFormat format, LogContainer container, long rows, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(format, container, rows, out);
        }
    }

    /** Writes {@code rows} rows (requests, for the text log) to {@code out}; does not close it. */
    public void write(LogFormat format, LogContainer container, long rows, Writer out) throws IOException {
        Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out, 64 * 1024);
        Scenario scenario = new Scenario(new SplittableRandom(seed), start);
        if (format == LogFormat.ONE_API_TEXT) {
            if (container != LogContainer.TEXT) {
                throw new IllegalArgumentException("the one-api text log is plain text only");
            }
            writeTextLog(scenario, rows, w);
        } else {
            if (container == LogContainer.TEXT) {
                throw new IllegalArgumentException(format + " is tabular; pick JSON_ARRAY, JSON_LINES or CSV");
            }
            writeTable(columns(format), () -> row(format, scenario), container, rows, w);
        }
        w.flush();
    }

    // ---------------------------------------------------------------- scenario: one synthetic request at a time

    /** A stream of requests with coherent fields (the same key always belongs to the same user and group). */
    private static final class Scenario {
        final SplittableRandom rnd;
        final String[] keys = new String[64];
        long clockMs;
        long sequence;
        Instant time;
        int user;
        int keyIndex;
        int model;
        int channel;
        Failure failure;
        long prompt;
        long completion;
        long latencyMs;
        long ttftMs;
        boolean stream;
        String ip;

        Scenario(SplittableRandom rnd, Instant start) {
            this.rnd = rnd;
            this.clockMs = start.toEpochMilli();
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "sk-" + random(rnd, ALNUM, 48);
            }
        }

        void next() {
            clockMs += rnd.nextInt(1500);
            time = Instant.ofEpochMilli(clockMs);
            keyIndex = rnd.nextInt(keys.length);
            user = 1 + keyIndex % 40;
            model = rnd.nextInt(MODELS.length);
            channel = 1 + rnd.nextInt(CHANNELS.length);
            failure = rnd.nextInt(100) < 15 ? FAILURES[rnd.nextInt(FAILURES.length)] : null;
            prompt = failure == null ? 20 + rnd.nextInt(8000) : 0;
            completion = failure == null && model != 7 ? 1 + rnd.nextInt(2000) : 0;
            latencyMs = 80 + rnd.nextInt(failure != null && failure.status() == 504 ? 120_000 : 20_000);
            ttftMs = Math.min(latencyMs, 150 + rnd.nextInt(2500));
            stream = rnd.nextBoolean();
            ip = rnd.nextInt(3) == 0 ? "10.0." + rnd.nextInt(8) + "." + (1 + rnd.nextInt(250))
                    : "203.0.113." + (1 + rnd.nextInt(250));
        }

        String username() {
            return user % 9 == 0 ? CHINESE_NAMES[user % CHINESE_NAMES.length] + user : "user" + user;
        }

        String tokenName() {
            return TOKEN_NAMES[keyIndex % TOKEN_NAMES.length];
        }

        String group() {
            return GROUPS[user % GROUPS.length];
        }

        String key() {
            return keys[keyIndex];
        }

        long quota() {
            return failure != null ? 0 : (prompt + completion * 3) * (1 + model % 3) * 5 / 2;
        }

        String oneApiId() {
            return ID_TIME.format(time) + (1 + rnd.nextInt(999_999_999)) + random(rnd, "0123456789", 8);
        }

        String newApiId() {
            return ID_TIME.format(time) + (1 + rnd.nextInt(999_999_999)) + random(rnd, LETTERS, 8);
        }

        String uuid() {
            String hex = random(rnd, "0123456789abcdef", 32);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                    + hex.substring(17, 20) + "-" + hex.substring(20);
        }
    }

    private static String random(SplittableRandom rnd, String alphabet, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    // ---------------------------------------------------------------- one-api text log

    private record DelayedLine(long dueAfter, String line) {
    }

    private static void writeTextLog(Scenario s, long rows, Writer w) throws IOException {
        ArrayDeque<DelayedLine> delayed = new ArrayDeque<>();
        w.write("[SYS] " + TEXT_TIME.format(Instant.ofEpochMilli(s.clockMs)) + " | One API v0.6.10 started\n");
        for (long i = 0; i < rows; i++) {
            s.next();
            while (!delayed.isEmpty() && delayed.peekFirst().dueAfter() <= i) {
                w.write(delayed.pollFirst().line());
            }
            String time = TEXT_TIME.format(s.time);
            String id = s.oneApiId();
            if (s.rnd.nextInt(40) == 0) {
                // Console traffic and other noise that must not become records.
                w.write(String.format(Locale.ROOT, "[GIN] %s | %s | %3d | %13s | %15s | %7s %s%n", time,
                        s.oneApiId(), 200, "1.2ms", s.ip, "GET", "/api/status"));
                w.write("[INFO] " + time + " | " + s.oneApiId() + " | user " + s.user + " logged in\n");
            }
            if (i % 5000 == 4999) {
                w.write("[SYS] " + time + " | syncing options from database\n\n");
            }
            String path = s.model == 7 ? "/v1/embeddings" : "/v1/chat/completions";
            Failure f = s.failure;
            int status = f == null ? 200 : f.status();
            String gin = String.format(Locale.ROOT, "[GIN] %s | %s | %3d | %13s | %15s | %7s %s%n",
                    time, id, status, goDuration(s.latencyMs, s.rnd), s.ip, "POST", path);
            if (f == null) {
                w.write(gin);
                continue;
            }
            String message = f.relay()
                    ? "relay error (channel #" + s.channel + ", status code: " + status + "): " + f.message()
                    : f.message();
            if (s.rnd.nextBoolean()) {
                message = message + " (request id: " + id + ")";
            }
            w.write("[ERR] " + time + " | " + id + " | " + message + " \n");
            // The access line is written when the request ends, often after other requests' lines.
            delayed.addLast(new DelayedLine(i + s.rnd.nextInt(30), gin));
        }
        while (!delayed.isEmpty()) {
            w.write(delayed.pollFirst().line());
        }
    }

    /** Go's {@code time.Duration} formatting as gin prints latency. */
    private static String goDuration(long ms, SplittableRandom rnd) {
        if (ms >= 60_000) {
            return (ms / 60_000) + "m" + BigDecimal.valueOf(ms % 60_000, 3).stripTrailingZeros().toPlainString() + "s";
        }
        if (ms >= 1000) {
            return BigDecimal.valueOf(ms * 1000 + rnd.nextInt(1000), 6).toPlainString() + "s";
        }
        return ms + "." + rnd.nextInt(1000) + "ms";
    }

    // ---------------------------------------------------------------- tabular formats

    private static List<String> columns(LogFormat format) {
        return switch (format) {
            case ONE_API_TABLE -> List.of("id", "user_id", "created_at", "type", "content", "username", "token_name",
                    "model_name", "quota", "prompt_tokens", "completion_tokens", "channel", "request_id",
                    "elapsed_time", "is_stream", "system_prompt_reset");
            case NEW_API_TABLE -> List.of("id", "user_id", "created_at", "type", "content", "username", "token_name",
                    "model_name", "quota", "prompt_tokens", "completion_tokens", "use_time", "is_stream", "channel",
                    "channel_name", "token_id", "group", "ip", "other", "request_id");
            case LITELLM_SPEND -> List.of("request_id", "call_type", "api_key", "spend", "total_tokens",
                    "prompt_tokens", "completion_tokens", "startTime", "endTime", "completionStartTime",
                    "request_duration_ms", "model", "model_id", "model_group", "custom_llm_provider", "api_base",
                    "user", "metadata", "cache_hit", "team_id", "end_user", "requester_ip_address", "status");
            case LITELLM_ERROR -> List.of("request_id", "startTime", "endTime", "api_base", "model_group",
                    "litellm_model_name", "model_id", "exception_type", "exception_string", "status_code");
            case CANONICAL -> List.of("source", "request_id", "created_at", "log_type", "user_id", "username",
                    "key_name", "key_id", "key_hash_sha256", "key_prefix", "key_last4", "group", "model",
                    "upstream_model", "channel_id", "channel_name", "status_code", "error_type", "error_code",
                    "error_message", "prompt_tokens", "completion_tokens", "cost_usd", "quota_raw", "latency_ms",
                    "ttft_ms", "is_stream", "client_ip");
            case NEW_API_TOKENS -> List.of("id", "user_id", "key", "status", "name", "created_time",
                    "accessed_time", "expired_time", "remain_quota", "unlimited_quota", "used_quota", "group");
            case LITELLM_TOKENS -> List.of("token", "key_name", "key_alias", "spend", "expires", "models",
                    "user_id", "team_id", "blocked", "created_at");
            case ONE_API_TEXT -> throw new IllegalArgumentException("not tabular");
        };
    }

    /** A JSON value written verbatim (LiteLLM's metadata in a JSON export is an object, not a string). */
    private record RawJson(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    private static Object[] row(LogFormat format, Scenario s) {
        s.next();
        return switch (format) {
            case ONE_API_TABLE -> oneApiRow(s);
            case NEW_API_TABLE -> newApiRow(s);
            case LITELLM_SPEND -> liteLlmSpendRow(s);
            case LITELLM_ERROR -> liteLlmErrorRow(s);
            case CANONICAL -> canonicalRow(s);
            case NEW_API_TOKENS -> newApiTokenRow(s);
            case LITELLM_TOKENS -> liteLlmTokenRow(s);
            case ONE_API_TEXT -> throw new IllegalArgumentException("not tabular");
        };
    }

    private static Object[] oneApiRow(Scenario s) {
        int roll = s.rnd.nextInt(100);
        int type = roll < 92 ? 2 : roll < 95 ? 1 : roll < 97 ? 3 : roll < 99 ? 4 : 5;
        String content = switch (type) {
            case 1 -> "通过兑换码充值 ＄10.000000 额度";
            case 3 -> "管理员将用户额度从 ＄5.000000 修改为 ＄20.000000";
            case 4 -> "用户注册赠送 ＄0.500000 额度";
            case 5 -> "通道 「" + CHANNELS[s.channel - 1] + "」 测试成功，耗时 1.23 秒";
            default -> "模型倍率 2.50，分组倍率 1.00，补全倍率 4.00";
        };
        boolean consume = type == 2;
        long quota = consume ? s.quota() + 1 : type == 1 ? 5_000_000 : 0;
        return new Object[]{s.rnd.nextInt(1_000_000_000), s.user, s.time.getEpochSecond(), type, content,
                s.username(), consume ? s.tokenName() : "", consume ? MODELS[s.model] : "", quota,
                consume ? s.prompt + 1 : 0, consume ? s.completion : 0, consume ? s.channel : 0,
                // Older one-api versions wrote no request ID.
                s.rnd.nextInt(10) == 0 ? "" : s.oneApiId(), consume ? s.latencyMs : 0, consume && s.stream, false};
    }

    private static Object[] newApiRow(Scenario s) {
        Failure f = s.failure;
        int type = f != null ? 5 : s.rnd.nextInt(100) < 97 ? 2 : s.rnd.nextBoolean() ? 1 : 6;
        String path = s.model == 7 ? "/v1/embeddings" : "/v1/chat/completions";
        String content;
        String other;
        if (type == 5) {
            content = "status_code=" + f.status() + ", " + f.message();
            other = "{\"request_path\":\"" + path + "\",\"error_type\":\"" + f.type() + "\",\"error_code\":"
                    + (f.code() == null ? "\"\"" : "\"" + f.code() + "\"") + ",\"status_code\":" + f.status()
                    + ",\"channel_id\":" + s.channel + ",\"channel_name\":\"" + CHANNELS[s.channel - 1] + "\"}";
        } else if (type == 2) {
            content = "模型倍率 2.50，补全倍率 4.00，分组倍率 1.00";
            other = "{\"model_ratio\":2.5,\"group_ratio\":1,\"completion_ratio\":4,\"frt\":" + s.ttftMs + ".0,"
                    + "\"upstream_model_name\":\"" + UPSTREAM_MODELS[s.model] + "\",\"request_path\":\"" + path
                    + "\"}";
        } else {
            content = type == 1 ? "在线充值成功，充值金额: 10，支付金额：72.000000" : "退款 ＄0.015000（请求失败）";
            other = "";
        }
        boolean relay = type == 2 || type == 5;
        return new Object[]{s.rnd.nextInt(1_000_000_000), s.user, s.time.getEpochSecond(), type, content,
                s.username(), relay ? s.tokenName() : "", relay ? MODELS[s.model] : "",
                type == 2 ? s.quota() : type == 1 ? 5_000_000 : type == 6 ? 7_500 : 0,
                type == 2 ? s.prompt : 0, type == 2 ? s.completion : 0, relay ? s.latencyMs / 1000 : 0,
                relay && s.stream, relay ? s.channel : 0, relay ? CHANNELS[s.channel - 1] : "",
                relay ? 1000 + s.keyIndex : 0, s.group(), relay ? s.ip : "", other, s.newApiId()};
    }

    private static Object[] liteLlmSpendRow(Scenario s) {
        Failure f = s.failure;
        Instant end = s.time.plusMillis(s.latencyMs);
        String alias = s.tokenName() + "-" + s.keyIndex;
        String metadata;
        if (f == null) {
            metadata = "{\"user_api_key_alias\":\"" + alias + "\",\"user_api_key_team_id\":\"team-" + s.group()
                    + "\",\"status\":\"success\"}";
        } else {
            metadata = "{\"user_api_key_alias\":\"" + alias + "\",\"status\":\"failure\",\"error_information\":"
                    + "{\"error_code\":\"" + f.status() + "\",\"error_class\":\"" + liteLlmClass(f)
                    + "\",\"error_message\":\"litellm." + liteLlmClass(f) + ": " + jsonEscape(f.message())
                    + "\",\"llm_provider\":\"openai\"}}";
        }
        BigDecimal spend = BigDecimal.valueOf(s.quota()).divide(Values.QUOTA_PER_USD, 8, RoundingMode.HALF_UP);
        return new Object[]{"chatcmpl-" + s.uuid(), s.model == 7 ? "aembedding" : "acompletion",
                GatewayLogRecord.sha256Hex(s.key()), spend.toPlainString(), s.prompt + s.completion, s.prompt,
                s.completion, LITELLM_TIME.format(s.time), LITELLM_TIME.format(end),
                LITELLM_TIME.format(s.time.plusMillis(s.ttftMs)), s.latencyMs, UPSTREAM_MODELS[s.model],
                "deploy-" + s.channel, MODELS[s.model], "openai", "https://" + CHANNELS[s.channel - 1]
                .replaceAll("[^a-z0-9-]", "") + ".example.com/v1", "user-" + s.user, new RawJson(metadata),
                "False", "team-" + s.group(), s.rnd.nextInt(4) == 0 ? "end-user-" + s.rnd.nextInt(500) : "",
                s.ip, f == null ? "success" : "failure"};
    }

    private static String liteLlmClass(Failure f) {
        return switch (f.status()) {
            case 401 -> "AuthenticationError";
            case 403 -> "PermissionDeniedError";
            case 404 -> "NotFoundError";
            case 429 -> "RateLimitError";
            case 400 -> "ContextWindowExceededError";
            case 504 -> "Timeout";
            case 503 -> "ServiceUnavailableError";
            default -> "InternalServerError";
        };
    }

    private static Object[] liteLlmErrorRow(Scenario s) {
        Failure f = s.failure != null ? s.failure : FAILURES[s.rnd.nextInt(FAILURES.length)];
        String exception = "litellm." + liteLlmClass(f) + ": " + liteLlmClass(f) + ": OpenAIException - "
                + f.message();
        if (s.rnd.nextInt(5) == 0) {
            // Exception strings often carry a traceback: quoted, multi-line CSV cells.
            exception += "\nTraceback (most recent call last):\n  File \"litellm/main.py\", line 1, in completion";
        }
        return new Object[]{s.uuid(), LITELLM_TIME.format(s.time), LITELLM_TIME.format(s.time.plusMillis(s.latencyMs)),
                "https://api.openai.com/v1", MODELS[s.model], "openai/" + UPSTREAM_MODELS[s.model],
                "deploy-" + s.channel, liteLlmClass(f), exception, String.valueOf(f.status())};
    }

    private static Object[] canonicalRow(Scenario s) {
        Failure f = s.failure;
        String key = s.key();
        String source = s.rnd.nextBoolean() ? "new-api" : "one-api";
        return new Object[]{source, source.equals("new-api") ? s.newApiId() : s.oneApiId(), s.time.toString(),
                f == null ? "CONSUME" : "ERROR", String.valueOf(s.user), s.username(), s.tokenName(),
                String.valueOf(1000 + s.keyIndex), s.rnd.nextInt(3) == 0 ? GatewayLogRecord.sha256Hex(key) : null,
                key.substring(0, 7), key.substring(key.length() - 4), s.group(), MODELS[s.model],
                UPSTREAM_MODELS[s.model], String.valueOf(s.channel), CHANNELS[s.channel - 1],
                f == null ? 200 : f.status(), f == null ? null : f.type(), f == null ? null : f.code(),
                f == null ? null : f.message(), s.prompt, s.completion,
                Values.quotaToUsd(s.quota()), s.quota(), s.latencyMs, f == null ? s.ttftMs : null, s.stream, s.ip};
    }

    private static Object[] newApiTokenRow(Scenario s) {
        String body = random(s.rnd, ALNUM, 48);
        long created = s.time.getEpochSecond();
        int status = s.rnd.nextInt(10) < 8 ? 1 : 2 + s.rnd.nextInt(3);
        return new Object[]{++s.sequence, s.user,
                body.substring(0, 4) + "************" + body.substring(44), status,
                TOKEN_NAMES[s.rnd.nextInt(TOKEN_NAMES.length)], created, created + 3600,
                s.rnd.nextBoolean() ? -1 : created + 86_400 * 30, s.rnd.nextInt(5_000_000), s.rnd.nextBoolean(),
                s.rnd.nextInt(1_000_000), s.group()};
    }

    private static Object[] liteLlmTokenRow(Scenario s) {
        String key = "sk-" + random(s.rnd, ALNUM + "-_", 22);
        return new Object[]{GatewayLogRecord.sha256Hex(key), "sk-..." + key.substring(key.length() - 4),
                s.tokenName() + "-" + s.rnd.nextInt(1000), BigDecimal.valueOf(s.rnd.nextInt(100_000), 4),
                s.rnd.nextBoolean() ? null : LITELLM_TIME.format(s.time.plusSeconds(86_400 * 90)),
                new RawJson("[\"" + MODELS[s.model] + "\"]"), "user-" + s.user, "team-" + s.group(),
                s.rnd.nextInt(20) == 0, LITELLM_TIME.format(s.time)};
    }

    // ---------------------------------------------------------------- writers

    private interface RowSupplier {
        Object[] next();
    }

    private static void writeTable(List<String> columns, RowSupplier rows, LogContainer container, long count,
                                   Writer w) throws IOException {
        switch (container) {
            case CSV -> {
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                        .get());
                for (long i = 0; i < count; i++) {
                    Object[] row = rows.next();
                    List<Object> cells = new ArrayList<>(row.length);
                    for (Object cell : row) {
                        cells.add(cell == null ? "" : cell.toString());
                    }
                    csv.printRecord(cells);
                }
                csv.flush();
            }
            case JSON_ARRAY -> {
                w.write("[\n");
                for (long i = 0; i < count; i++) {
                    w.write(jsonObject(columns, rows.next()));
                    w.write(i + 1 < count ? ",\n" : "\n");
                }
                w.write("]\n");
            }
            case JSON_LINES -> {
                for (long i = 0; i < count; i++) {
                    w.write(jsonObject(columns, rows.next()));
                    w.write('\n');
                }
            }
            default -> throw new IllegalArgumentException(container + " is not a tabular layout");
        }
    }

    private static String jsonObject(List<String> columns, Object[] row) {
        StringBuilder sb = new StringBuilder(512).append('{');
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(columns.get(i)).append("\":");
            Object v = row[i];
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number || v instanceof Boolean || v instanceof RawJson) {
                sb.append(v);
            } else {
                sb.append('"').append(jsonEscape(v.toString())).append('"');
            }
        }
        return sb.append('}').toString();
    }

    /** The text of a JSON string literal, without the quotes: quotes, backslashes and control characters escaped. */
    public static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- command line

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: SyntheticLogGenerator <format>[:json|jsonl|csv] <rows> <file> [seed]");
            System.err.println("formats: " + java.util.Arrays.toString(LogFormat.values()));
            System.exit(2);
            return;
        }
        String[] formatAndContainer = args[0].split(":", 2);
        LogFormat format = LogFormat.valueOf(formatAndContainer[0].toUpperCase(Locale.ROOT).replace('-', '_'));
        LogContainer container = formatAndContainer.length == 1 ? defaultContainer(format)
                : switch (formatAndContainer[1].toLowerCase(Locale.ROOT)) {
                    case "json" -> LogContainer.JSON_ARRAY;
                    case "jsonl" -> LogContainer.JSON_LINES;
                    case "csv" -> LogContainer.CSV;
                    case "text" -> LogContainer.TEXT;
                    default -> throw new IllegalArgumentException("unknown layout " + formatAndContainer[1]);
                };
        long rows = Long.parseLong(args[1]);
        long seed = args.length == 4 ? Long.parseLong(args[3]) : 42L;
        new SyntheticLogGenerator(seed).write(format, container, rows, Path.of(args[2]));
        System.out.println("wrote " + rows + " " + format + " rows as " + container + " to " + args[2]);
    }
}
