package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What counts as an admin's edit of a seeded rule, and how a rule goes to and comes back from its form. */
class StoredRuleTest {

    private static final Instant SEEDED = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-05T10:00:00Z");

    private static ClassificationRule rule(String value, double weight, String client, String unlessClient) {
        return new ClassificationRule("s.rule", ErrorCategory.UPSTREAM_ERROR, RuleKind.MESSAGE_PATTERN, value, weight,
                "overloaded upstream", client, unlessClient);
    }

    private static StoredRule seeded(ClassificationRule rule) {
        return new StoredRule(rule, RuleOrigin.SEED, StoredRule.contentHash(rule, true), RuleSeeder.SEED_ACTOR, SEEDED);
    }

    @Test
    void aSeededRuleIsEditedOnceItsContentOrItsSwitchDiffersFromTheSeed() {
        ClassificationRule seed = rule("overloaded", 5, null, null);
        StoredRule stored = seeded(seed);
        assertThat(stored.editedSinceSeeded()).isFalse();

        stored.setEnabled(false, "ada", LATER);
        assertThat(stored.editedSinceSeeded()).isTrue();
        stored.setEnabled(true, "ada", LATER);
        assertThat(stored.editedSinceSeeded()).isFalse();

        stored.apply(rule("overloaded", 6, null, null), "ada", LATER);
        assertThat(stored.toView().edited()).isTrue();
        stored.apply(seed, "ada", LATER);
        assertThat(stored.toView().edited()).isFalse();
    }

    @Test
    void anAdminsOwnRuleIsNeverCalledEdited() {
        StoredRule own = new StoredRule(rule("overloaded", 5, null, null), RuleOrigin.ADMIN, null, "ada", LATER);
        own.apply(rule("overloaded|busy", 5, null, null), "bob", LATER);

        assertThat(own.editedSinceSeeded()).isFalse();
    }

    @Test
    void theContentHashTellsApartEveryFieldIncludingWhichClientPatternIsWhich() {
        Set<String> hashes = new HashSet<>();
        for (ClassificationRule variant : List.of(rule("overloaded", 5, null, null), rule("busy", 5, null, null), rule("overloaded", 5.5, null, null), rule("overloaded", 5, "Cursor", null),
                rule("overloaded", 5, null, "Cursor"),
                new ClassificationRule("s.rule", ErrorCategory.UPSTREAM_TIMEOUT, RuleKind.MESSAGE_PATTERN,
                        "overloaded", 5, "overloaded upstream", null, null),
                new ClassificationRule("s.rule", ErrorCategory.UPSTREAM_ERROR, RuleKind.BASE_URL_SYMPTOM,
                        "overloaded", 5, "overloaded upstream", null, null),
                new ClassificationRule("s.rule", ErrorCategory.UPSTREAM_ERROR, RuleKind.MESSAGE_PATTERN,
                        "overloaded", 5, "another description", null, null))) {
            hashes.add(StoredRule.contentHash(variant, true));
        }
        hashes.add(StoredRule.contentHash(rule("overloaded", 5, null, null), false));

        assertThat(hashes).hasSize(9).allSatisfy(hash -> assertThat(hash).hasSize(64));
        assertThat(StoredRule.contentHash(rule("overloaded", 5, null, null), true))
                .isEqualTo(StoredRule.contentHash(rule(" overloaded ", 5, " ", ""), true));
    }

    @Test
    void everyChangeStartsANewVersionSignedByWhoeverMadeItAndTheSnapshotKeepsTheWholeRule() {
        StoredRule stored = seeded(rule("overloaded", 5, "Cursor", "Dify"));
        stored.apply(rule("busy", 4, "Cursor", "Dify"), "ada", LATER);
        stored.setEnabled(false, "bob", LATER.plusSeconds(1));

        RuleVersionView version = stored.snapshot(RuleChange.DISABLED).toView();

        assertThat(version).isEqualTo(new RuleVersionView(3, RuleChange.DISABLED, ErrorCategory.UPSTREAM_ERROR,
                RuleKind.MESSAGE_PATTERN, "busy", 4, "overloaded upstream", "Cursor", "Dify", false, "bob",
                LATER.plusSeconds(1)));
        assertThat(stored.toRule()).isEqualTo(rule("busy", 4, "Cursor", "Dify"));
    }

    @Test
    void reseedingTakesTheNewSeedAsTheUneditedState() {
        StoredRule stored = seeded(rule("overloaded", 5, null, null));
        ClassificationRule next = rule("overloaded|busy", 5, null, null);

        stored.reseed(next, StoredRule.contentHash(next, true), LATER);

        assertThat(stored.editedSinceSeeded()).isFalse();
        assertThat(stored.toView()).satisfies(view -> {
            assertThat(view.value()).isEqualTo("overloaded|busy");
            assertThat(view.updatedBy()).isEqualTo(RuleSeeder.SEED_ACTOR);
            assertThat(view.currentVersion()).isEqualTo(2);
        });
    }

    @Test
    void aRuleOpensInItsFormWithAWholeWeightWithoutDecimalsAndAFractionAsTyped() {
        RuleView whole = seeded(rule("overloaded", 5, null, null)).toView();
        RuleView fraction = seeded(rule("overloaded", 2.5, "Cursor", null)).toView();

        assertThat(RuleForm.of(whole)).isEqualTo(new RuleForm("s.rule", "UPSTREAM_ERROR", "MESSAGE_PATTERN",
                "overloaded", "5", "overloaded upstream", null, null, 0L));
        assertThat(RuleForm.of(fraction).weight()).isEqualTo("2.5");
        assertThat(RuleForm.of(fraction).client()).isEqualTo("Cursor");
        assertThat(RuleForm.empty().weight()).isEqualTo("3");
    }
}
