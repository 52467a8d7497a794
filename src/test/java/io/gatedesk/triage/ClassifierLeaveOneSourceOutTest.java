package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * How the rules carry over to a provider, gateway or client whose wording they were not written from. Every seed
 * rule names its sources ({@code # sources:} above it); for each source of the corpus, the rules written from it are
 * switched off and that source's tickets are classified with what remains. Tickets in the customers' own words
 * ({@code customers}) are not a source of error texts and are measured in sample by {@link ClassifierCorpusTest}.
 * The statistical fallback ({@link WordModel}) is trained on all the other sources' tickets.
 */
class ClassifierLeaveOneSourceOutTest {

    // The goals (95 %, 90 %), reached at 95.1 % and 95.3 %; floors against regressions. See docs/triage.md.
    private static final double REQUIRED_ACCURACY = 0.95;
    private static final double REQUIRED_ON_UNNAMED_SOURCES = 0.95;

    private final Map<String, Set<String>> ruleSources = RuleSources.read(SeedRules.DIRECTORY);

    @Test
    void everySeedRuleNamesTheSourcesItWasWrittenFrom() {
        assertThat(ruleSources.keySet()).containsExactlyInAnyOrderElementsOf(
                SeedRules.rules().stream().map(ClassificationRule::id).toList());
        assertThat(ruleSources.entrySet()).allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isNotEmpty());
    }

    @Test
    void sourcesHeldOutOfTheRulesAndTheFallbackAreStillMostlyClassifiedRight() {
        Map<String, List<TriageCorpus.Case>> bySource = new TreeMap<>();
        for (TriageCorpus.Case c : TriageCorpus.cases()) {
            if (!TriageCorpus.CUSTOMERS.equals(c.source())) {
                bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c);
            }
        }
        assertThat(bySource).hasSizeGreaterThanOrEqualTo(30);

        ConfusionMatrix matrix = new ConfusionMatrix();
        StringBuilder perSource = new StringBuilder("| source | rules off | tickets | correct |\n|---|---|---|---|\n");
        List<String> misses = new ArrayList<>();
        Set<String> neverNamed = new TreeSet<>();
        ConfusionMatrix neverNamedMatrix = new ConfusionMatrix();
        for (Map.Entry<String, List<TriageCorpus.Case>> entry : bySource.entrySet()) {
            String source = entry.getKey();
            List<ClassificationRule> kept = SeedRules.rules().stream()
                    .filter(rule -> !ruleSources.getOrDefault(rule.id(), Set.of()).contains(source)).toList();
            int off = SeedRules.rules().size() - kept.size();
            if (off == 0) {
                neverNamed.add(source);
            }
            // The fallback learns from every other source's tickets, never from the one under test.
            WordModel fallback = WordModel.train(TriageCorpus.cases().stream()
                    .filter(c -> !c.source().equals(source)).map(TriageCorpus.Case::example).toList());
            Classifier withoutSource = new Classifier(kept, true, fallback);
            int correct = 0;
            for (TriageCorpus.Case c : entry.getValue()) {
                Classification result = withoutSource.classify(c.input());
                matrix.add(c.expected(), result.category());
                if (off == 0) {
                    neverNamedMatrix.add(c.expected(), result.category());
                }
                if (result.category() == c.expected()) {
                    correct++;
                }
                else {
                    misses.add(source + " " + c.id() + " expected " + c.expected() + " got " + result.category()
                            + " " + result.reasons().stream().map(Reason::ruleId).toList());
                }
            }
            perSource.append("| ").append(source).append(" | ").append(off).append(" | ").append(entry.getValue().size())
                    .append(" | ").append(ConfusionMatrix.percent((double) correct / entry.getValue().size())).append(" |\n");
        }

        System.out.println(matrix.render("Leave one source out"));
        System.out.println(perSource);
        if (neverNamedMatrix.total() > 0) {
            System.out.println("Sources no rule was written from " + neverNamed + ": "
                    + ConfusionMatrix.percent(neverNamedMatrix.accuracy()) + " of " + neverNamedMatrix.total());
        }
        misses.forEach(m -> System.out.println("  MISS " + m));

        assertThat(matrix.accuracy()).as("leave-one-source-out accuracy; misses: %s", misses)
                .isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
        assertThat(neverNamed).hasSizeGreaterThanOrEqualTo(18);
        assertThat(neverNamedMatrix.accuracy()).as("accuracy on sources no rule was written from")
                .isGreaterThanOrEqualTo(REQUIRED_ON_UNNAMED_SOURCES);
    }
}
