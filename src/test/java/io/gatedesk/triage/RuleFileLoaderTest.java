package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileLoaderTest {

    private final RuleFileLoader loader = new RuleFileLoader();

    private static String rule(String id, String category, String kind, String value) {
        return "id: " + id + "\ncategory: " + category + "\nkind: " + kind + "\nvalue: " + value
                + "\nweight: 3\ndescription: test rule\n";
    }

    @Test
    void readsBlocksWithCommentsAndTakesRegexValuesVerbatim() {
        String content = """
                # a comment
                id: quota.cn
                category: INSUFFICIENT_QUOTA
                kind: MESSAGE_PATTERN
                value: 余额不足|额度: \\d+ (left)
                weight: 4.5
                description: colon and backslash stay as written

                id: base-url.nextchat
                category: wrong_base_url
                kind: base_url_symptom
                value: /v1/?$
                weight: 5
                client: nextchat
                unless-client: curl
                description: client-specific
                """;

        List<ClassificationRule> rules = loader.parse("inline.rules", content);

        assertThat(rules).containsExactly(
                new ClassificationRule("quota.cn", ErrorCategory.INSUFFICIENT_QUOTA, RuleKind.MESSAGE_PATTERN,
                        "余额不足|额度: \\d+ (left)", 4.5, "colon and backslash stay as written", null, null),
                new ClassificationRule("base-url.nextchat", ErrorCategory.WRONG_BASE_URL, RuleKind.BASE_URL_SYMPTOM,
                        "/v1/?$", 5, "client-specific", "nextchat", "curl"));
    }

    @Test
    void badRegexNamesTheFileTheLineAndTheRule() {
        String content = "\n" + rule("quota.broken", "INSUFFICIENT_QUOTA", "MESSAGE_PATTERN", "(额度不足");

        assertThatThrownBy(() -> loader.parse("templates-seed/rules/quota.rules", content))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("templates-seed/rules/quota.rules:2")
                .hasMessageContaining("rule 'quota.broken'")
                .hasMessageContaining("invalid regular expression")
                .hasMessageContaining("(额度不足");
    }

    @Test
    void badClientRegexIsRejectedToo() {
        String content = rule("x.client", "WRONG_BASE_URL", "BASE_URL_SYMPTOM", "/v1$") + "client: [next\n";

        assertThatThrownBy(() -> loader.parse("a.rules", content))
                .hasMessageContaining("rule 'x.client'").hasMessageContaining("client");
    }

    @Test
    void unknownCategoryListsTheKnownOnes() {
        assertThatThrownBy(() -> loader.parse("a.rules", rule("x.cat", "REFUNDS", "STATUS_CODE", "402")))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("rule 'x.cat'")
                .hasMessageContaining("unknown category 'REFUNDS'")
                .hasMessageContaining("INSUFFICIENT_QUOTA");
    }

    @Test
    void unknownKindIsRejected() {
        assertThatThrownBy(() -> loader.parse("a.rules", rule("x.kind", "RATE_LIMITED", "HEADER", "retry-after")))
                .hasMessageContaining("unknown kind 'HEADER'");
    }

    @Test
    void otherCannotHaveRules() {
        assertThatThrownBy(() -> loader.parse("a.rules", rule("x.other", "OTHER", "STATUS_CODE", "418")))
                .hasMessageContaining("OTHER");
    }

    @Test
    void missingFieldsUnknownKeysAndRepeatedKeysAreReported() {
        assertThatThrownBy(() -> loader.parse("a.rules", "id: x.partial\ncategory: RATE_LIMITED\nkind: STATUS_CODE\n"))
                .hasMessageContaining("a.rules:1").hasMessageContaining("missing");
        assertThatThrownBy(() -> loader.parse("a.rules", rule("x.typo", "RATE_LIMITED", "STATUS_CODE", "429") + "wieght: 2\n"))
                .hasMessageContaining("a.rules:7").hasMessageContaining("unknown key 'wieght'");
        assertThatThrownBy(() -> loader.parse("a.rules", rule("x.twice", "RATE_LIMITED", "STATUS_CODE", "429") + "value: 503\n"))
                .hasMessageContaining("'value' given twice");
        assertThatThrownBy(() -> loader.parse("a.rules", "id: x.nocolon\njust words\n"))
                .hasMessageContaining("a.rules:2").hasMessageContaining("expected 'key: value'");
    }

    @Test
    void badValuesForTheKindAndBadWeightsAreRejected() {
        assertThatThrownBy(() -> loader.parse("a.rules", rule("x.status", "RATE_LIMITED", "STATUS_CODE", "429, 4xx")))
                .hasMessageContaining("status code");
        assertThatThrownBy(() -> loader.parse("a.rules", rule("x.code", "RATE_LIMITED", "ERROR_CODE", "rate limit")))
                .hasMessageContaining("error code");
        assertThatThrownBy(() -> loader.parse("a.rules",
                rule("x.weight", "RATE_LIMITED", "STATUS_CODE", "429").replace("weight: 3", "weight: heavy")))
                .hasMessageContaining("weight must be a number");
        assertThatThrownBy(() -> loader.parse("a.rules",
                rule("x.weight", "RATE_LIMITED", "STATUS_CODE", "429").replace("weight: 3", "weight: 0")))
                .hasMessageContaining("weight must be > 0");
    }

    @Test
    void duplicateIdsAreRejectedWithinAndAcrossFiles(@TempDir Path dir) throws IOException {
        String one = rule("x.same", "RATE_LIMITED", "STATUS_CODE", "429");
        assertThatThrownBy(() -> loader.parse("a.rules", one + "\n" + one)).hasMessageContaining("duplicate id");

        Files.writeString(dir.resolve("a.rules"), one, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.rules"), one, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.md"), "not a rule file", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.loadDirectory(dir))
                .hasMessageContaining("b.rules").hasMessageContaining("already defined in").hasMessageContaining("a.rules");
    }

    @Test
    void seedRulesLoadAndCoverEveryCategoryButOther() {
        Set<ErrorCategory> covered = SeedRules.rules().stream().map(ClassificationRule::category)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ErrorCategory.class)));

        Set<ErrorCategory> expected = EnumSet.copyOf(Arrays.asList(ErrorCategory.values()));
        expected.remove(ErrorCategory.OTHER);
        assertThat(covered).isEqualTo(expected);
        assertThat(loader.loadDirectory(SeedRules.DIRECTORY)).isEqualTo(SeedRules.rules());
    }
}
