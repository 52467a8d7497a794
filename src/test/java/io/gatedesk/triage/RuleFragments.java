package io.gatedesk.triage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Texts made of the words the seed rules look for, so that random tickets often come close to a match: pieces of
 * every rule's pattern and the literals the prefilter takes from it, in random case, sometimes full-width, joined
 * with Chinese and noise.
 */
final class RuleFragments {

    private static final List<String> NOISE = List.of("", " ", "\n", ": ", "了", "，", "the ", "请求", "-", "/", "'",
            "😀", "\u212A", "\u017F", "İ", "ς", "(((", "中文", "sk-abc***xyz", "request id: 20250314101530123456789012345678");

    private static final List<String> PIECES = pieces();

    private RuleFragments() {
    }

    /** One to eight pieces with noise between them. */
    static Arbitrary<String> texts() {
        Arbitrary<String> piece = Combinators.combine(Arbitraries.of(PIECES), Arbitraries.of(Case.values()),
                Arbitraries.of(NOISE)).as((p, c, noise) -> c.apply(p) + noise);
        return piece.list().ofMinSize(1).ofMaxSize(8).map(list -> String.join("", list));
    }

    /** The words of the seed rules' patterns and error codes, split at regex syntax, and their literals. */
    private static List<String> pieces() {
        Set<String> pieces = new LinkedHashSet<>();
        for (ClassificationRule rule : SeedRules.rules()) {
            switch (rule.kind()) {
                case STATUS_CODE -> pieces.addAll(rule.statusCodes().stream().map(String::valueOf).toList());
                case ERROR_CODE -> pieces.addAll(rule.errorCodes());
                case MESSAGE_PATTERN, BASE_URL_SYMPTOM -> {
                    for (String part : rule.value().split("[|()?*+{}\\[\\]^$]|\\\\[a-zA-Z]|\\.\\{\\d+,\\d+\\}")) {
                        String plain = part.replace("\\", "");
                        if (!plain.isBlank()) {
                            pieces.add(plain);
                        }
                    }
                    RequiredLiterals.of(ClassificationRule.compile("value", rule.value())).ifPresent(literals -> pieces.addAll(literals.literals()));
                }
            }
        }
        return List.copyOf(pieces);
    }

    enum Case {
        AS_WRITTEN {
            String apply(String s) {
                return s;
            }
        },
        UPPER {
            String apply(String s) {
                return s.toUpperCase(Locale.ROOT);
            }
        },
        TITLE {
            String apply(String s) {
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
            }
        },
        FULL_WIDTH {
            // What a Chinese input method produces; NFKC folds it back to ASCII before the rules look.
            String apply(String s) {
                StringBuilder wide = new StringBuilder(s.length());
                s.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : (char) c));
                return wide.toString();
            }
        },
        LOOKALIKE {
            // Kelvin sign and long s: only NFKC or Unicode case folding bring them back to k and s.
            String apply(String s) {
                return s.replace('k', '\u212A').replace('s', '\u017F');
            }
        };

        abstract String apply(String s);
    }
}
