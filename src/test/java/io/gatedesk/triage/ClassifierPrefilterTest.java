package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The required-literal prefilter changes how much work the classifier does, never what it answers: every input is
 * classified exactly as by the same rules with every regex run on every text.
 */
class ClassifierPrefilterTest {

    private final Classifier prefiltered = SeedRules.classifier();
    private final Classifier reference = SeedRules.classifierWithoutPrefilter();

    @Test
    void everyCorpusTicketIsClassifiedAsWithoutThePrefilter() {
        for (TriageCorpus.Case c : TriageCorpus.cases()) {
            assertThat(prefiltered.classify(c.input())).as(c.id()).isEqualTo(reference.classify(c.input()));
        }
    }

    @Test
    void aLongPasteCutToHeadAndTailIsClassifiedAsWithoutThePrefilter() {
        StringBuilder paste = new StringBuilder();
        List<TriageCorpus.Case> cases = TriageCorpus.cases();
        for (int i = 0; paste.length() < 3 * Classifier.MAX_TEXT_CHARS; i++) {
            TriageCorpus.Case c = cases.get(i % cases.size());
            paste.append(c.errorMessage() == null ? "" : c.errorMessage()).append('\n')
                    .append(c.text() == null ? "" : c.text()).append('\n');
        }
        TriageInput input = TriageInput.ofText(paste.toString());

        assertThat(prefiltered.classify(input)).isEqualTo(reference.classify(input));
    }

    @Property(tries = 2000)
    void randomTicketsAreClassifiedAsWithoutThePrefilter(@ForAll("tickets") TriageInput input) {
        assertThat(prefiltered.classify(input)).isEqualTo(reference.classify(input));
    }

    @Test
    void everySeedPatternRuleHasRequiredLiteralsSoATextThatMatchesNoRuleRunsNoRegex() {
        String text = "请问怎么修改登录邮箱？新邮箱和工号见附件。Thanks!";
        List<String> withoutLiterals = SeedRules.rules().stream()
                .filter(rule -> rule.kind() == RuleKind.MESSAGE_PATTERN || rule.kind() == RuleKind.BASE_URL_SYMPTOM)
                .filter(rule -> RequiredLiterals.of(ClassificationRule.compile("value", rule.value())).isEmpty())
                .map(ClassificationRule::id)
                .toList();

        assertThat(withoutLiterals).isEmpty();
        assertThat(prefiltered.classify(TriageInput.ofText(text))).isEqualTo(Classification.nothingMatched());
        assertThat(prefiltered.rulesSearching(text)).isEmpty();
        assertThat(reference.rulesSearching(text)).hasSizeGreaterThan(30);
    }

    @Test
    void aRuleRunsItsRegexWhereOneOfItsLiteralsOccursInAnyCase() {
        assertThat(prefiltered.rulesSearching("ＨＴＴＰ ４２９ ＴＯＯ ＭＡＮＹ Ｒｅｑｕｅｓｔｓ"))
                .contains("rate-limit.reason-phrase")
                .doesNotContain("quota.gateway-message-zh", "rate-limit.gateway-message-zh");
        assertThat(prefiltered.rulesSearching("{\"code\":\"INSUFFICIENT_QUOTA\"}")).contains("quota.error-code");
    }

    @Provide
    Arbitrary<TriageInput> tickets() {
        Arbitrary<String> texts = RuleFragments.texts().injectNull(0.3);
        Arbitrary<Integer> status = Arbitraries.of(400, 401, 403, 404, 413, 429, 500, 502, 503, 504, 524).injectNull(0.5);
        Arbitrary<String> clients = Arbitraries.of("curl 8.5", "NextChat", "Cursor 0.48", "OpenAI Python SDK 1.54",
                "Cherry Studio", "Postman").injectNull(0.4);
        Arbitrary<String> baseUrls = Arbitraries.of("https://api.gw.example.com", "https://api.gw.example.com/v1",
                "https://api.gw.example.com/v1/v1", "https://api.gw.example.com/v1/chat/completions",
                "https://gw.example.com/console/token", "https://gw.example.com/#/login", "HTTPS://API.GW.EXAMPLE.COM/V1/",
                "ｈｔｔｐｓ：／／ａｐｉ．ｇｗ．ｅｘａｍｐｌｅ．ｃｏｍ／ｖ１").injectNull(0.4);
        Arbitrary<String> codes = Arbitraries.of(SeedRules.rules().stream()
                .filter(rule -> rule.kind() == RuleKind.ERROR_CODE)
                .flatMap(rule -> rule.errorCodes().stream())
                .toList()).injectNull(0.5);
        Arbitrary<LogEvidence> logs = Combinators.combine(status, codes, codes, texts).as(LogEvidence::new);
        return Combinators.combine(status, texts, texts, clients, baseUrls, logs.list().ofMaxSize(2))
                .as((code, message, text, client, baseUrl, log) -> new TriageInput(code, message, text, client, baseUrl,
                        "gpt-4o", log));
    }
}
