package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The prefilter is sound: wherever a regex finds a match, the folded text contains one of the literals taken from
 * it. Checked on random patterns built from the constructs the extraction reads, groups of words that must occur or
 * may not among them (with texts made to match them), and on the seed rules.
 */
class RequiredLiteralsPropertiesTest {

    /**
     * A random pattern and a text around something that pattern was built to match; whether one of its top-level
     * alternatives holds a group of words that must occur.
     */
    record Case(String regex, String text, boolean requiredWordGroup) {
    }

    @Property(tries = 3000)
    void everyMatchOfARandomPatternContainsARequiredLiteral(@ForAll("patternsWithTexts") Case c) {
        Optional<RequiredLiterals> literals = RequiredLiterals.of(Pattern.compile(c.regex(), Pattern.CASE_INSENSITIVE));
        assertThat(RequiredLiterals.of(Pattern.compile(c.regex(), ClassificationRule.REGEX_FLAGS)).map(RequiredLiterals::literals))
                .isEqualTo(literals.map(RequiredLiterals::literals));
        boolean matched = false;
        for (int flags : List.of(Pattern.CASE_INSENSITIVE, ClassificationRule.REGEX_FLAGS)) {
            if (Pattern.compile(c.regex(), flags).matcher(c.text()).find()) {
                matched = true;
                literals.ifPresent(l -> assertThat(l.occurIn(RequiredLiterals.fold(c.text())))
                        .as("%s finds a match in '%s' but none of %s is in it", c.regex(), c.text(), l.literals())
                        .isTrue());
            }
        }
        Statistics.label("prefilter").collect(literals.isPresent());
        Statistics.label("regex matched").collect(matched);
        Statistics.label("prefilter and match").collect(literals.isPresent() && matched);
        Statistics.label("prefilter and match").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
        String wordGroups = "required word group, prefilter and match";
        Statistics.label(wordGroups).collect(c.requiredWordGroup() && literals.isPresent() && matched);
        Statistics.label(wordGroups).coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
    }

    /** A seed rule with its pattern and literals, compiled once for all tries (not once per try and rule). */
    private record Compiled(ClassificationRule rule, Pattern pattern, Optional<RequiredLiterals> literals) {
    }

    private static final List<Compiled> SEED_PATTERNS = SeedRules.rules().stream()
            .filter(rule -> rule.kind() == RuleKind.MESSAGE_PATTERN || rule.kind() == RuleKind.BASE_URL_SYMPTOM)
            .map(rule -> {
                Pattern pattern = ClassificationRule.compile("value", rule.value());
                return new Compiled(rule, pattern, RequiredLiterals.of(pattern));
            })
            .toList();

    @Property(tries = 2000)
    void everyMatchOfASeedRuleContainsOneOfItsLiterals(@ForAll("ruleTexts") String text) {
        String folded = RequiredLiterals.fold(text);
        for (Compiled compiled : SEED_PATTERNS) {
            ClassificationRule rule = compiled.rule();
            Pattern pattern = compiled.pattern();
            Optional<RequiredLiterals> literals = compiled.literals();
            if (literals.isPresent() && pattern.matcher(text).find()) {
                assertThat(literals.get().occurIn(folded))
                        .as("%s matches '%s' but none of %s is in it", rule.id(), text, literals.get().literals())
                        .isTrue();
                Statistics.collect(rule.id());
            }
        }
    }

    @Provide
    Arbitrary<String> ruleTexts() {
        return RuleFragments.texts();
    }

