package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The customer's guess counts least, the gateway's own words decide, and where no rule speaks the word statistics
 * do, with their reasons. Also the cases named in issue 26 that earlier rules got wrong.
 */
class ClassifierGuessesAndFallbackTest {

    private final Classifier seed = SeedRules.classifier();

    private ErrorCategory classify(Integer status, String error, String text) {
        return seed.classify(new TriageInput(status, error, text, null, null, null, List.of())).category();
    }

    @Test
    void aClauseWithAHedgeWordIsFoundInBothScriptsAndEndsAtTheNextClauseBoundary() {
        String text = "报错 503。是不是余额不足了，还是别的？Maybe my key expired. It says: no available channel";

        List<int[]> guesses = Classifier.guessClauses(text);

        assertThat(guesses).hasSize(2);
        assertThat(text.substring(guesses.get(0)[0], guesses.get(0)[1])).isEqualTo("是不是余额不足了");
        assertThat(text.substring(guesses.get(1)[0], guesses.get(1)[1])).isEqualTo("Maybe my key expired");
        assertThat(Classifier.withoutGuesses(text)).doesNotContain("余额", "expired").contains("no available channel", "503");
        assertThat(Classifier.guessClauses("The error: insufficient_quota")).isEmpty();
        assertThat(Classifier.guessClauses("I think")).singleElement()
                .satisfies(span -> assertThat(span).containsExactly(0, 7));
    }

    @Test
    void aGuessWeighsAQuarterAndLosesToTheErrorTheCustomerPasted() {
        Classification result = seed.classify(TriageInput.ofText(
                "当前分组 default 下对于模型 gpt-4.1 无可用渠道\n是不是余额不足了？"));

        assertThat(result.category()).isEqualTo(ErrorCategory.MODEL_NOT_AVAILABLE);
        assertThat(result.reasons()).anySatisfy(r -> {
            assertThat(r.category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
            assertThat(r.source()).isEqualTo("GUESS");
            assertThat(r.weight()).isEqualTo(1.25);
        });
    }

    @Test
    void aStatusCodeQuotedInAGuessCountsAsAGuess() {
        Classification result = seed.classify(TriageInput.ofText("maybe it is a 429?"));

        assertThat(result.reasons()).anySatisfy(r -> {
            assertThat(r.ruleId()).isEqualTo("rate-limit.status-429");
            assertThat(r.source()).isEqualTo("GUESS");
            assertThat(r.weight()).isEqualTo(0.5);
        });
    }

    @Test
    void noAvailableChannelOutranksTheStatusCodeAndTheCustomersGuess() {
        assertThat(classify(503, "当前分组 vip 下对于模型 claude-opus-4 无可用渠道", "I think you are rate limiting me"))
                .isEqualTo(ErrorCategory.MODEL_NOT_AVAILABLE);
        assertThat(classify(403, "no available channel for model gpt-4o under group default", "额度用完了吧"))
                .isEqualTo(ErrorCategory.MODEL_NOT_AVAILABLE);
    }

    @Test
    void theCasesIssue26NamedAreClassifiedByTheWordsThatCarryTheMeaning() {
        assertThat(classify(400, "Invalid request: Your request exceeded model token limit: 262144 (requested: 269030)", null))
                .isEqualTo(ErrorCategory.CONTEXT_LENGTH);
        assertThat(classify(400, "<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 30720]", null))
                .isEqualTo(ErrorCategory.CONTEXT_LENGTH);
        assertThat(classify(null, null, "对话一长就报 输入长度超过模型最大限制")).isEqualTo(ErrorCategory.CONTEXT_LENGTH);
        assertThat(classify(null, "curl: (18) transfer closed with outstanding read data remaining", null))
                .isEqualTo(ErrorCategory.STREAM_INTERRUPTED);
        assertThat(classify(null, "okhttp3.internal.http2.StreamResetException: stream was reset: INTERNAL_ERROR", null))
                .isEqualTo(ErrorCategory.STREAM_INTERRUPTED);
        assertThat(classify(null, "urllib3.exceptions.ProtocolError: ('Connection broken: IncompleteRead(0 bytes read)')", null))
                .isEqualTo(ErrorCategory.STREAM_INTERRUPTED);
        assertThat(classify(null, "net::ERR_HTTP2_PROTOCOL_ERROR 200 (OK)", null)).isEqualTo(ErrorCategory.STREAM_INTERRUPTED);
        assertThat(classify(null, "Error: getaddrinfo ENOTFOUND api.gw.exmaple.com", null)).isEqualTo(ErrorCategory.WRONG_BASE_URL);
        assertThat(classify(null, "[Errno -2] Name or service not known", null)).isEqualTo(ErrorCategory.WRONG_BASE_URL);
        assertThat(classify(null, "java.net.UnknownHostException: api.gw.exmaple.com", null)).isEqualTo(ErrorCategory.WRONG_BASE_URL);
        assertThat(classify(null, "dial tcp: lookup api.gw.exmaple.com: no such host", null)).isEqualTo(ErrorCategory.WRONG_BASE_URL);
        assertThat(classify(403, "error code: 1020", null)).isEqualTo(ErrorCategory.ACCESS_DENIED);
        assertThat(classify(401, "key not allowed to access model. This key can only access models=['gpt-4o-mini']. "
                + "Tried to access gpt-4o", null)).isEqualTo(ErrorCategory.MODEL_NOT_AVAILABLE);
        assertThat(classify(403, "该令牌无权访问模型 claude-3-opus", null)).isEqualTo(ErrorCategory.MODEL_NOT_AVAILABLE);
        assertThat(classify(500, "Post \"https://api.openai.com/v1/chat/completions\": EOF", "do_request_failed"))
                .isEqualTo(ErrorCategory.UPSTREAM_ERROR);
        assertThat(classify(500, "do_request_failed: read tcp 10.0.0.2:443: read: connection reset by peer", null))
                .isEqualTo(ErrorCategory.UPSTREAM_ERROR);
        assertThat(classify(500, "do_request_failed: Post \"https://x/v1\": context deadline exceeded", null))
                .isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT);
    }

