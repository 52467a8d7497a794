package io.gatedesk.answer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code templates-seed/answers} and {@code templates-seed/checklists} at start. Idempotent: an answer is
 * added when missing, updated when its seed file changed and nobody edited it, and otherwise left alone, so an
 * admin's edit or retirement survives every restart and every new seed. Checklist items follow their files.
 */
@Component
class AnswerSeeder implements SmartInitializingSingleton {

    static final String SEED_ACTOR = "seed";
    private static final Logger log = LoggerFactory.getLogger(AnswerSeeder.class);

    private final StoredAnswerRepository answers;
    private final AnswerVersionRepository versions;
    private final ChecklistItemRepository items;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AnswerSeeder(StoredAnswerRepository answers, AnswerVersionRepository versions, ChecklistItemRepository items,
                 TransactionTemplate transactions, Clock clock) {
        this.answers = answers;
        this.versions = versions;
        this.items = items;
        this.transactions = transactions;
        this.clock = clock;
    }

    record SeedResult(int added, int updated, int keptEdited, int unchanged) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            SeedResult result = seed(SeedFiles.answers());
            int changedItems = seedChecklists(SeedFiles.checklistItems());
            log.info("Short answers seeded: {} added, {} updated, {} kept as edited by an admin, {} unchanged; "
                    + "{} checklist item(s) added or changed", result.added(), result.updated(), result.keptEdited(),
                    result.unchanged(), changedItems);
        } catch (DataIntegrityViolationException e) {
            // Another node seeded at the same moment; its result is as good as ours.
            log.info("Short answers were seeded concurrently by another node");
        }
    }

    SeedResult seed(List<SeedFiles.SeedAnswer> seeds) {
        return transactions.execute(status -> {
            int added = 0;
            int updated = 0;
            int keptEdited = 0;
            int unchanged = 0;
            Instant now = clock.instant();
            for (SeedFiles.SeedAnswer seed : seeds) {
                String hash = seed.hash();
                Optional<StoredAnswer> existing = answers.findByKeyAndLanguage(seed.key(), seed.language());
                if (existing.isEmpty()) {
                    StoredAnswer stored = answers.save(new StoredAnswer(seed.key(), seed.language(), seed.title(),
                            seed.category(), seed.body(), StoredAnswer.SEED, hash, SEED_ACTOR, now));
                    versions.save(stored.snapshot("SEEDED"));
                    added++;
                } else if (hash.equals(existing.get().getSeedHash())
                        || !StoredAnswer.SEED.equals(existing.get().getOrigin())) {
                    unchanged++;
                } else if (existing.get().editedSinceSeeded()) {
                    log.info("Answer {} ({}) was edited by an admin; keeping the edit, not the new seed",
                            seed.key(), seed.language());
                    keptEdited++;
                } else {
                    StoredAnswer stored = existing.get();
                    stored.reseed(seed.title(), seed.category(), seed.body(), hash, now);
                    versions.save(stored.snapshot("SEED_UPDATED"));
                    updated++;
                }
            }
            return new SeedResult(added, updated, keptEdited, unchanged);
        });
    }

    /** Adds and updates items by key; an item gone from the files is hidden, keeping the ticks it has. */
    int seedChecklists(List<SeedFiles.SeedItem> seeds) {
        return transactions.execute(status -> {
            int changed = 0;
            Set<String> keys = new HashSet<>();
            for (SeedFiles.SeedItem seed : seeds) {
                keys.add(seed.key());
                Optional<ChecklistItem> existing = items.findByKey(seed.key());
                if (existing.isEmpty()) {
                    items.save(new ChecklistItem(seed.key(), seed.category(), seed.position(), seed.textEn(),
                            seed.textZh()));
                    changed++;
                } else if (existing.get().update(seed.category(), seed.position(), seed.textEn(), seed.textZh())) {
                    changed++;
                }
            }
            for (ChecklistItem item : items.findAll()) {
                if (item.isActive() && !keys.contains(item.getKey())) {
                    item.deactivate();
                    changed++;
                }
            }
            return changed;
        });
    }
}
