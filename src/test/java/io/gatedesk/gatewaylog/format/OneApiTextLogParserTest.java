package io.gatedesk.gatewaylog.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class OneApiTextLogParserTest {

    private static final String A = "2024050108000212345678987654321";
    private static final String B = "2024050108000398765432112345678";
    private static final String D = "2024050108000622222222233333333";
    private static final String E = "2024050108000844444444455555555";
    private static final String F = "2024050108000966666666677777777";

    private static GatewayLogRecordBuilder oneApi(String id, String time) {
        return new GatewayLogRecordBuilder().source("one-api").requestId(id).createdAt(Instant.parse(time));
    }

    @Test
    void errAndGinLinesOfOneRequestBecomeOneRecordAndNoiseIsSkipped() {
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(LogFormat.ONE_API_TEXT, "one-api.log");

        assertThat(parsed.rows()).containsExactly(
                oneApi(A, "2024-05-01T08:00:02Z").logType(LogType.ERROR).channelId("3").statusCode(429)
                        .errorMessage("relay error (channel #3, status code: 429): 当前分组上游负载已饱和，请稍后再试"
                                + " (request id: " + A + ")")
                        .latencyMs(350L).clientIp("203.0.113.9").requestPath("/v1/chat/completions")
                        .build(UnaryOperator.identity()),
                oneApi(D, "2024-05-01T08:00:06Z").logType(LogType.ERROR).statusCode(401)
                        .errorMessage("无效的令牌 (request id: " + D + ")").latencyMs(1L).clientIp("10.0.0.2")
                        .requestPath("/v1/chat/completions").build(UnaryOperator.identity()),
                oneApi(B, "2024-05-01T08:00:03Z").logType(LogType.CONSUME).statusCode(200).latencyMs(1235L)
                        .clientIp("203.0.113.7").requestPath("/v1/chat/completions").build(UnaryOperator.identity()),
                // POST without /v1 answered 200 by the web console: the trace of a wrong base URL.
                oneApi(E, "2024-05-01T08:00:08Z").logType(LogType.UNKNOWN).statusCode(200).latencyMs(62_500L)
                        .clientIp("203.0.113.7").requestPath("/chat/completions").build(UnaryOperator.identity()),
                oneApi(F, "2024-05-01T08:00:09Z").logType(LogType.ERROR).channelId("5").statusCode(504)
                        .errorMessage("relay error (channel id 5, status code: 504): 请求上游地址失败")
                        .build(UnaryOperator.identity()));
        assertThat(parsed.errors()).extracting(LineError::lineNumber, LineError::code).containsExactly(
                tuple(8L, LineErrorCode.BAD_TIME),
                tuple(9L, LineErrorCode.BAD_LINE));
    }

    @Test
    void timesAreReadInTheSiteTimeZone() {
        ParseOptions shanghai = ParseOptions.utc(UnaryOperator.identity()).withZone(ZoneId.of("Asia/Shanghai"));
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(LogFormat.ONE_API_TEXT, "one-api.log", shanghai);

        assertThat(parsed.rows().get(0).createdAt()).isEqualTo(Instant.parse("2024-05-01T00:00:02Z"));
    }

    @Test
    void anErrLineMeetsItsGinLineHundredsOfRequestsLater() throws IOException {
        List<GatewayLogRecord> records = parse(farApart(500), new OneApiTextLogParser(
                ParseOptions.utc(UnaryOperator.identity())));

        assertThat(records).hasSize(501);
        assertThat(records).filteredOn(r -> "20240501080000111111111XyZaBcDe".equals(r.requestId()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(r.errorMessage()).isEqualTo("当前分组 default 下对于模型 gpt-5 无可用渠道");
                    assertThat(r.logType()).isEqualTo(LogType.ERROR);
                });
    }

    @Test
    void thePendingMapIsBoundedSoAVeryLateGinLineStandsAlone() throws IOException {
        List<GatewayLogRecord> records = parse(farApart(500), new OneApiTextLogParser(
                ParseOptions.utc(UnaryOperator.identity()), Duration.ofMinutes(10), 100));

        assertThat(records).filteredOn(r -> "20240501080000111111111XyZaBcDe".equals(r.requestId()))
                .extracting(GatewayLogRecord::statusCode, GatewayLogRecord::errorMessage)
                .containsExactly(tuple(null, "当前分组 default 下对于模型 gpt-5 无可用渠道"), tuple(503, null));
    }

    @Test
    void aGinLineBeforeItsLateErrLineStillMerges() throws IOException {
        String log = "[GIN] 2024/05/01 - 08:00:00 | 20240501080000999999999AbCdEfGh | 500 | 2.5s | 1.2.3.4 | POST /v1/chat/completions\n"
                + "[ERR] 2024/05/01 - 08:00:01 | 20240501080000999999999AbCdEfGh | error consuming token remain quota\n";
        List<GatewayLogRecord> records = parse(log, new OneApiTextLogParser(ParseOptions.utc(UnaryOperator.identity())));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.latencyMs()).isEqualTo(2500L);
            assertThat(r.errorMessage()).isEqualTo("error consuming token remain quota");
        });
    }

    @Test
    void ginDefaultFormatWithoutRequestIdIsStillRead() throws IOException {
        String log = "[GIN] 2024/05/01 - 08:00:00 | 429 |     1.5ms |  1.2.3.4 | POST     \"/v1/chat/completions\"\n";
        List<GatewayLogRecord> records = parse(log, new OneApiTextLogParser(ParseOptions.utc(UnaryOperator.identity())));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isNull();
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.requestPath()).isEqualTo("/v1/chat/completions");
        });
    }

    @Test
    void goDurationsAreConvertedToMilliseconds() {
        assertThat(Values.goDurationMillis("1.234567s")).isEqualTo(1235L);
        assertThat(Values.goDurationMillis("350.2ms")).isEqualTo(350L);
        assertThat(Values.goDurationMillis("12.5µs")).isEqualTo(0L);
        assertThat(Values.goDurationMillis("1m2.5s")).isEqualTo(62_500L);
        assertThat(Values.goDurationMillis("1h0m0s")).isEqualTo(3_600_000L);
        assertThat(Values.goDurationMillis("800ns")).isEqualTo(0L);
        assertThat(Values.goDurationMillis("fast")).isNull();
    }

    /** An [ERR] line, then {@code between} successful requests a second apart, then the [GIN] line of the error. */
    private static String farApart(int between) {
        StringBuilder log = new StringBuilder();
        log.append("[ERR] 2024/05/01 - 08:00:00 | 20240501080000111111111XyZaBcDe | 当前分组 default 下对于模型 gpt-5 无可用渠道 \n");
        Instant t = Instant.parse("2024-05-01T08:00:00Z");
        for (int i = 0; i < between; i++) {
            String time = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd - HH:mm:ss")
                    .withZone(java.time.ZoneOffset.UTC).format(t.plusMillis(i * 1000L / 2));
            log.append("[GIN] ").append(time).append(" | 2024050108000012345").append(String.format("%08d", i))
                    .append(" | 200 | 1.5s | 1.2.3.4 | POST /v1/chat/completions\n");
        }
        log.append("[GIN] 2024/05/01 - 08:04:30 | 20240501080000111111111XyZaBcDe | 503 | 5ms | 1.2.3.4 | POST /v1/chat/completions\n");
        return log.toString();
    }

    private static List<GatewayLogRecord> parse(String log, OneApiTextLogParser parser) throws IOException {
        List<GatewayLogRecord> records = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        parser.parse(new StringReader(log), records::add, errors::add);
        assertThat(errors).isEmpty();
        return records;
    }
}
