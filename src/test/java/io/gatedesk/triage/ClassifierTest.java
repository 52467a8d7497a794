package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ClassifierTest {

    private final Classifier classifier = SeedRules.classifier();

    private Classification classify(Integer status, String errorMessage, String text) {
        return classifier.classify(new TriageInput(status, errorMessage, text, null, null, null, List.of()));
    }

    @Test
    void openAi429InsufficientQuotaIsInsufficientQuotaNotRateLimited() {
        Classification result = classify(429,
                "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\","
                        + "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}", null);

        assertThat(result.category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r.category()).isEqualTo(ErrorCategory.RATE_LIMITED));
    }

    @Test
    void oneApi401QuotaMessageIsInsufficientQuotaNotInvalidKey() {
        assertThat(classify(401, "该令牌额度已用尽 (request id: 20250316121212121212121212121212)", "key 突然失效了").category())
                .isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(classify(401, "令牌 cursor（#12）额度已用尽", null).category())
                .isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
    }

    @Test
    void oneApi403QuotaCodesAreInsufficientQuotaNotAccessDenied() {
        assertThat(classify(403, "{\"error\":{\"message\":\"user quota is not enough\",\"code\":\"insufficient_user_quota\"}}",
                "403 forbidden").category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(classify(403, "{\"error\":{\"message\":\"令牌额度不足\",\"code\":\"pre_consume_token_quota_failed\"}}", null)
                .category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
    }

    @Test
    void doubledV1On404IsWrongBaseUrlNotModelNotAvailable() {
        Classification result = classify(404, "Invalid URL (POST /v1/v1/chat/completions)", "model not found in Cursor");

        assertThat(result.category()).isEqualTo(ErrorCategory.WRONG_BASE_URL);
        assertThat(result.reasons().get(0).matched()).containsIgnoringCase("/v1/v1");
    }

    @Test
    void htmlAnswerIsWrongBaseUrl() {
        assertThat(classify(null, null, "SyntaxError: Unexpected token '<', \"<!doctype \"... is not valid JSON").category())
                .isEqualTo(ErrorCategory.WRONG_BASE_URL);
        assertThat(classify(null, "invalid character '<' looking for beginning of value", null).category())
                .isEqualTo(ErrorCategory.WRONG_BASE_URL);
    }

    @Test
    void openAi404ModelNotFoundIsModelNotAvailable() {
        assertThat(classify(404, "The model `gpt-5-turbo` does not exist or you do not have access to it.", null).category())
                .isEqualTo(ErrorCategory.MODEL_NOT_AVAILABLE);
    }

    @Test
    void noChannelForModelOn503IsModelNotAvailableNotUpstreamError() {
        assertThat(classify(503, "当前分组 default 下对于模型 gpt-4o-mini 无可用渠道", null).category())
                .isEqualTo(ErrorCategory.MODEL_NOT_AVAILABLE);
    }

    @Test
    void streamingTimeoutIsStreamInterruptedNotUpstreamTimeout() {
        assertThat(classify(null, "streaming timeout", null).category()).isEqualTo(ErrorCategory.STREAM_INTERRUPTED);
    }

    @Test
    void contextDeadlineIsTimeoutNotContextLength() {
        assertThat(classify(null, "context deadline exceeded", null).category()).isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT);
    }

    @Test
    void gatewayLogOutranksWhatTheCustomerWrote() {
        TriageInput input = new TriageInput(null, null, "Cursor says rate limit exceeded, please raise my limit",
                "Cursor", null, null, List.of(new LogEvidence(401, "one_api_error", null, "该令牌额度已用尽")));

        Classification result = classifier.classify(input);

        assertThat(result.category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(result.reasons().get(0).source()).isEqualTo("LOG");
        assertThat(result.reasons()).anySatisfy(r -> {
            assertThat(r.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
            assertThat(r.source()).isEqualTo("TEXT");
        });
    }

    @Test
    void explicitErrorMessageOutranksFreeText() {
        Classification result = classify(null, "Rate limit reached for requests", "I think my key is invalid");

        assertThat(result.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    }

    @Test
    void aStatusCodeAloneIsLessCertainThanAGatewayMessage() {
        Classification statusOnly = classify(429, null, null);
        Classification withMessage = classify(429, "您已达到请求数限制：1分钟内最多请求60次", null);

        assertThat(statusOnly.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(withMessage.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(statusOnly.confidence()).isLessThan(withMessage.confidence());
    }

    @Test
    void baseUrlEndingInV1IsWrongForNextChatButRightForCursor() {
        TriageInput nextChat = new TriageInput(404, null, null, "NextChat", "https://api.gw.example.com/v1", null, List.of());
        TriageInput cursor = new TriageInput(null, null, null, "Cursor", "https://api.gw.example.com/v1", null, List.of());

        assertThat(classifier.classify(nextChat).category()).isEqualTo(ErrorCategory.WRONG_BASE_URL);
        assertThat(classifier.classify(nextChat).reasons()).anySatisfy(r -> assertThat(r.source()).isEqualTo("BASE_URL"));
        assertThat(classifier.classify(cursor)).isEqualTo(Classification.nothingMatched());
    }

    @Test
    void fullEndpointIsWrongAsBaseUrlExceptForCurl() {
        String endpoint = "https://api.gw.example.com/v1/chat/completions";

        assertThat(classifier.classify(new TriageInput(null, null, null, "Cherry Studio", endpoint, null, List.of()))
                .category()).isEqualTo(ErrorCategory.WRONG_BASE_URL);
        assertThat(classifier.classify(new TriageInput(null, null, null, "curl 8.5", endpoint, null, List.of()))
                .category()).isEqualTo(ErrorCategory.OTHER);
    }

    @Test
    void nothingRecognisedIsOtherWithZeroConfidenceAndNoReasons() {
        assertThat(classify(null, null, "怎么修改登录邮箱？")).isEqualTo(new Classification(ErrorCategory.OTHER, 0.0, List.of()));
        assertThat(classifier.classify(new TriageInput(null, null, null, null, null, null, null)).reasons()).isEmpty();
    }

    @Test
    void reasonsNameTheRuleTheSourceAndTheMatchedWords() {
        Classification result = classify(null, "无效的令牌 (request id: 20250314101530123456789012345678)", null);

        assertThat(result.reasons().get(0)).isEqualTo(
                new Reason("invalid-key.gateway-message-zh", ErrorCategory.INVALID_KEY, "ERROR_MESSAGE", "无效的令牌", 5.0));
    }

    @Test
    void statusCodesQuotedInTextCountButRequestIdsAndCountsDoNot() {
        assertThat(classify(null, null, "openai.RateLimitError: Error code: 429").reasons())
                .anySatisfy(r -> assertThat(r.ruleId()).isEqualTo("rate-limit.status-429"));
        assertThat(classify(null, null, "since this morning every call gives 429.").category())
                .isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(classify(null, null, "upstream said status:502").category()).isEqualTo(ErrorCategory.UPSTREAM_ERROR);
        assertThat(classify(null, null, "request id 20250314101530123456789012345678, 1分钟内 500 次, port 443"))
                .isEqualTo(Classification.nothingMatched());
    }

    @Test
    void fullWidthInputIsFoldedBeforeMatching() {
        assertThat(classify(null, "ＨＴＴＰ ４２９ Ｔｏｏ Ｍａｎｙ Ｒｅｑｕｅｓｔｓ", null).category())
                .isEqualTo(ErrorCategory.RATE_LIMITED);
    }

    @Test
    void sameInputGivesTheSameClassification() {
        TriageInput input = new TriageInput(503, "Overloaded", "上游返回 503", "Claude Code", null, "claude",
                List.of(new LogEvidence(529, "overloaded_error", null, "Overloaded")));

        assertThat(classifier.classify(input)).isEqualTo(classifier.classify(input));
    }

    @Test
    void confidenceStaysWithinZeroAndOneAndEveryVerdictIsExplained() {
        // Random mixtures of real signal fragments and noise, so that categories compete in many combinations.
        List<String> fragments = List.of("429", "401", "404", "503", "insufficient_quota", "无效的令牌", "/v1/v1",
                "超时", "streaming timeout", "余额不足", "model_not_found", "Overloaded", "上下文太长", "封号",
                "Unexpected token '<'", "rate limit", "hello", "发票", "", "😀", "(((", "sk-abc***xyz");
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(5); j > 0; j--) {
                text.append(fragments.get(random.nextInt(fragments.size()))).append(' ');
            }
            Integer status = random.nextBoolean() ? null : 400 + random.nextInt(130);
            Classification result = classify(status, null, text.toString());

            assertThat(result.confidence()).isBetween(0.0, 1.0);
            if (result.category() == ErrorCategory.OTHER) {
                assertThat(result.reasons()).isEmpty();
            }
            else {
                assertThat(result.reasons().get(0).category()).isEqualTo(result.category());
            }
        }
    }

    @Test
    void veryLongPastesAreCutToHeadAndTailWhereTheErrorIs() {
        String log = "INFO request ok\n".repeat(50_000) + "openai.APITimeoutError: Request timed out.";

        assertThat(classify(null, null, log).category()).isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT);
    }

    @Test
    void patternsIgnoreCaseInAsciiAndInEveryScriptThatHasCase() {
        Classifier custom = new Classifier(List.of(
                new ClassificationRule("ascii", ErrorCategory.RATE_LIMITED, RuleKind.MESSAGE_PATTERN, "too many requests",
                        5, "ascii", null, null),
                new ClassificationRule("cyrillic", ErrorCategory.INVALID_KEY, RuleKind.MESSAGE_PATTERN, "неверный ключ",
                        5, "cyrillic", null, null),
                new ClassificationRule("chinese", ErrorCategory.INSUFFICIENT_QUOTA, RuleKind.MESSAGE_PATTERN, "余额不足",
                        5, "chinese", null, null)));

        assertThat(custom.classify(input("TOO MANY REQUESTS")).category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        // Full-width letters from a Chinese input method fold to ASCII before matching.
        assertThat(custom.classify(input("ＴＯＯ ＭＡＮＹ requests")).category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(custom.classify(input("НЕВЕРНЫЙ КЛЮЧ API")).category()).isEqualTo(ErrorCategory.INVALID_KEY);
        assertThat(custom.classify(input("账户余额不足")).category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(ClassificationRule.flags("too many")).isEqualTo(java.util.regex.Pattern.CASE_INSENSITIVE);
        assertThat(ClassificationRule.flags("余额不足")).isEqualTo(java.util.regex.Pattern.CASE_INSENSITIVE);
        assertThat(ClassificationRule.flags("ошибка")).isEqualTo(ClassificationRule.REGEX_FLAGS);
        assertThat(ClassificationRule.flags("\\u0416")).isEqualTo(ClassificationRule.REGEX_FLAGS);
    }

    private static TriageInput input(String text) {
        return new TriageInput(null, null, text, null, null, null, List.of());
    }
}
