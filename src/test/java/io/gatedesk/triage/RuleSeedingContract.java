package io.gatedesk.triage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeding on every database GateDesk runs on: the shipped rules are all there after start, seeding again changes
 * nothing, a changed seed updates an untouched rule, and an admin's edit or disabling survives a changed seed.
 */
abstract class RuleSeedingContract {

    @Autowired
    RuleSeeder seeder;
    @Autowired
    RuleAdminService admin;
    @Autowired
    TriageService triage;
    @Autowired
    JdbcTemplate jdbc;

    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    ClassificationRule rule(String id, String value, String description) {
        return new ClassificationRule(id, ErrorCategory.UPSTREAM_ERROR, RuleKind.MESSAGE_PATTERN, value, 5,
                description, null, null);
    }

    @Test
    void everyShippedRuleIsStoredWithItsFirstVersionAndSeedingAgainChangesNothing() {
        List<ClassificationRule> shipped = RuleSeeder.readSeedFiles();
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(60);
        Integer stored = jdbc.queryForObject("SELECT count(*) FROM classification_rules WHERE origin = 'SEED'",
                Integer.class);
        assertThat(stored).isGreaterThanOrEqualTo(shipped.size());
        Integer versionsBefore = jdbc.queryForObject("SELECT count(*) FROM classification_rule_versions", Integer.class);

        RuleSeeder.SeedResult again = seeder.seed(shipped);

        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM classification_rule_versions", Integer.class))
                .isEqualTo(versionsBefore);
        assertThat(triage.classify(TriageInput.ofText("Error code: 429 - insufficient_quota")).category())
                .isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
    }

    @Test
    void aChangedSeedUpdatesAnUntouchedRuleButNeverAnAdminsEdit() {
        String untouched = "seedtest.untouched-" + marker;
        String edited = "seedtest.edited-" + marker;
        String disabled = "seedtest.disabled-" + marker;
        List<ClassificationRule> v1 = List.of(rule(untouched, "alpha" + marker, "v1"),
                rule(edited, "beta" + marker, "v1"), rule(disabled, "gamma" + marker, "v1"));
        assertThat(seeder.seed(v1)).isEqualTo(new RuleSeeder.SeedResult(3, 0, 0, 0));

        admin.update(edited, new RuleForm(edited, "UPSTREAM_TIMEOUT", "MESSAGE_PATTERN", "beta" + marker + "|delta",
                "4", "admin's own", null, null, null), "Ada");
        admin.setEnabled(disabled, false, null, "Ada");

        List<ClassificationRule> v2 = List.of(rule(untouched, "alpha" + marker + "|omega", "v2"),
                rule(edited, "beta" + marker + "|epsilon", "v2"), rule(disabled, "gamma" + marker + "|zeta", "v2"));
        assertThat(seeder.seed(v2)).isEqualTo(new RuleSeeder.SeedResult(0, 1, 2, 0));
        assertThat(seeder.seed(v2)).isEqualTo(new RuleSeeder.SeedResult(0, 0, 2, 1));

        RuleView updated = admin.find(untouched);
        assertThat(updated.value()).isEqualTo("alpha" + marker + "|omega");
        assertThat(updated.currentVersion()).isEqualTo(2);
        assertThat(updated.edited()).isFalse();

        RuleView kept = admin.find(edited);
        assertThat(kept.value()).isEqualTo("beta" + marker + "|delta");
        assertThat(kept.category()).isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT);
        assertThat(kept.edited()).isTrue();
        assertThat(admin.history(edited)).extracting(RuleVersionView::change)
                .containsExactly(RuleChange.EDITED, RuleChange.SEEDED);
        assertThat(admin.history(edited).get(0).changedBy()).isEqualTo("Ada");

        assertThat(admin.find(disabled).enabled()).isFalse();
        assertThat(admin.find(disabled).value()).isEqualTo("gamma" + marker);
        assertThat(triage.classify(TriageInput.ofText("gamma" + marker)).category()).isEqualTo(ErrorCategory.OTHER);
        assertThat(triage.classify(TriageInput.ofText("omega and alpha" + marker)).category())
                .isEqualTo(ErrorCategory.UPSTREAM_ERROR);
    }
}
