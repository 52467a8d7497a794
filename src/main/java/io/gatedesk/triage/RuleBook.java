package io.gatedesk.triage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifier built from the enabled rules in the database. It checks the rule generation (one count query) at
 * most once per {@code gatedesk.triage.rules-check-interval} (2 s) and rebuilds when any node has changed a rule
 * since, so an admin's edit takes effect everywhere within that interval, and on this node at once (a
 * {@link RulesChanged} after commit forces the next check). Checking on every classification cost a query per ticket.
 */
@Component
class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    private final StoredRuleRepository rules;
    private final RuleVersionRepository versions;
    private final long checkIntervalNanos;
    private volatile Snapshot snapshot = new Snapshot(-1, new Classifier(List.of()));
    private volatile long checkedAt;
    private volatile boolean checkNow = true;

    RuleBook(StoredRuleRepository rules, RuleVersionRepository versions,
             @Value("${gatedesk.triage.rules-check-interval:2s}") Duration checkInterval) {
        this.rules = rules;
        this.versions = versions;
        this.checkIntervalNanos = checkInterval.toNanos();
    }

    @Transactional(readOnly = true)
    public Classifier classifier() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (!checkNow && current.generation() >= 0 && now - checkedAt < checkIntervalNanos) {
            return current.classifier();
        }
        checkNow = false;
        long generation = versions.generation();
        checkedAt = now;
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

    /** A rule was created, edited, enabled or disabled on this node: the next classification uses it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void rulesChanged(RulesChanged event) {
        checkNow = true;
    }

    /** Published by whatever writes a rule version. */
    record RulesChanged() {
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