    @Test
    void moneyQuestionsAreBillingAndARefusedCallStaysInsufficientQuota() {
        assertThat(classify(null, null, "充值了 100 元还没到账，订单号 2025061122001")).isEqualTo(ErrorCategory.BILLING);
        assertThat(classify(null, null, "I was charged twice for one top-up, please refund one")).isEqualTo(ErrorCategory.BILLING);
        assertThat(classify(null, null, "Can I get a VAT invoice?")).isEqualTo(ErrorCategory.BILLING);
        assertThat(classify(null, null, "邀请返利什么时候到账")).isEqualTo(ErrorCategory.BILLING);
        assertThat(classify(null, null, "Do my credits expire?")).isEqualTo(ErrorCategory.BILLING);
        assertThat(classify(429, "You exceeded your current quota, please check your plan and billing details.",
                "we topped up yesterday")).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(classify(403, "用户额度不足, 剩余额度: ＄0.01", "怎么充值")).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
    }

    @Test
    void whereNoRuleSpeaksTheWordStatisticsDecideAndSayWhichWords() {
        WordModel words = WordModel.train(List.of(
                new WordModel.Example(ErrorCategory.CONTEXT_LENGTH, "prompt exceeds window tokens"),
                new WordModel.Example(ErrorCategory.CONTEXT_LENGTH, "window tokens overflow"),
                new WordModel.Example(ErrorCategory.RATE_LIMITED, "slow down please wait")));
        Classifier withFallback = new Classifier(List.of(), true, words);

        Classification result = withFallback.classify(TriageInput.ofText("the window overflow tokens again"));

        assertThat(result.category()).isEqualTo(ErrorCategory.CONTEXT_LENGTH);
        assertThat(result.confidence()).isGreaterThan(0.0);
        assertThat(result.reasons()).singleElement().satisfies(r -> {
            assertThat(r.ruleId()).isEqualTo(WordModel.RULE_ID);
            assertThat(r.source()).isEqualTo("FALLBACK");
            assertThat(r.matched()).startsWith("top words: ").contains("tokens", "window", "overflow");
            assertThat(r.weight()).isGreaterThan(1.2).isLessThanOrEqualTo(2.0);
        });
        assertThat(new Classifier(List.of(), true, null).classify(TriageInput.ofText("the window overflow tokens again")))
                .isEqualTo(Classification.nothingMatched());
    }

    @Test
    void theWordStatisticsStaySilentWhenARuleDecidesAndWhenTheyAnswerOther() {
        WordModel words = WordModel.train(List.of(
                new WordModel.Example(ErrorCategory.CONTEXT_LENGTH, "window tokens overflow"),
                new WordModel.Example(ErrorCategory.OTHER, "hello please feature question"),
                new WordModel.Example(ErrorCategory.RATE_LIMITED, "slow down")));
        ClassificationRule decisive = new ClassificationRule("t.key", ErrorCategory.INVALID_KEY, RuleKind.MESSAGE_PATTERN,
                "bad key", 5, "test", null, null);
        Classifier classifier = new Classifier(List.of(decisive), true, words);

        Classification ruled = classifier.classify(new TriageInput(null, "bad key", "window tokens overflow", null, null,
                null, List.of()));
        assertThat(ruled.category()).isEqualTo(ErrorCategory.INVALID_KEY);
        assertThat(ruled.reasons()).extracting(Reason::ruleId).containsExactly("t.key");

        assertThat(classifier.classify(TriageInput.ofText("hello feature question please")))
                .isEqualTo(Classification.nothingMatched());
    }

    @Test
    void aWeakRuleIsOutvotedByTheWordStatisticsButAStrongOneIsNot() {
        WordModel words = WordModel.train(List.of(
                new WordModel.Example(ErrorCategory.CONTEXT_LENGTH, "window tokens overflow"),
                new WordModel.Example(ErrorCategory.RATE_LIMITED, "slow down")));
        ClassificationRule weak = new ClassificationRule("t.weak", ErrorCategory.UPSTREAM_ERROR, RuleKind.STATUS_CODE,
                "500", 1.5, "test", null, null);
        ClassificationRule strong = new ClassificationRule("t.strong", ErrorCategory.UPSTREAM_ERROR, RuleKind.STATUS_CODE,
                "500", 2, "test", null, null);

        TriageInput input = new TriageInput(500, null, "window tokens overflow", null, null, null, List.of());
        assertThat(new Classifier(List.of(weak), true, words).classify(input).category())
                .isEqualTo(ErrorCategory.CONTEXT_LENGTH);
        assertThat(new Classifier(List.of(strong), true, words).classify(input).category())
                .isEqualTo(ErrorCategory.UPSTREAM_ERROR);
    }
}
