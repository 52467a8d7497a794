package io.gatedesk.answer;

import io.gatedesk.triage.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeding on every database GateDesk runs on: the shipped answers and checklists are there after start, seeding
 * again changes nothing, a changed seed updates an untouched answer, and an admin's edit or retirement survives it.
 */
abstract class AnswerSeedingContract {

    @Autowired
    AnswerSeeder seeder;
    @Autowired
    AnswerService answers;
    @Autowired
    JdbcTemplate jdbc;

    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    SeedFiles.SeedAnswer seed(String key, String body) {
        return new SeedFiles.SeedAnswer(key, "en", "Title of " + key, "RATE_LIMITED", body);
    }

    @Test
    void everyShippedAnswerAndChecklistIsStoredAndSeedingAgainChangesNothing() {
        List<SeedFiles.SeedAnswer> shipped = SeedFiles.answers();
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(28);
        for (ErrorCategory category : ErrorCategory.values()) {
            assertThat(answers.list(category.name(), "en")).as(category.name()).isNotEmpty();
            assertThat(answers.list(category.name(), "zh-CN")).as(category.name()).isNotEmpty();
        }
        Integer versionsBefore = jdbc.queryForObject("SELECT count(*) FROM answer_versions", Integer.class);
        Integer itemsBefore = jdbc.queryForObject("SELECT count(*) FROM checklist_items WHERE active", Integer.class);

        AnswerSeeder.SeedResult again = seeder.seed(shipped);

        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(seeder.seedChecklists(SeedFiles.checklistItems())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM answer_versions", Integer.class)).isEqualTo(versionsBefore);
        assertThat(itemsBefore).isEqualTo(SeedFiles.checklistItems().size());
    }

    @Test
    void aChangedSeedUpdatesAnUntouchedAnswerButNeverAnAdminsEditOrRetirement() {
        String untouched = "seedtest.untouched-" + marker;
        String edited = "seedtest.edited-" + marker;
        String retired = "seedtest.retired-" + marker;
        List<SeedFiles.SeedAnswer> v1 = List.of(seed(untouched, "v1 {{ticket.number}}"), seed(edited, "v1"),
                seed(retired, "v1"));
        assertThat(seeder.seed(v1)).isEqualTo(new AnswerSeeder.SeedResult(3, 0, 0, 0));

        ShortAnswer editedAnswer = answers.find(edited, "en").orElseThrow();
        answers.update(editedAnswer.id(), new AnswerForm(edited, "en", "Admin's title", "RATE_LIMITED",
                "Admin's own text"), editedAnswer.currentVersion(), "Ada");
        answers.setRetired(answers.find(retired, "en").orElseThrow().id(), true, "Ada");

        List<SeedFiles.SeedAnswer> v2 = List.of(seed(untouched, "v2 {{ticket.number}}"), seed(edited, "v2"),
                seed(retired, "v2"));
        assertThat(seeder.seed(v2)).isEqualTo(new AnswerSeeder.SeedResult(0, 1, 2, 0));
        assertThat(seeder.seed(v2)).isEqualTo(new AnswerSeeder.SeedResult(0, 0, 2, 1));

        ShortAnswer updated = answers.find(untouched, "en").orElseThrow();
        assertThat(updated.body()).isEqualTo("v2 {{ticket.number}}");
        assertThat(updated.currentVersion()).isEqualTo(2);
        assertThat(updated.edited()).isFalse();
        ShortAnswer kept = answers.find(edited, "en").orElseThrow();
        assertThat(kept.body()).isEqualTo("Admin's own text");
        assertThat(kept.edited()).isTrue();
        assertThat(answers.versions(kept.id())).extracting(ShortAnswerVersion::changeKind)
                .containsExactly("EDITED", "SEEDED");
        ShortAnswer stillRetired = answers.find(retired, "en").orElseThrow();
        assertThat(stillRetired.retired()).isTrue();
        assertThat(stillRetired.body()).isEqualTo("v1");
    }
}
