package io.gatedesk.gatewaylog.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class TableFormatsTest {

    private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    private static GatewayLogRecordBuilder row(String source, String id, String time, LogType type) {
        return new GatewayLogRecordBuilder().source(source).requestId(id).createdAt(Instant.parse(time)).logType(type);
    }

    @Test
    void oneApiApiExportInsideItsEnvelope() {
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(LogFormat.ONE_API_TABLE, "one-api-logs.json");

        assertThat(parsed.rows()).containsExactly(
                row("one-api", "2024050108000012345678901234", "2024-05-01T08:00:00Z", LogType.CONSUME)
                        .userId("1").username("root").keyName("dify-prod").model("claude-3-5-sonnet-20241022")
                        .quotaRaw(2250L).costUsd(new BigDecimal("0.004500")).promptTokens(100L)
                        .completionTokens(20L).channelId("2").latencyMs(1834L).isStream(false).build(AS_IS),
                row("one-api", null, "2024-05-01T08:01:40Z", LogType.TOPUP).userId("1").username("root")
                        .quotaRaw(5_000_000L).promptTokens(0L).completionTokens(0L).latencyMs(0L).isStream(false)
                        .errorMessage("通过兑换码充值 ＄10.000000 额度").build(AS_IS));
        assertThat(parsed.errors()).extracting(LineError::lineNumber, LineError::code).containsExactly(
                tuple(10L, LineErrorCode.NOT_AN_OBJECT),
                tuple(11L, LineErrorCode.MISSING_TIME));
    }

    @Test
    void newApiCsvWithBomCrlfQuotedNewlinesAndOtherJson() {
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(LogFormat.NEW_API_TABLE, "new-api-logs.csv");

        assertThat(parsed.rows()).containsExactly(
                row("new-api", "20240501080000123456789AbCdEfGh", "2024-05-01T08:00:00Z", LogType.CONSUME)
                        .userId("7").username("张伟").keyName("cursor").keyId("42").group("vip").model("gpt-4o")
                        .upstreamModel("gpt-4o-2024-08-06").channelId("3").channelName("azure-eastus")
                        .promptTokens(1000L).completionTokens(500L).quotaRaw(12500L)
                        .costUsd(new BigDecimal("0.025000")).latencyMs(3000L).ttftMs(812L).isStream(true)
                        .clientIp("203.0.113.7").requestPath("/v1/chat/completions").build(AS_IS),
                row("new-api", "20240501080100987654321ZyXwVuTs", "2024-05-01T08:01:00Z", LogType.ERROR)
                        .userId("7").username("张伟").keyName("cursor").keyId("42").group("vip").model("gpt-4o")
                        .channelId("3").channelName("azure-eastus").statusCode(429).errorType("new_api_error")
                        .errorCode("rate_limit_exceeded")
                        .errorMessage("当前分组上游负载已饱和，请稍后再试,\nplease retry later")
                        .promptTokens(0L).completionTokens(0L).quotaRaw(0L).latencyMs(0L).isStream(false)
                        .clientIp("203.0.113.7").requestPath("/v1/chat/completions").build(AS_IS),
                row("new-api", null, "2024-05-01T08:03:00Z", LogType.REFUND).userId("8").username("user8")
                        .group("default").quotaRaw(7500L).promptTokens(0L).completionTokens(0L).latencyMs(0L)
                        .isStream(false).errorMessage("退款 ＄0.015000").build(AS_IS));
        assertThat(parsed.errors()).extracting(LineError::lineNumber, LineError::code).containsExactly(
                tuple(5L, LineErrorCode.MISSING_TIME),
                tuple(6L, LineErrorCode.BAD_NUMBER),
                tuple(8L, LineErrorCode.COLUMN_COUNT));
        assertThat(parsed.errors().get(1).reason()).isEqualTo("quota is not a whole number: 'lots'");
    }

    @Test
    void newApiJsonLinesWithMalformedLinesAndOtherAsObject() {
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(LogFormat.NEW_API_TABLE, "new-api-logs.jsonl");

        assertThat(parsed.rows()).containsExactly(
                row("new-api", "20240501080000555555555QwErTyUi", "2024-05-01T08:00:00Z", LogType.ERROR)
                        .userId("9").username("user9").keyName("lobechat").keyId("77").group("default")
                        .model("gpt-5").statusCode(503).errorType("new_api_error").errorCode("model_not_found")
                        .errorMessage("当前分组 default 下对于模型 gpt-5 无可用渠道").quotaRaw(0L).promptTokens(0L)
                        .completionTokens(0L).latencyMs(0L).isStream(true).clientIp("198.51.100.4")
                        .requestPath("/v1/chat/completions").build(AS_IS),
                row("new-api", "20240501080005666666666AsDfGhJk", "2024-05-01T08:00:05Z", LogType.CONSUME)
                        .userId("9").username("user9").keyName("lobechat").keyId("77").group("default")
                        .model("gpt-4o-mini").channelId("4").channelName("openai-官方").quotaRaw(150L)
                        .costUsd(new BigDecimal("0.000300")).promptTokens(10L).completionTokens(5L)
                        .latencyMs(1000L).isStream(false).build(AS_IS));
        assertThat(parsed.errors()).extracting(LineError::lineNumber, LineError::code).containsExactly(
                tuple(3L, LineErrorCode.BAD_JSON),
                tuple(4L, LineErrorCode.NOT_AN_OBJECT));
    }

    @Test
    void liteLlmSpendLogsAsCsv() {
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(LogFormat.LITELLM_SPEND, "litellm-spend.csv");

        assertThat(parsed.rows()).containsExactly(
                liteLlmSuccess(),
                row("litellm", "chatcmpl-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "2024-05-01T12:05:00Z",
                        LogType.ERROR).userId("user-2").keyName("batch, nightly").keyHashSha256(HASH_B)
                        .group("team-b").model("gpt-4o").upstreamModel("gpt-4o-2024-08-06").channelId("deploy-1")
                        .channelName("https://api.openai.com/v1").costUsd(new BigDecimal("0")).promptTokens(0L)
                        .completionTokens(0L).latencyMs(250L).clientIp("10.0.0.8").statusCode(429)
                        .errorCode("429").errorType("RateLimitError")
                        .errorMessage("litellm.RateLimitError: Rate limit reached, retry later").build(AS_IS));
        assertThat(parsed.errors()).extracting(LineError::lineNumber, LineError::code)
                .containsExactly(tuple(4L, LineErrorCode.MISSING_TIME));
    }

    @Test
    void liteLlmSpendLogsAsJsonWithMetadataObject() {
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(LogFormat.LITELLM_SPEND, "litellm-spend.json");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).containsExactly(liteLlmSuccess());
    }

    private static GatewayLogRecord liteLlmSuccess() {
        return row("litellm", "chatcmpl-7f3e0b9c-1d2e-4f5a-9b8c-0123456789ab", "2024-05-01T12:00:00.123Z",
                LogType.CONSUME).userId("user-1").username("customer-42").keyName("cursor-prod")
                .keyHashSha256(HASH_A).group("team-a").model("gpt-4o").upstreamModel("gpt-4o-2024-08-06")
                .channelId("deploy-1").channelName("https://api.openai.com/v1").costUsd(new BigDecimal("0.00123"))
                .promptTokens(100L).completionTokens(50L).latencyMs(1500L).ttftMs(400L).clientIp("203.0.113.5")
                .build(AS_IS);
    }

    @Test
    void liteLlmErrorLogsWithMultilineExceptions() {
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(LogFormat.LITELLM_ERROR, "litellm-errors.csv");

        assertThat(parsed.rows()).containsExactly(
                row("litellm", "3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8", "2024-05-01T12:10:00Z", LogType.ERROR)
                        .model("gpt-4o").upstreamModel("openai/gpt-4o-2024-08-06").channelId("deploy-1")
                        .channelName("https://api.openai.com/v1").statusCode(429).errorType("RateLimitError")
                        .errorMessage("litellm.RateLimitError: OpenAIException - Rate limit reached, please slow down\n"
                                + "Traceback (most recent call last):\n  File \"main.py\", line 1")
                        .latencyMs(2500L).build(AS_IS),
                row("litellm", "4b3a2c1d-9e8f-4a7b-b6c5-d4e3f2a1b0c9", "2024-05-01T12:11:00Z", LogType.ERROR)
                        .model("gpt-5").errorCode("unknown").errorType("BadRequestError")
                        .errorMessage("litellm.BadRequestError: Invalid model name passed in model=gpt-5")
                        .build(AS_IS));
        assertThat(parsed.errors()).extracting(LineError::lineNumber, LineError::code)
                .containsExactly(tuple(6L, LineErrorCode.MISSING_TIME));
    }

    @Test
    void canonicalJsonLinesAndCsvReadTheSameRow() {
        GatewayLogRecord full = row("acme-gateway", "20240501080000777777777ZxCvBnMa", "2024-05-01T08:00:00Z",
                LogType.ERROR).userId("7").username("张伟").keyName("cursor").keyId("42").keyHashSha256(HASH_A)
                .keyPrefix("sk-abcd").keyLast4("wxyz").group("vip").model("gpt-4o")
                .upstreamModel("gpt-4o-2024-08-06").channelId("3").channelName("azure-eastus").statusCode(429)
                .errorType("new_api_error").errorCode("rate_limit_exceeded")
                .errorMessage("当前分组上游负载已饱和，请稍后再试").promptTokens(0L).completionTokens(0L)
                .costUsd(new BigDecimal("0")).quotaRaw(0L).latencyMs(350L).isStream(true).clientIp("203.0.113.7")
                .build(AS_IS);

        Fixtures.Parsed<GatewayLogRecord> jsonl = Fixtures.logs(LogFormat.CANONICAL, "canonical.jsonl");
        assertThat(jsonl.rows()).containsExactly(full,
                row("canonical", "minimal-1", "2024-05-01T08:00:00Z", LogType.UNKNOWN).build(AS_IS));
        assertThat(jsonl.errors()).extracting(LineError::lineNumber, LineError::code).containsExactly(
                tuple(3L, LineErrorCode.BAD_VALUE),
                tuple(4L, LineErrorCode.BAD_VALUE),
                tuple(5L, LineErrorCode.MISSING_TIME));

        Fixtures.Parsed<GatewayLogRecord> csv = Fixtures.logs(LogFormat.CANONICAL, "canonical.csv");
        assertThat(csv.errors()).isEmpty();
        assertThat(csv.rows()).containsExactly(full);
        assertThat(csv.rows().get(0).contentHash()).isEqualTo(jsonl.rows().get(0).contentHash());
    }

    @Test
    void newApiTokenListKeepsOnlyHeadTailAndFingerprintOfKeys() {
        Fixtures.Parsed<KeyInventoryEntry> parsed = Fixtures.keys(LogFormat.NEW_API_TOKENS, "new-api-tokens.json",
                ParseOptions.utc(AS_IS));

        assertThat(parsed.rows()).containsExactly(
                new KeyInventoryEntry("new-api", "42", "cursor", null, "7", null, "vip", null, "abcd", "wxyz",
                        "enabled"),
                new KeyInventoryEntry("new-api", "43", "测试令牌", null, "8", null, "default",
                        GatewayLogRecord.sha256Hex("sk-RawKeyFromADatabaseDump0123456789abcdefghijklmnop"), "RawK",
                        "mnop", "exhausted"));
        assertThat(parsed.rows()).allSatisfy(k -> assertThat(k.toString()).doesNotContain("DatabaseDump"));
        assertThat(parsed.errors()).extracting(LineError::lineNumber, LineError::code)
                .containsExactly(tuple(7L, LineErrorCode.MISSING_FIELD));
    }

    @Test
    void liteLlmVerificationTokens() {
        Fixtures.Parsed<KeyInventoryEntry> parsed = Fixtures.keys(LogFormat.LITELLM_TOKENS, "litellm-tokens.csv",
                ParseOptions.utc(AS_IS));

        assertThat(parsed.rows()).containsExactly(
                new KeyInventoryEntry("litellm", null, "sk-...wxyz", "cursor-prod", "user-1", null, "team-a", HASH_A,
                        null, "wxyz", "active"),
                new KeyInventoryEntry("litellm", null, "sk-...q9Z_", "batch", "user-2", null, null, HASH_B, null,
                        "q9Z_", "blocked"));
        assertThat(parsed.errors()).extracting(LineError::lineNumber, LineError::code)
                .containsExactly(tuple(4L, LineErrorCode.BAD_VALUE));
    }

    @Test
    void contentHashIsStableAndSensitiveToEveryField() {
        GatewayLogRecord a = row("one-api", null, "2024-05-01T08:00:00Z", LogType.CONSUME).model("gpt-4o")
                .costUsd(new BigDecimal("0.10")).build(AS_IS);
        GatewayLogRecord sameValue = row("one-api", null, "2024-05-01T08:00:00Z", LogType.CONSUME).model("gpt-4o")
                .costUsd(new BigDecimal("0.1")).build(AS_IS);
        GatewayLogRecord otherModel = row("one-api", null, "2024-05-01T08:00:00Z", LogType.CONSUME).model("gpt-4")
                .costUsd(new BigDecimal("0.1")).build(AS_IS);
        GatewayLogRecord shifted = row("one-api", null, "2024-05-01T08:00:00Z", LogType.CONSUME).model("gpt-4")
                .upstreamModel("o").costUsd(new BigDecimal("0.1")).build(AS_IS);

        assertThat(a.contentHash()).hasSize(64).isEqualTo(sameValue.contentHash())
                .isNotEqualTo(otherModel.contentHash()).isNotEqualTo(shifted.contentHash());
        assertThat(a.contentHash()).isEqualTo("" + a.contentHash());
    }

    @Test
    void timesInEveryShapeGatewaysWrite() {
        ParseOptions utc = ParseOptions.utc(AS_IS);
        Instant noon = Instant.parse("2024-05-01T12:00:00Z");
        for (String text : new String[]{"1714564800", "1714564800000", "2024-05-01T12:00:00Z",
                "2024-05-01 12:00:00", "2024-05-01T20:00:00+08:00", "2024-05-01 20:00:00+08", "2024-05-01 20:00:00+0800",
                "2024/05/01 12:00:00", "2024-05-01T12:00:00.000000"}) {
            assertThat(Values.instant("t", text, java.time.ZoneOffset.UTC, utc)).as(text).isEqualTo(noon);
        }
    }
}
