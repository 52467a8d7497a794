package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * What an admin's rule form is checked for, field by field, and what each change writes: the rule, one version and a
 * signal to the rule book, and nothing at all when the change changes nothing. Repositories are mocks, so every write
 * can be seen.
 */
class RuleAdminServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final StoredRuleRepository rules = mock(StoredRuleRepository.class);
    private final RuleVersionRepository versions = mock(RuleVersionRepository.class);
    private final ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
    private final StaticMessageSource messages = new StaticMessageSource();
    private final RuleAdminService admin = new RuleAdminService(rules, versions, messages,
            Clock.fixed(NOW, ZoneOffset.UTC), publisher);

    @BeforeEach
    void englishMessages() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        messages.setUseCodeAsDefaultMessage(true);
        messages.addMessage("rule.tooLong", Locale.ENGLISH, "at most {0,number,#} characters");
        messages.addMessage("rule.weight.invalid", Locale.ENGLISH, "a weight above 0 and at most {0}");
        messages.addMessage("rule.value.statusCodes", Locale.ENGLISH, "not a status code: {0}");
        messages.addMessage("rule.value.errorCodes", Locale.ENGLISH, "not an error code: {0}");
        messages.addMessage("rule.regex.invalid", Locale.ENGLISH, "bad regex at {0}: {1}");
        when(rules.save(any(StoredRule.class))).thenAnswer(call -> call.getArgument(0));
        when(rules.saveAndFlush(any(StoredRule.class))).thenAnswer(call -> call.getArgument(0));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static RuleForm form(String id, String category, String kind, String value, String weight,
                                 String description, String client, String unlessClient) {
        return new RuleForm(id, category, kind, value, weight, description, client, unlessClient, null);
    }

    private static RuleForm valid() {
        return form("acme.rate", "RATE_LIMITED", "MESSAGE_PATTERN", "too many requests", "4", "Acme's 429", "", "");
    }

    private Map<String, String> problems(RuleForm form) {
        try {
            admin.validate(form, true);
        } catch (InvalidRuleException e) {
            return e.fieldErrors();
        }
        return Map.of();
    }

    @Test
    void aFormWithEveryFieldWrongReportsEveryProblemAtOnceInTheAdminsLanguage() {
        Map<String, String> errors = problems(form("Not An Id", "OTHER", "SOMETIMES", " ", "0", " ", "(", "a*"));

        assertThat(errors).containsOnly(
                Map.entry("id", "rule.id.invalid"),
                Map.entry("category", "rule.category.invalid"),
                Map.entry("kind", "rule.kind.invalid"),
                Map.entry("value", "rule.value.required"),
                Map.entry("weight", "a weight above 0 and at most 10"),
                Map.entry("description", "rule.description.required"),
                Map.entry("client", "bad regex at 2: Unclosed group"),
                Map.entry("unlessClient", "rule.regex.matchesEverything"));
    }

    @Test
    void aValidFormBecomesTheRuleItDescribesWithItsTextStripped() {
        ClassificationRule rule = admin.validate(form(" acme.rate ", " rate_limited ", "message_pattern",
                " too many requests ", " 2,5 ", " Acme's 429 ", " Cursor ", " "), true);

        assertThat(rule).isEqualTo(new ClassificationRule("acme.rate", ErrorCategory.RATE_LIMITED,
                RuleKind.MESSAGE_PATTERN, "too many requests", 2.5, "Acme's 429", "Cursor", null));
    }

    @Test
    void missingOrUnknownCategoryAndKindAreRefused() {
        assertThat(problems(form("a", null, null, "x", "1", "d", null, null)))
                .containsEntry("category", "rule.category.invalid").containsEntry("kind", "rule.kind.invalid");
        assertThat(problems(form("a", "NOT_A_CATEGORY", "", "x", "1", "d", null, null)))
                .containsEntry("category", "rule.category.invalid").containsEntry("kind", "rule.kind.invalid");
    }

    @Test
    void theIdIsCheckedOnlyWhenCreatingAndMayBeAHundredCharactersLong() {
        assertThat(problems(form("a" + "b".repeat(99), "RATE_LIMITED", "MESSAGE_PATTERN", "x", "1", "d", null, null)))
                .isEmpty();
        assertThat(problems(form("a" + "b".repeat(100), "RATE_LIMITED", "MESSAGE_PATTERN", "x", "1", "d", null, null)))
                .containsOnlyKeys("id");
        assertThat(problems(form(null, "RATE_LIMITED", "MESSAGE_PATTERN", "x", "1", "d", null, null)))
                .containsOnlyKeys("id");

    }

    @Test
    void aSeededRuleWithAnIdLongerThanTheFormAllowsCanStillBeEdited() {
        String seededId = "seed." + "long".repeat(30);
        StoredRule stored = new StoredRule(new ClassificationRule(seededId, ErrorCategory.RATE_LIMITED,
                RuleKind.MESSAGE_PATTERN, "x", 1, "d", null, null), RuleOrigin.SEED, "h", "seed", NOW);
        when(rules.findById(seededId)).thenReturn(Optional.of(stored));

        RuleView edited = admin.update(seededId, form(seededId, "RATE_LIMITED", "MESSAGE_PATTERN", "y", "1", "d",
                null, null), "bob");

        assertThat(edited.id()).isEqualTo(seededId);
        assertThat(edited.value()).isEqualTo("y");
        assertThat(edited.edited()).isTrue();
    }

    @Test
    void aWeightIsANumberAboveZeroAndAtMostTenWithACommaAsDecimalPoint() {
        for (String good : List.of("10", "0.1", "3,5")) {
            assertThat(problems(withWeight(good))).as(good).isEmpty();
        }
        for (String bad : List.of("10.01", "0", "-1", "NaN", "Infinity", "three", "", "  ")) {
            assertThat(problems(withWeight(bad))).as(bad).containsOnlyKeys("weight");
        }
        assertThat(problems(withWeight(null))).containsOnlyKeys("weight");
    }

    private static RuleForm withWeight(String weight) {
        return form("a", "RATE_LIMITED", "MESSAGE_PATTERN", "x", weight, "d", null, null);
    }

    @Test
    void valueDescriptionAndClientPatternsHaveTheirLengthLimitsAndSayWhatTheLimitIs() {
        String longest = "a".repeat(RuleAdminService.MAX_VALUE);
        assertThat(problems(form("a", "RATE_LIMITED", "MESSAGE_PATTERN", longest, "1", "d", null, null))).isEmpty();
        assertThat(problems(form("a", "RATE_LIMITED", "MESSAGE_PATTERN", longest + "a", "1", "d", null, null)))
                .containsOnly(Map.entry("value", "at most 4000 characters"));

        String description = "d".repeat(RuleAdminService.MAX_DESCRIPTION);
        assertThat(problems(form("a", "RATE_LIMITED", "MESSAGE_PATTERN", "x", "1", description, null, null)))
                .isEmpty();
        assertThat(problems(form("a", "RATE_LIMITED", "MESSAGE_PATTERN", "x", "1", description + "d", null, null)))
                .containsOnly(Map.entry("description", "at most 1000 characters"));

        String client = "c".repeat(RuleAdminService.MAX_CLIENT);
        assertThat(problems(form("a", "RATE_LIMITED", "MESSAGE_PATTERN", "x", "1", "d", client, client))).isEmpty();
        assertThat(problems(form("a", "RATE_LIMITED", "MESSAGE_PATTERN", "x", "1", "d", client + "c", client + "c")))
                .containsOnly(Map.entry("client", "at most 500 characters"),
                        Map.entry("unlessClient", "at most 500 characters"));
    }

    @Test
    void statusCodeAndErrorCodeValuesNameThePartThatIsWrong() {
        assertThat(problems(form("a", "RATE_LIMITED", "STATUS_CODE", "429, 503", "1", "d", null, null))).isEmpty();
        assertThat(problems(form("a", "RATE_LIMITED", "STATUS_CODE", "429, 60", "1", "d", null, null)))
                .containsOnly(Map.entry("value", "not a status code: 60"));
        assertThat(problems(form("a", "RATE_LIMITED", "STATUS_CODE", "429, 600", "1", "d", null, null)))
                .containsOnly(Map.entry("value", "not a status code: 600"));

        assertThat(problems(form("a", "RATE_LIMITED", "ERROR_CODE", "rate_limit_exceeded, too.many-1", "1", "d",
                null, null))).isEmpty();
        assertThat(problems(form("a", "RATE_LIMITED", "ERROR_CODE", "rate_limit_exceeded, too many", "1", "d",
                null, null))).containsOnly(Map.entry("value", "not an error code: too many"));
    }

    @Test
    void aPatternMustCompileAndMustNotMatchEveryTicket() {
        assertThat(problems(form("a", "WRONG_BASE_URL", "BASE_URL_SYMPTOM", "ab[c", "1", "d", null, null)))
                .containsOnly(Map.entry("value", "bad regex at 4: Unclosed character class"));
        assertThat(problems(form("a", "WRONG_BASE_URL", "BASE_URL_SYMPTOM", "(/v1)?", "1", "d", null, null)))
                .containsOnly(Map.entry("value", "rule.regex.matchesEverything"));
        assertThat(problems(form("a", "WRONG_BASE_URL", "MESSAGE_PATTERN", "(?:)", "1", "d", null, null)))
                .containsOnly(Map.entry("value", "rule.regex.matchesEverything"));
        // A status-code value is not a regex: "4.." would compile, but it is not three digits.
        assertThat(problems(form("a", "RATE_LIMITED", "STATUS_CODE", "4..", "1", "d", null, null)))
                .containsOnly(Map.entry("value", "not a status code: 4.."));
    }

    @Test
    void creatingStoresTheRuleAndItsFirstVersionAndTellsTheRuleBook() {
        RuleView created = admin.create(valid(), "ada");

        assertThat(created.id()).isEqualTo("acme.rate");
        assertThat(created.origin()).isEqualTo(RuleOrigin.ADMIN);
        assertThat(created.enabled()).isTrue();
        assertThat(created.updatedBy()).isEqualTo("ada");
        assertThat(created.updatedAt()).isEqualTo(NOW);
        assertThat(created.currentVersion()).isEqualTo(1);
        assertThat(savedVersion().change()).isEqualTo(RuleChange.CREATED);
        verify(publisher).publishEvent(new RuleBook.RulesChanged());
    }

    @Test
    void anIdThatIsTakenIsAFieldErrorAndNothingIsWritten() {
        when(rules.existsById("acme.rate")).thenReturn(true);

        assertThatThrownBy(() -> admin.create(valid(), "ada")).isInstanceOfSatisfying(InvalidRuleException.class,
                e -> assertThat(e.fieldErrors()).containsOnly(Map.entry("id", "rule.id.taken")));
        verify(rules, never()).save(any());
        verifyNoInteractions(versions, publisher);
    }

    @Test
    void anEditWritesANewVersionUnderTheRulesOwnIdWhateverTheFormSays() {
        StoredRule stored = stored();

        RuleView edited = admin.update("acme.rate", new RuleForm("renamed", "RATE_LIMITED", "MESSAGE_PATTERN",
                "slow down", "4", "Acme's 429", "", "", 0L), "bob");

        assertThat(edited.id()).isEqualTo("acme.rate");
        assertThat(edited.value()).isEqualTo("slow down");
        assertThat(edited.updatedBy()).isEqualTo("bob");
        verify(rules).saveAndFlush(stored);
        RuleVersionView version = savedVersion();
        assertThat(version.change()).isEqualTo(RuleChange.EDITED);
        assertThat(version.number()).isEqualTo(2);
        verify(publisher).publishEvent(new RuleBook.RulesChanged());
    }

    @Test
    void anEditThatChangesNothingWritesNothing() {
        StoredRule stored = stored();

        RuleView same = admin.update("acme.rate", valid(), "bob");

        assertThat(same.currentVersion()).isEqualTo(1);
        assertThat(same.updatedBy()).isEqualTo("ada");
        verify(rules, never()).saveAndFlush(stored);
        verifyNoInteractions(versions, publisher);
    }

    @Test
    void anEditOfARuleSomeoneElseSavedSinceIsAConflict() {
        stored();

        assertThatThrownBy(() -> admin.update("acme.rate", new RuleForm("acme.rate", "RATE_LIMITED",
                "MESSAGE_PATTERN", "slow down", "4", "d", "", "", 3L), "bob"))
                .isInstanceOf(RuleConflictException.class);
        assertThatThrownBy(() -> admin.setEnabled("acme.rate", false, 3L, "bob"))
                .isInstanceOf(RuleConflictException.class);
        verify(rules, never()).saveAndFlush(any());
    }

    @Test
    void aConcurrentSaveCaughtByTheDatabaseIsAConflictAndWritesNoVersion() {
        stored();
        when(rules.saveAndFlush(any(StoredRule.class)))
                .thenThrow(new ObjectOptimisticLockingFailureException(StoredRule.class, "acme.rate"));

        assertThatThrownBy(() -> admin.setEnabled("acme.rate", false, null, "bob"))
                .isInstanceOf(RuleConflictException.class).hasMessageContaining("acme.rate");
        verifyNoInteractions(versions, publisher);
    }

    @Test
    void disablingAndEnablingEachWriteTheirOwnVersionAndDoingItTwiceWritesNothing() {
        stored();

        assertThat(admin.setEnabled("acme.rate", true, 0L, "bob").currentVersion()).isEqualTo(1);
        verifyNoInteractions(versions, publisher);

        RuleView disabled = admin.setEnabled("acme.rate", false, 0L, "bob");
        assertThat(disabled.enabled()).isFalse();
        assertThat(savedVersion().change()).isEqualTo(RuleChange.DISABLED);

        RuleView enabled = admin.setEnabled("acme.rate", true, null, "cy");
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.updatedBy()).isEqualTo("cy");
        assertThat(enabled.currentVersion()).isEqualTo(3);
    }

    @Test
    void anUnknownRuleIsReportedAsSuch() {
        when(rules.findById("nope")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> admin.find("nope")).isInstanceOf(UnknownRuleException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> admin.update("nope", valid(), "bob")).isInstanceOf(UnknownRuleException.class);
        assertThatThrownBy(() -> admin.setEnabled("nope", true, null, "bob"))
                .isInstanceOf(UnknownRuleException.class);
    }

    @Test
    void rulesAreListedByCategoryInTheCategoriesOrderAndHistoryNewestFirst() {
        StoredRule quota = new StoredRule(new ClassificationRule("b.quota", ErrorCategory.INSUFFICIENT_QUOTA,
                RuleKind.ERROR_CODE, "insufficient_quota", 5, "d", null, null), RuleOrigin.SEED, "h", "seed", NOW);
        StoredRule key = new StoredRule(new ClassificationRule("a.key", ErrorCategory.INVALID_KEY,
                RuleKind.STATUS_CODE, "401", 2, "d", null, null), RuleOrigin.SEED, "h", "seed", NOW);
        StoredRule key2 = new StoredRule(new ClassificationRule("c.key", ErrorCategory.INVALID_KEY,
                RuleKind.ERROR_CODE, "invalid_api_key", 5, "d", null, null), RuleOrigin.SEED, "h", "seed", NOW);
        when(rules.findAllByOrderByCategoryAscRuleIdAsc()).thenReturn(List.of(quota, key, key2));
        when(versions.findByRuleIdOrderByVersionNumberDesc("a.key"))
                .thenReturn(List.of(key.snapshot(RuleChange.SEEDED)));

        Map<ErrorCategory, List<RuleView>> grouped = admin.byCategory();

        assertThat(grouped.keySet()).containsExactly(ErrorCategory.INVALID_KEY, ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(grouped.get(ErrorCategory.INVALID_KEY)).extracting(RuleView::id).containsExactly("a.key", "c.key");
        assertThat(admin.history("a.key")).singleElement().satisfies(v -> {
            assertThat(v.change()).isEqualTo(RuleChange.SEEDED);
            assertThat(v.value()).isEqualTo("401");
            assertThat(v.changedBy()).isEqualTo("seed");
        });
    }

    private StoredRule stored() {
        StoredRule stored = new StoredRule(admin.validate(valid(), true), RuleOrigin.ADMIN, null, "ada", NOW);
        when(rules.findById("acme.rate")).thenReturn(Optional.of(stored));
        return stored;
    }

    private RuleVersionView savedVersion() {
        ArgumentCaptor<RuleVersion> saved = ArgumentCaptor.forClass(RuleVersion.class);
        verify(versions, org.mockito.Mockito.atLeastOnce()).save(saved.capture());
        return saved.getValue().toView();
    }
}
