package io.gatedesk.gatewaylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdExtractorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // one-api: timestamp + nanoseconds + 8 random digits
            "2024010215040512345678901234|2024010215040512345678901234",
            "my request id is 2024010215040512345678901234, please check|2024010215040512345678901234",
            "20240102150405123456789|20240102150405123456789",
            // new-api: timestamp + nanoseconds + 8 letters
            "id 20240501080000123456789AbCdEfGh failed|20240501080000123456789AbCdEfGh",
            "202405010800001234QwErTyUi|202405010800001234QwErTyUi",
            // labelled forms
            "无效的令牌 (request id: 2024050108000622222222233333333)|2024050108000622222222233333333",
            "当前分组上游负载已饱和，请稍后再试 (request id: B20240501xyz9)|B20240501xyz9",
            "X-Oneapi-Request-Id: 2024050108000212345678987654321|2024050108000212345678987654321",
            "x-oneapi-request-id:20240501080002123456789abcdefgh|20240501080002123456789abcdefgh",
            "X-Request-Id: req_7f3e0b9c1d2e4f5a9b8c|req_7f3e0b9c1d2e4f5a9b8c",
            "x-litellm-call-id: 3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8|3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8",
            "{\"request_id\": \"custom-id-00042\"}|custom-id-00042",
            "request_id=abc123def456|abc123def456",
            "请求 ID：2024050108000212345678987654321|2024050108000212345678987654321",
            // response and provider ids
            "chatcmpl-AbC123dEf456GhI789|chatcmpl-AbC123dEf456GhI789",
            "\"id\":\"chatcmpl-7f3e0b9c-1d2e-4f5a-9b8c-0123456789ab\"|chatcmpl-7f3e0b9c-1d2e-4f5a-9b8c-0123456789ab",
            "openai said req_1a2b3c4d5e6f7a8b9c0d|req_1a2b3c4d5e6f7a8b9c0d",
            // UUIDs
            "trace 3F2A9C1E-8B7D-4E6F-A5B4-C3D2E1F0A9B8 end|3F2A9C1E-8B7D-4E6F-A5B4-C3D2E1F0A9B8",
            "(3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8)|3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8",
    })
    void findsTheIdInText(String text, String expected) {
        assertThat(RequestIdExtractor.extract(text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "",
            "order 123456789012345 was paid",
            "call me at +86 138 0013 8000 or 13800138000",
            "at 20240102150405 it broke",
            "2024-01-02 15:04:05",
            "model claude-3-5-sonnet-20241022 and gpt-4o-2024-08-06",
            "12345678901234567890123",
            "99999999999999999999999",
            "20241399150405123456789",
            "sk-20240102150405123456789012345678abcdefghijklmn",
            "hash a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
            "request id: unknown",
            "chatcmpl-",
            "req_timeout_exceeded_now",
            "3f2a9c1e-8b7d-4e6f-a5b4",
            "version 1.2.3-beta.4",
    })
    void findsNothingInTextWithoutIds(String text) {
        assertThat(RequestIdExtractor.extract(text)).isEmpty();
    }

    @Test
    void nullIsNoIds() {
        assertThat(RequestIdExtractor.extract(null)).isEmpty();
    }

    @Test
    void distinctIdsInOrderOfAppearance() {
        String ticket = """
                Cursor says: 当前分组上游负载已饱和，请稍后再试 (request id: 2024050108000212345678987654321)
                second try: chatcmpl-7f3e0b9c-1d2e-4f5a-9b8c-0123456789ab
                X-Oneapi-Request-Id: 2024050108000212345678987654321
                and x-litellm-call-id: 3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8
                """;
        assertThat(RequestIdExtractor.extract(ticket)).isEqualTo(List.of(
                "2024050108000212345678987654321",
                "chatcmpl-7f3e0b9c-1d2e-4f5a-9b8c-0123456789ab",
                "3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8"));
    }

    @Test
    void theUuidInsideLiteLlmsChatcmplIdIsNotASecondId() {
        assertThat(RequestIdExtractor.extract("chatcmpl-7f3e0b9c-1d2e-4f5a-9b8c-0123456789ab"))
                .containsExactly("chatcmpl-7f3e0b9c-1d2e-4f5a-9b8c-0123456789ab");
    }
}
