package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * When the rule book asks the database whether rules changed, and when it rebuilds its classifier: once per interval,
 * at once after a change on this node, and only when the generation moved. The repositories are mocks.
 */
class RuleBookUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final StoredRuleRepository rules = mock(StoredRuleRepository.class);
    private final RuleVersionRepository versions = mock(RuleVersionRepository.class);

    private static StoredRule stored(String id, ErrorCategory category, String value) {
        return new StoredRule(new ClassificationRule(id, category, RuleKind.MESSAGE_PATTERN, value, 5, "d", null, null),
                RuleOrigin.ADMIN, null, "ada", NOW);
    }

    private static ErrorCategory category(RuleBook book, String text) {
        return book.classifier().classify(TriageInput.ofText(text)).category();
    }

    @Test
    void theFirstClassificationBuildsFromTheEnabledRulesAndLaterOnesWithinTheIntervalAskNothing() {
        when(versions.generation()).thenReturn(4L);
        when(rules.findByEnabledTrueOrderByRuleId()).thenReturn(List.of(stored("r.a", ErrorCategory.RATE_LIMITED, "zorblat")));
        RuleBook book = new RuleBook(rules, versions, Duration.ofHours(1));

        assertThat(category(book, "a zorblat error")).isEqualTo(ErrorCategory.RATE_LIMITED);
        Classifier first = book.classifier();

        assertThat(book.classifier()).isSameAs(first);
        verify(versions, times(1)).generation();
        verify(rules, times(1)).findByEnabledTrueOrderByRuleId();
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnceDespiteTheInterval() {
        when(versions.generation()).thenReturn(4L, 5L);
        when(rules.findByEnabledTrueOrderByRuleId()).thenReturn(
                List.of(stored("r.a", ErrorCategory.RATE_LIMITED, "zorblat")),
                List.of(stored("r.a", ErrorCategory.UPSTREAM_ERROR, "zorblat")));
        RuleBook book = new RuleBook(rules, versions, Duration.ofHours(1));
        assertThat(category(book, "a zorblat error")).isEqualTo(ErrorCategory.RATE_LIMITED);

        book.rulesChanged(new RuleBook.RulesChanged());

        assertThat(category(book, "a zorblat error")).isEqualTo(ErrorCategory.UPSTREAM_ERROR);
        verify(versions, times(2)).generation();
    }

    @Test
    void anUnchangedGenerationKeepsTheClassifierWithoutReadingTheRulesAgain() {
        when(versions.generation()).thenReturn(4L);
        when(rules.findByEnabledTrueOrderByRuleId()).thenReturn(List.of(stored("r.a", ErrorCategory.RATE_LIMITED, "zorblat")));
        RuleBook book = new RuleBook(rules, versions, Duration.ZERO);
        Classifier first = book.classifier();

        book.rulesChanged(new RuleBook.RulesChanged());

        assertThat(book.classifier()).isSameAs(first);
        assertThat(book.classifier()).isSameAs(first);
        verify(versions, times(3)).generation();
        verify(rules, times(1)).findByEnabledTrueOrderByRuleId();
    }

    @Test
    void aStoredRuleThatNoLongerCompilesIsSkippedAndTheOthersStillCount() {
        StoredRule broken = stored("r.broken", ErrorCategory.ACCESS_DENIED, "fine");
        // Only a hand edit of the table can store such a value.
        ReflectionTestUtils.setField(broken, "value", "(unclosed");
        when(versions.generation()).thenReturn(1L);
        when(rules.findByEnabledTrueOrderByRuleId()).thenReturn(List.of(broken,
                stored("r.ok", ErrorCategory.CONTEXT_LENGTH, "too long")));
        RuleBook book = new RuleBook(rules, versions, Duration.ofHours(1));

        assertThat(category(book, "prompt too long")).isEqualTo(ErrorCategory.CONTEXT_LENGTH);
        assertThat(category(book, "fine (unclosed")).isEqualTo(ErrorCategory.OTHER);
    }
}
