package io.gatedesk.knowledge;

import io.gatedesk.secret.SampleKeys;
import io.gatedesk.secret.SecretScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The privacy gate against a corpus of planted secrets and personal data: it must find every one. */
class PrivacyGateTest {

    static final PrivacyGate GATE = new PrivacyGate(new SecretScanner());
    static final String FULL_KEY = SampleKeys.oneApi(new SplittableRandom(25)).written();

    /** A planted value, the text around it, and the kind the gate must report. */
    record Planted(String value, String sentence, PrivacyKind kind) {
    }

    static Stream<Planted> corpus() {
        return Stream.of(
                new Planted(FULL_KEY, "My key is " + FULL_KEY + " please check", PrivacyKind.KEY),
                new Planted("sk-abcd************wxyz", "token sk-abcd************wxyz was used", PrivacyKind.KEY),
                new Planted("sk-abc***xyz", "new-api said sk-abc***xyz is invalid", PrivacyKind.KEY),
                new Planted("sk-...wxyz", "LiteLLM key sk-...wxyz", PrivacyKind.KEY),
                new Planted("尾号 k3Zq", "我的 Key 尾号 k3Zq 不能用", PrivacyKind.KEY),
                new Planted("ending in 9fQa", "the key ending in 9fQa fails", PrivacyKind.KEY),
                new Planted("3f7a2c9e4b1d8f6a0c5e7b9d2f4a6c8e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a",
                        "fingerprint 3f7a2c9e4b1d8f6a0c5e7b9d2f4a6c8e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a here",
                        PrivacyKind.FINGERPRINT),
                new Planted("2024061512304512345678abcdefgh", "(request id: 2024061512304512345678abcdefgh)",
                        PrivacyKind.REQUEST_ID),
                new Planted("chatcmpl-9xYz12AbCdEf34GhIj", "response chatcmpl-9xYz12AbCdEf34GhIj came back",
                        PrivacyKind.REQUEST_ID),
                new Planted("req_011CXk7Pq2Lz9Ys8Wv", "anthropic req_011CXk7Pq2Lz9Ys8Wv failed", PrivacyKind.REQUEST_ID),
                new Planted("alice.wong@example.com", "contact alice.wong@example.com for details", PrivacyKind.EMAIL),
                new Planted("203.0.113.42", "calls from 203.0.113.42 were refused", PrivacyKind.IP_ADDRESS),
                new Planted("2001:db8:85a3::8a2e:370:7334", "IPv6 2001:db8:85a3::8a2e:370:7334 too",
                        PrivacyKind.IP_ADDRESS),
                new Planted("$12.50", "the balance shows $12.50 now", PrivacyKind.MONEY),
                new Planted("¥300", "充值了 ¥300", PrivacyKind.MONEY),
                new Planted("余额 0.37", "账户余额 0.37 不够", PrivacyKind.MONEY),
                new Planted("balance: 4,200", "your balance: 4,200 quota", PrivacyKind.MONEY),
                new Planted("25 元", "扣了 25 元", PrivacyKind.MONEY),
                new Planted("订单号 202406150001234", "订单号 202406150001234 未到账", PrivacyKind.ORDER_NUMBER),
                new Planted("order #A7K29XQ", "see order #A7K29XQ", PrivacyKind.ORDER_NUMBER),
                new Planted("/t/Qm9sbG93VG9rZW4xMjM0NTY", "follow https://desk.example.com/t/Qm9sbG93VG9rZW4xMjM0NTY",
                        PrivacyKind.FOLLOW_LINK),
                new Planted("oneapi-db.internal", "upstream oneapi-db.internal timed out", PrivacyKind.INTERNAL_HOST),
                new Planted("localhost:3000", "proxy at localhost:3000", PrivacyKind.INTERNAL_HOST),
                new Planted("channel #17", "routed via channel #17", PrivacyKind.CHANNEL),
                new Planted("渠道：azure-east-2", "走的渠道：azure-east-2", PrivacyKind.CHANNEL),
                new Planted("[ERR] 2024/06/15 - 12:30:45 | 20240615123045 | relay error",
                        "log:\n[ERR] 2024/06/15 - 12:30:45 | 20240615123045 | relay error\nend", PrivacyKind.LOG_ROW),
                new Planted("Alice Wong", "Thanks Alice Wong for the report", PrivacyKind.NAME),
                new Planted("ends with abcd", "my key ends with abcd and fails", PrivacyKind.KEY),
                new Planted("last 4 are wxyz", "the token's last 4 are wxyz", PrivacyKind.KEY),
                new Planted("ends with 7Qx2", "it ends with 7Qx2, I think", PrivacyKind.KEY),
                new Planted("末四位：mnop", "密钥末四位：mnop", PrivacyKind.KEY),
                new Planted("$5", "I paid $5 yesterday and https://pay.example.com/x shows it", PrivacyKind.MONEY),
                new Planted("余额=3", "余额=3 per day left", PrivacyKind.MONEY),
                new Planted("payment ID 9X3K7Q2", "payment ID 9X3K7Q2 is missing", PrivacyKind.ORDER_NUMBER),
                new Planted("channel: azure-east-2", "Error from channel: azure-east-2 today", PrivacyKind.CHANNEL),
                new Planted("渠道 12", "走了渠道 12 的上游", PrivacyKind.CHANNEL));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyPlantedValueIsFoundWithItsKindFieldAndPosition(Planted planted) {
        String text = GATE.guard(planted.sentence());
        List<PrivacyFinding> findings = GATE.scan(Map.of("body", planted.sentence()), List.of("Alice Wong"));

        assertThat(findings).as(planted.sentence()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(planted.kind());
            assertThat(finding.field()).isEqualTo("body");
            assertThat(finding.position()).isBetween(0, text.length() - 1);
        });
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void scrubbingLeavesNoneOfThePlantedValues(Planted planted) {
        String scrubbed = GATE.scrub(planted.sentence(), List.of("Alice Wong"), "en");

        assertThat(scrubbed).doesNotContain(planted.value());
        assertThat(GATE.scan(Map.of("body", scrubbed), List.of("Alice Wong"))).isEmpty();
    }

    @Test
    void findingsNeverEchoTheValueTheyFound() {
        List<PrivacyFinding> findings = GATE.scan(Map.of("body", "mail alice.wong@example.com"), List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.excerpt()).doesNotContain("alice.wong@example.com").contains("[removed: email]");
            assertThat(f.position()).isEqualTo(5);
        });
    }

    @Test
    void theShippedArticlesPassTheGate() {
        for (ArticleDraft draft : ArticleSeeder.shipped()) {
            assertThat(GATE.scan(PrivacyGate.fields(draft.title(), draft.summary(), draft.body(), draft.tags()),
                    List.of())).as(draft.slug() + "." + draft.lang()).isEmpty();
        }
        assertThat(ArticleSeeder.shipped()).hasSizeGreaterThanOrEqualTo(4);
    }

    /** Prose that reads like a finding and is not one: the gate must not refuse the docs an editor writes. */
    @ParameterizedTest
    @MethodSource("ordinaryProse")
    void ordinaryProseIsNotAFinding(String text) {
        assertThat(GATE.scan(Map.of("body", text), List.of())).as(text).isEmpty();
    }

    static Stream<String> ordinaryProse() {
        return Stream.of(
                "The base URL ends with /v1, and the model name ends with the date.",
                "If the path ends in models, you called the wrong endpoint.",
                "The last four characters are shown; the rest is hidden.",
                "Ask about payment methods and payment gateways on the billing page.",
                "Order matters: check the group first. Invoice questions go to billing.",
                "1 美元 = 500000 额度，按此折算。",
                "one-api counts quota: $1 = 500000 quota by default.",
                "gpt-4o costs $2.50 per 1M input tokens; 输入每百万 tokens 2.5 美元.",
                "价格：2 元/百万 tokens，倍率 1.5。",
                "当前分组 default 下对于模型 gpt-5 无可用渠道\n\n### 60 秒检查\n\n逐字比较模型名称。",
                "No channel\n## Causes in order");
    }

    @Test
    void ordinaryTechnicalTextIsNotAFinding() {
        String text = "Use gpt-4o-2024-08-06 with base URL https://api.example.com/v1 and HTTP 429; "
                + "version 1.2.3 of the SDK; 当前分组 default 下对于模型 gpt-4o 无可用渠道; curl $BASE/v1/models";
        assertThat(GATE.scan(Map.of("body", text), List.of())).isEmpty();
    }
}
