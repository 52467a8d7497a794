package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The rule book checks the rule generation once per interval, and at once after a rule changes on this node. */
@SpringBootTest(properties = "gatedesk.triage.rules-check-interval=1h")
@ActiveProfiles("test")
class RuleBookTest {

    @Autowired
    private RuleBook ruleBook;
    @Autowired
    private RuleAdminService admin;

    private static TriageInput text(String text) {
        return new TriageInput(null, null, text, null, null, null, List.of());
    }

    @Test
    void aRuleSavedOnThisNodeCountsOnTheNextClassificationDespiteTheInterval() {
        String word = "zorblat" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(ruleBook.classifier().classify(text("the " + word + " failed")).category())
                .isEqualTo(ErrorCategory.OTHER);

        RuleView rule = admin.create(new RuleForm("test." + word, "RATE_LIMITED", "MESSAGE_PATTERN", word, "5",
                "test rule", "", "", null), "admin");

        assertThat(ruleBook.classifier().classify(text("the " + word + " failed")).category())
                .isEqualTo(ErrorCategory.RATE_LIMITED);

        admin.setEnabled(rule.id(), false, null, "admin");

        assertThat(ruleBook.classifier().classify(text("the " + word + " failed")).category())
                .isEqualTo(ErrorCategory.OTHER);
    }
}
