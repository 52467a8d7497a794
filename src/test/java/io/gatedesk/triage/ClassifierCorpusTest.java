package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Runs the classifier over a labelled corpus of tickets written the way customers write them (curl output, JSON
 * bodies, stack traces, client pop-ups, paraphrases in English and Chinese) and prints the accuracy.
 * Cases {@code c…} were written before the first rules; cases {@code h…} were written after them, without looking
 * at the rules; cases {@code s…} were written from providers', gateways' and clients' own error texts. This is the
 * in-sample figure; {@link ClassifierLeaveOneSourceOutTest} measures how the rules carry over to unseen sources.
 */
class ClassifierCorpusTest {

    private static final double REQUIRED_ACCURACY = 0.95;

    @Test
    void corpusIsClassifiedWithAtLeastNinetyFivePercentAccuracyAndEveryVerdictHasReasons() {
        List<TriageCorpus.Case> corpus = TriageCorpus.cases();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(600);

        Map<String, int[]> perCategory = new TreeMap<>();
        Map<String, int[]> perLanguage = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<String> withoutReasons = new ArrayList<>();
        ConfusionMatrix matrix = new ConfusionMatrix();
        int correct = 0;
        for (TriageCorpus.Case c : corpus) {
            Classification result = SeedRules.classifier().classify(c.input());
            boolean hit = result.category() == c.expected();
            matrix.add(c.expected(), result.category());
            correct += hit ? 1 : 0;
            tally(perCategory, c.expected().name(), hit);
            tally(perLanguage, c.lang(), hit);
            if (!hit) {
                misses.add(c.id() + " expected " + c.expected() + " got " + result.category() + " "
                        + result.confidence() + " " + result.reasons());
            }
            boolean explained = result.reasons().stream().anyMatch(r -> r.category() == result.category());
            if (result.category() != ErrorCategory.OTHER && !explained) {
                withoutReasons.add(c.id());
            }
        }
        double accuracy = (double) correct / corpus.size();

        System.out.println("Triage corpus: " + correct + "/" + corpus.size() + " = " + percent(accuracy));
        perCategory.forEach((k, v) -> System.out.println("  " + k + ": " + v[0] + "/" + v[1] + " = " + percent((double) v[0] / v[1])));
        perLanguage.forEach((k, v) -> System.out.println("  lang " + k + ": " + v[0] + "/" + v[1] + " = " + percent((double) v[0] / v[1])));
        misses.forEach(m -> System.out.println("  MISS " + m));
        System.out.println(matrix.render("In sample (rules and fallback trained on the whole corpus)"));

        assertThat(withoutReasons).as("verdicts other than OTHER without a reason for that category").isEmpty();
        assertThat(accuracy).as("overall accuracy; misses: %s", misses).isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    }

    private static void tally(Map<String, int[]> counts, String key, boolean hit) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0] += hit ? 1 : 0;
        c[1]++;
    }

    private static String percent(double ratio) {
        return String.format("%.1f %%", ratio * 100);
    }
}
