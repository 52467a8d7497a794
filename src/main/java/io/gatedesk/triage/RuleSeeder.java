package io.gatedesk.triage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the rule files shipped in {@code templates-seed/rules} into the database at start, before the web server
 * takes requests. Idempotent: a rule is inserted when missing, updated when its seed changed and nobody edited it,
 * and otherwise left alone, so an admin's edit (or disabling) survives every restart and every new seed.
 */
@Component
class RuleSeeder implements SmartInitializingSingleton {

    static final String SEED_ACTOR = "seed";
    static final String LOCATION = "classpath*:templates-seed/rules/*" + RuleFileLoader.EXTENSION;
    private static final Logger log = LoggerFactory.getLogger(RuleSeeder.class);

    private final StoredRuleRepository rules;
    private final RuleVersionRepository versions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher publisher;

    RuleSeeder(StoredRuleRepository rules, RuleVersionRepository versions, TransactionTemplate transactions,
               Clock clock, org.springframework.context.ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.rules = rules;
        this.versions = versions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            SeedResult result = seed(readSeedFiles());
            log.info("Classification rules seeded: {} added, {} updated, {} kept as edited by an admin, {} unchanged",
                    result.added(), result.updated(), result.keptEdited(), result.unchanged());
        } catch (DataIntegrityViolationException e) {
            // Another node seeded the same rules at the same moment; its result is as good as ours.
            log.info("Classification rules were seeded concurrently by another node");
        }
    }

    record SeedResult(int added, int updated, int keptEdited, int unchanged) {
    }

    SeedResult seed(List<ClassificationRule> seedRules) {
        return transactions.execute(status -> {
            int added = 0;
            int updated = 0;
            int keptEdited = 0;
            int unchanged = 0;
            Instant now = clock.instant();
            for (ClassificationRule rule : seedRules) {
                String hash = StoredRule.contentHash(rule, true);
                Optional<StoredRule> existing = rules.findById(rule.id());
                if (existing.isEmpty()) {
                    StoredRule stored = rules.save(new StoredRule(rule, RuleOrigin.SEED, hash, SEED_ACTOR, now));
                    versions.save(stored.snapshot(RuleChange.SEEDED));
                    added++;
                } else if (hash.equals(existing.get().getSeedHash()) || existing.get().getOrigin() != RuleOrigin.SEED) {
                    unchanged++;
                } else if (existing.get().editedSinceSeeded()) {
                    log.info("Rule {} was edited by an admin; keeping the edit, not the new seed", rule.id());
                    keptEdited++;
                } else {
                    StoredRule stored = existing.get();
                    stored.reseed(rule, hash, now);
                    versions.save(stored.snapshot(RuleChange.SEED_UPDATED));
                    updated++;
                }
            }
            if (added + updated > 0) {
                publisher.publishEvent(new RuleBook.RulesChanged());
            }
            return new SeedResult(added, updated, keptEdited, unchanged);
        });
    }

    /** Every {@code *.rules} file on the classpath, in file name order, with ids unique across files. */
    static List<ClassificationRule> readSeedFiles() {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + LOCATION, e);
        }
        List<Resource> sorted = new ArrayList<>(List.of(resources));
        sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
        RuleFileLoader loader = new RuleFileLoader();
        List<ClassificationRule> all = new ArrayList<>();
        Map<String, String> seenIn = new HashMap<>();
        for (Resource resource : sorted) {
            String content;
            try (var in = resource.getInputStream()) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            for (ClassificationRule rule : loader.parse(String.valueOf(resource.getFilename()), content)) {
                String earlier = seenIn.putIfAbsent(rule.id(), resource.getFilename());
                if (earlier != null) {
                    throw new RuleFileException(String.valueOf(resource.getFilename()), 0, rule.id(),
                            "duplicate id, already defined in " + earlier, null);
                }
                all.add(rule);
            }
        }
        return all;
    }
}
