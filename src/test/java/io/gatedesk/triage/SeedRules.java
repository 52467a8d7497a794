package io.gatedesk.triage;

import java.nio.file.Path;
import java.util.List;

/**
 * The shipped seed rules, read once per test JVM: surefire runs tests from the repository root. Public for the
 * benchmarks in {@code io.gatedesk.triage.bench}.
 */
public final class SeedRules {

    static final Path DIRECTORY = Path.of("templates-seed", "rules");

    private static final List<ClassificationRule> RULES = new RuleFileLoader().loadDirectory(DIRECTORY);
    private static final Classifier CLASSIFIER = new Classifier(RULES);
    private static final Classifier WITHOUT_PREFILTER = new Classifier(RULES, false);

    private SeedRules() {
    }

    static List<ClassificationRule> rules() {
        return RULES;
    }

    public static Classifier classifier() {
        return CLASSIFIER;
    }

    /** The same rules with every regex run on every text: the reference for the prefilter. */
    public static Classifier classifierWithoutPrefilter() {
        return WITHOUT_PREFILTER;
    }
}
