package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which seed rules are added, updated or left alone, and what each writes, with the repositories as in-memory mocks:
 * an admin's edit and an admin's own rule are never overwritten by a seed.
 */
class RuleSeederTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final StoredRuleRepository rules = mock(StoredRuleRepository.class);
    private final RuleVersionRepository versions = mock(RuleVersionRepository.class);
    private final ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
    private final Map<String, StoredRule> stored = new HashMap<>();
    private final List<RuleVersionView> written = new ArrayList<>();
    private final RuleSeeder seeder;

    RuleSeederTest() {
        PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        when(rules.findById(anyString())).thenAnswer(call -> Optional.ofNullable(stored.get(call.<String>getArgument(0))));
        when(rules.save(any(StoredRule.class))).thenAnswer(call -> {
            StoredRule rule = call.getArgument(0);
            stored.put(rule.getRuleId(), rule);
            return rule;
        });
        when(versions.save(any(RuleVersion.class))).thenAnswer(call -> {
            written.add(call.<RuleVersion>getArgument(0).toView());
            return call.getArgument(0);
        });
        seeder = new RuleSeeder(rules, versions, new TransactionTemplate(transactions), Clock.fixed(NOW, ZoneOffset.UTC),
                publisher);
    }

    private static ClassificationRule rule(String id, String value) {
        return new ClassificationRule(id, ErrorCategory.UPSTREAM_ERROR, RuleKind.MESSAGE_PATTERN, value, 5, "d", null,
                null);
    }

    @Test
    void aNewSeedRuleIsStoredAsSeededWithItsFirstVersionAndTheRuleBookIsTold() {
        assertThat(seeder.seed(List.of(rule("s.a", "alpha"), rule("s.b", "beta"))))
                .isEqualTo(new RuleSeeder.SeedResult(2, 0, 0, 0));

        RuleView a = stored.get("s.a").toView();
        assertThat(a.origin()).isEqualTo(RuleOrigin.SEED);
        assertThat(a.updatedBy()).isEqualTo(RuleSeeder.SEED_ACTOR);
        assertThat(a.updatedAt()).isEqualTo(NOW);
        assertThat(a.edited()).isFalse();
        assertThat(written).extracting(RuleVersionView::change).containsExactly(RuleChange.SEEDED, RuleChange.SEEDED);
        verify(publisher).publishEvent(new RuleBook.RulesChanged());
    }

    @Test
    void seedingTheSameRulesAgainChangesNothingAndTellsNobody() {
        seeder.seed(List.of(rule("s.a", "alpha")));
        written.clear();

        assertThat(seeder.seed(List.of(rule("s.a", "alpha")))).isEqualTo(new RuleSeeder.SeedResult(0, 0, 0, 1));

        assertThat(written).isEmpty();
        verify(publisher).publishEvent(new RuleBook.RulesChanged());
    }

    @Test
    void aChangedSeedUpdatesAnUntouchedRuleAndRecordsItAsASeedUpdate() {
        seeder.seed(List.of(rule("s.a", "alpha")));

        assertThat(seeder.seed(List.of(rule("s.a", "alpha|alfa")))).isEqualTo(new RuleSeeder.SeedResult(0, 1, 0, 0));

        RuleView a = stored.get("s.a").toView();
        assertThat(a.value()).isEqualTo("alpha|alfa");
        assertThat(a.edited()).isFalse();
        assertThat(a.currentVersion()).isEqualTo(2);
        assertThat(written).extracting(RuleVersionView::change).containsExactly(RuleChange.SEEDED,
                RuleChange.SEED_UPDATED);
        assertThat(stored.get("s.a").getSeedHash()).isEqualTo(StoredRule.contentHash(rule("s.a", "alpha|alfa"), true));
    }

    @Test
    void anAdminsEditOrDisablingOfASeededRuleSurvivesAChangedSeed() {
        seeder.seed(List.of(rule("s.a", "alpha"), rule("s.b", "beta")));
        stored.get("s.a").apply(rule("s.a", "alpha|edited"), "ada", NOW);
        stored.get("s.b").setEnabled(false, "ada", NOW);
        written.clear();

        assertThat(seeder.seed(List.of(rule("s.a", "alpha2"), rule("s.b", "beta2"))))
                .isEqualTo(new RuleSeeder.SeedResult(0, 0, 2, 0));

        assertThat(stored.get("s.a").toView().value()).isEqualTo("alpha|edited");
        assertThat(stored.get("s.b").toView().value()).isEqualTo("beta");
        assertThat(stored.get("s.b").isEnabled()).isFalse();
        assertThat(written).isEmpty();
    }

    @Test
    void aRuleAnAdminCreatedUnderTheSameIdIsLeftAlone() {
        stored.put("s.a", new StoredRule(rule("s.a", "mine"), RuleOrigin.ADMIN, null, "ada", NOW));

        assertThat(seeder.seed(List.of(rule("s.a", "alpha")))).isEqualTo(new RuleSeeder.SeedResult(0, 0, 0, 1));

        assertThat(stored.get("s.a").toView().value()).isEqualTo("mine");
        assertThat(stored.get("s.a").toView().edited()).isFalse();
        verifyNoInteractions(versions, publisher);
    }

    @Test
    void atStartEveryShippedRuleIsSeededAndAConcurrentSeedByAnotherNodeIsNoError() {
        seeder.afterSingletonsInstantiated();

        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(
                RuleSeeder.readSeedFiles().stream().map(ClassificationRule::id).toList());
        assertThat(stored).hasSizeGreaterThanOrEqualTo(60);

        stored.clear();
        when(rules.save(any(StoredRule.class))).thenThrow(new DataIntegrityViolationException("duplicate key"));
        assertThatNoException().isThrownBy(seeder::afterSingletonsInstantiated);
    }

    @Test
    void theSeedFilesAreReadInFileNameOrderFromAccessDeniedToWrongBaseUrl() {
        List<ClassificationRule> shipped = RuleSeeder.readSeedFiles();

        assertThat(shipped).extracting(ClassificationRule::id).doesNotHaveDuplicates();
        assertThat(shipped.get(0).category()).isEqualTo(ErrorCategory.ACCESS_DENIED);
        assertThat(shipped.get(shipped.size() - 1).category()).isEqualTo(ErrorCategory.WRONG_BASE_URL);
        verify(rules, never()).save(any());
    }
}
