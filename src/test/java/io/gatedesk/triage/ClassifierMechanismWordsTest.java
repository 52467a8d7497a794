package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules written on the words that carry a mechanism (credits, arrears, a model refused, a length limit, a limit
 * per unit of time, a credential refused, a provider's server failing, a body cut mid-stream) rather than on one
 * provider's sentence: each is seen deciding a text in wording its own source does not use, and the mechanisms that
 * share words are seen apart.
 */
class ClassifierMechanismWordsTest {

    private final Classifier classifier = SeedRules.classifier();

    private Classification classify(Integer status, String text) {
        return classifier.classify(new TriageInput(status, null, text, null, null, null, List.of()));
    }

    @ParameterizedTest(name = "{1} for: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            quota.credits-words            | INSUFFICIENT_QUOTA  | Your team does not have enough credits to run this request.
            quota.arrears-words            | INSUFFICIENT_QUOTA  | 403 Access denied: the account has an overdue bill.
            quota.arrears-words            | INSUFFICIENT_QUOTA  | 调用失败：账号已欠费，服务暂停
            model.access-words             | MODEL_NOT_AVAILABLE | this API key is not allowed to use the model claude-opus
            model.access-words             | MODEL_NOT_AVAILABLE | Unknown model: qwen-max-latest
            context.length-words           | CONTEXT_LENGTH      | request rejected: input length 40960 exceeds the limit of this model
            context.length-words           | CONTEXT_LENGTH      | 请求失败：输入token数量超过上限
            context.length-words           | CONTEXT_LENGTH      | 报错 Prompt 超长，换了模型也一样
            rate-limit.per-unit-of-time    | RATE_LIMITED        | Quota exceeded for metric input_tokens_per_minute_per_model
            rate-limit.words               | RATE_LIMITED        | 当前请求速率过高，请稍后再试
            invalid-key.credential-words   | INVALID_KEY         | the credentials you supplied are no longer valid
            invalid-key.credential-words   | INVALID_KEY         | 调用返回：鉴权失败
            upstream.server-words          | UPSTREAM_ERROR      | the provider returned an error, please try again
            stream.nodejs-core             | STREAM_INTERRUPTED  | Error [ERR_STREAM_PREMATURE_CLOSE]: Premature close
            stream.chromium-net-errors-in-apps | STREAM_INTERRUPTED | POST https://gw.example.com/v1/chat/completions net::ERR_HTTP2_PING_FAILED
            access-denied.permission-words | ACCESS_DENIED       | PermissionDenied: 403 Permission 'aiplatform.endpoints.predict' denied
            access-denied.account-state    | ACCESS_DENIED       | This organisation has been suspended.
            """)
    void aMechanismIsRecognisedByItsWords(String ruleId, ErrorCategory expected, String text) {
        Classification result = classify(null, text);

        assertThat(result.category()).isEqualTo(expected);
        assertThat(result.reasons()).extracting(Reason::ruleId).contains(ruleId);
    }

    @Test
    void creditsOutrankThePermissionWordsTheyAreWrappedIn() {
        assertThat(classify(403, "{\"code\":\"The caller does not have permission to execute the specified operation\","
                + "\"error\":\"This team has no credits left.\"}").category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
    }

    @Test
    void rateLimitErrorIsTheSdkClassNotTheMechanism() {
        // openai-python raises RateLimitError for 429 insufficient_quota too: the class name decides nothing.
        assertThat(classifier.classify(new TriageInput(429, "openai.RateLimitError: Error code: 429 - You exceeded your"
                + " current quota", null, null, null, null, List.of())).category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(classify(null, "openai.RateLimitError raised").reasons()).extracting(Reason::ruleId)
                .doesNotContain("rate-limit.words");
    }

    @Test
    void wordsThatOnlyLookLikeAMechanismDecideNothing() {
        assertThat(classify(400, "max_tokens is invalid: must be at most 8192").reasons()).extracting(Reason::ruleId)
                .doesNotContain("invalid-key.credential-words");
        assertThat(classify(null, "the model answered, but the response was not allowed to exceed 100 words").reasons())
                .extracting(Reason::ruleId).doesNotContain("model.access-words");
        // 超长 alone is "very long" (超长时间 is a long wait): only a prompt or input that is 超长 is a length limit.
        assertThat(classify(null, "请求超长时间没有响应").reasons()).extracting(Reason::ruleId)
                .doesNotContain("context.length-words");
    }
}