    @Provide
    Arbitrary<Case> patternsWithTexts() {
        return Arbitraries.longs().map(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder regex = new StringBuilder();
            StringBuilder sample = new StringBuilder();
            boolean requiredWordGroup = alternation(random, 0, regex, sample);
            return new Case(regex.toString(), noise(random) + sample + noise(random), requiredWordGroup);
        });
    }

    // Pattern characters and what a text may hold in their place: other cases, and look-alikes that only
    // Unicode case folding equates (Kelvin sign, long s, final sigma, dotted and dotless i, title-case Dž).
    private static final String[][] LETTERS = {
            {"a", "a", "A"}, {"b", "b", "B"}, {"k", "k", "K", "\u212A"}, {"K", "k", "K", "\u212A"},
            {"s", "s", "S", "\u017F"}, {"S", "s", "S", "\u017F"}, {"σ", "σ", "Σ", "ς"}, {"Σ", "σ", "Σ", "ς"},
            {"i", "i", "I", "İ", "ı"}, {"İ", "i", "I", "İ", "ı"}, {"ǅ", "ǅ", "Ǆ", "ǆ"}, {"中", "中"},
            {"\uD801\uDC00", "\uD801\uDC00", "\uD801\uDC28"}, {" ", " "}, {"-", "-"}, {"\\.", "."}, {"\\(", "("},
            {"\\[", "["}, {"\\|", "|"}, {"\\\\", "\\"}};

    /** A quantifier, and the fewest and most repetitions a sample uses for it. */
    private record Quantifier(String text, int fewest, int most) {

        int repetitions(SplittableRandom random) {
            return fewest + random.nextInt(most - fewest + 1);
        }
    }

    private static final Quantifier[] QUANTIFIERS = {
            new Quantifier("?", 0, 1), new Quantifier("*", 0, 2), new Quantifier("+", 1, 2), new Quantifier("{0,2}", 0, 2),
            new Quantifier("{1,2}", 1, 2), new Quantifier("{2}", 2, 2), new Quantifier("{1,}", 1, 2),
            new Quantifier("+?", 1, 2), new Quantifier("??", 0, 1), new Quantifier("*+", 0, 2), new Quantifier("?+", 0, 1),
            new Quantifier("{0}", 0, 0), new Quantifier("{0,}", 0, 2), new Quantifier("{2,3}", 2, 3)};

    /** Appends alternatives; returns whether one of them holds a word group that must occur. */
    private static boolean alternation(SplittableRandom random, int depth, StringBuilder regex, StringBuilder sample) {
        int alternatives = 1 + random.nextInt(3);
        int chosen = random.nextInt(alternatives);
        boolean requiredWordGroup = false;
        for (int i = 0; i < alternatives; i++) {
            if (i > 0) {
                regex.append('|');
            }
            StringBuilder own = new StringBuilder();
            requiredWordGroup |= sequence(random, depth, regex, own);
            if (i == chosen) {
                sample.append(own);
            }
        }
        return requiredWordGroup;
    }

    private static boolean sequence(SplittableRandom random, int depth, StringBuilder regex, StringBuilder sample) {
        boolean requiredWordGroup = false;
        for (int n = 1 + random.nextInt(7); n > 0; n--) {
            StringBuilder atom = new StringBuilder();
            StringBuilder once = new StringBuilder();
            int kind = random.nextInt(depth < 2 ? 18 : 16);
            if (kind < 10) {
                String[] letter = LETTERS[random.nextInt(LETTERS.length)];
                atom.append(letter[0]);
                once.append(letter[1 + random.nextInt(letter.length - 1)]);
            }
            else {
                switch (kind) {
                    case 10 -> {
                        atom.append('.');
                        once.append("x中 ".charAt(random.nextInt(3)));
                    }
                    case 11 -> {
                        atom.append(random.nextBoolean() ? "[ab]" : "[k-s]");
                        once.append(random.nextBoolean() ? "a" : "k");
                    }
                    case 12 -> {
                        String[] shorthand = {"\\s", " ", "\\d", "7", "\\w", "w"};
                        int i = 2 * random.nextInt(3);
                        atom.append(shorthand[i]);
                        once.append(shorthand[i + 1]);
                    }
                    case 13 -> atom.append(random.nextBoolean() ? "\\b" : "^");
                    case 14, 15 -> wordGroup(random, atom, once);
                    default -> {
                        atom.append(random.nextBoolean() ? "(" : "(?:");
                        alternation(random, depth + 1, atom, once);
                        atom.append(')');
                    }
                }
            }
            regex.append(atom);
            int times = 1;
            int fewest = 1;
            if (random.nextInt(3) == 0 && kind != 13) {
                Quantifier quantifier = QUANTIFIERS[random.nextInt(QUANTIFIERS.length)];
                regex.append(quantifier.text());
                times = quantifier.repetitions(random);
                fewest = quantifier.fewest();
            }
            requiredWordGroup |= (kind == 14 || kind == 15) && fewest > 0;
            sample.append(once.toString().repeat(times));
        }
        return requiredWordGroup;
    }

    /** A group of words of pattern characters, now and then with an empty alternative or one that is not a word. */
    private static void wordGroup(SplittableRandom random, StringBuilder regex, StringBuilder sample) {
        regex.append(random.nextBoolean() ? "(" : "(?:");
        int alternatives = 1 + random.nextInt(4);
        int chosen = random.nextInt(alternatives);
        for (int i = 0; i < alternatives; i++) {
            if (i > 0) {
                regex.append('|');
            }
            StringBuilder own = new StringBuilder();
            int kind = random.nextInt(12);
            if (kind == 1) {
                regex.append(random.nextBoolean() ? "\\d" : ".");
                own.append('7');
            }
            else if (kind > 1) {
                for (int length = 1 + random.nextInt(4); length > 0; length--) {
                    String[] letter = LETTERS[random.nextInt(LETTERS.length)];
                    regex.append(letter[0]);
                    own.append(letter[1 + random.nextInt(letter.length - 1)]);
                }
            }
            if (i == chosen) {
                sample.append(own);
            }
        }
        regex.append(')');
    }

    private static String noise(SplittableRandom random) {
        String[] noise = {"", "", " ", "x", "中文", "K", "\u212A", "ſ", "AB", "(", "\uD801\uDC28"};
        return noise[random.nextInt(noise.length)];
    }
}
