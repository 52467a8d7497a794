package io.gatedesk.triage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * The classifier built from the enabled rules in the database. Each use checks the rule generation (one count query)
 * and rebuilds when any node has changed a rule since, so an admin's edit takes effect everywhere on the next
 * classification without caches to invalidate.
 */
@Component
class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    private final StoredRuleRepository rules;
    private final RuleVersionRepository versions;
    private volatile Snapshot snapshot = new Snapshot(-1, new Classifier(List.of()));

    RuleBook(StoredRuleRepository rules, RuleVersionRepository versions) {
        this.rules = rules;
        this.versions = versions;
    }

    @Transactional(readOnly = true)
    public Classifier classifier() {
        long generation = versions.generation();
        Snapshot current = snapshot;
        if (current.generation() == generation) {
            return current.classifier();
        }
        synchronized (this) {
            if (snapshot.generation() != generation) {
                snapshot = new Snapshot(generation, build());
            }
            return snapshot.classifier();
        }
    }

    private Classifier build() {
        List<ClassificationRule> enabled = new ArrayList<>();
        for (StoredRule stored : rules.findByEnabledTrueOrderByRuleId()) {
            try {
                enabled.add(stored.toRule());
            } catch (IllegalArgumentException e) {
                // Only a hand edit of the table can get here; one bad row must not stop triage.
                log.warn("Skipping stored rule {}: {}", stored.getRuleId(), e.getMessage());
            }
        }
        log.info("Classifier built from {} enabled rules", enabled.size());
        return new Classifier(enabled);
    }

    private record Snapshot(long generation, Classifier classifier) {
    }
}
