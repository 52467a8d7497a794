package io.gatedesk.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.gatedesk.secret.family.KeyFamily;
import io.gatedesk.secret.family.Span;

/**
 * The key families indexed two ways. By the first character of their anchor literal, for the context rules that ask
 * "is there a known key right here?" ({@link #match}). And by a <em>key pair</em>: the two adjacent characters of each
 * literal that the scan stops at ({@link #triggers()}). The key pair is the literal's rarest pair in ordinary support
 * text ({@code sk} of {@code sk-}, {@code yJ} of {@code eyJ}, {@code Iz} of {@code AIza}, {@code da} of {@code dapi}),
 * so the scan passes the {@code -} of {@code gpt-4o}, the {@code _} of {@code request_id} and the {@code p} of
 * {@code api} without stopping. A literal of one character ({@code .} for Zhipu) pairs with every character its shape
 * allows before it.
 */
final class FamilyIndex {

    /**
     * Characters from rarest to most common in ordinary ticket text: punctuation first, then upper-case letters, digits
     * and lower-case letters, each in reverse order of English letter frequency. A character not listed is rarer than
     * all of them.
     */
    private static final String COMMONNESS = "-_./:"
            + "ZQXJKVzqxjBPYGFWMUCLDRHSNIOATE" + "0123456789" + "kvbpygfwmucldrhsnioate";

    /**
     * Pairs that letter frequency rates rare but gateway tickets are full of: {@code api} in every URL and header,
     * {@code OPENAI}, the dashes of model names ({@code gpt-4o}, {@code o1-mini}, {@code deepseek-chat},
     * {@code gemini-1.5}, {@code claude-3-5}), the hex digits before UUID dashes, {@code new_api_error},
     * {@code request_id}, {@code model_not_found}, {@code example.com}, {@code param}, {@code path}.
     */
    private static final Set<String> COMMON_PAIRS = Set.of("ap", "pi", "ai", "AI", "k-", "i-", "t-", "e-", "o-",
            "a-", "b-", "1-", "4-", "x-", "w_", "t_", "e_", "pa", "at", "xa");

    private final KeyFamily[][] byAnchor = new KeyFamily[128][];
    /** Per anchor, each family's {@link KeyFamily#anchorLiteral()}, compared before the family's shape is asked. */
    private final String[][] literals = new String[128][];
    private final SecretKind[][] kinds = new SecretKind[128][];
    /**
     * Per anchor, the ASCII characters that may follow it (bits 0-127 over two longs), so the common letters that
     * start a prefix ({@code s}, {@code e}, {@code p}) cost one test where no family's second character follows.
     */
    private final long[] secondLow = new long[128];
    private final long[] secondHigh = new long[128];

    private final List<Trigger> triggers = new ArrayList<>();

    /**
     * A family tried where the characters {@code before} and {@code literal[at]} stand side by side: {@code before}
     * is {@code literal[at - 1]}, or for a one-character literal ({@code at == 0}) a character its shape allows
     * right before it.
     */
    record Trigger(KeyFamily family, char[] chars, int at, char before, SecretKind kind) {

        Trigger(KeyFamily family, String literal, int at, char before, SecretKind kind) {
            this(family, literal.toCharArray(), at, before, kind);
        }

        char current() {
            return chars[at];
        }
    }

    FamilyIndex(List<KeyFamily> families) {
        List<List<KeyFamily>> grouped = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            grouped.add(new ArrayList<>());
        }
        for (KeyFamily family : families) {
            char anchor = family.anchor();
            String prefix = family.anchorLiteral();
            if (anchor >= 128 || prefix.isEmpty() || prefix.charAt(0) != anchor
                    || prefix.chars().anyMatch(c -> c >= 128)) {
                throw new IllegalArgumentException(family.kind() + ": anchors are ASCII literals");
            }
            grouped.get(anchor).add(family);
            if (prefix.length() >= 2) {
                char second = prefix.charAt(1);
                if (second < 64) {
                    secondLow[anchor] |= 1L << second;
                }
                else {
                    secondHigh[anchor] |= 1L << (second - 64);
                }
            }
            else {
                secondLow[anchor] = -1L;
                secondHigh[anchor] = -1L;
            }
            SecretKind kind = SecretKind.valueOf(family.kind());
            if (prefix.length() >= 2) {
                int at = rarestPair(shortestLiteralStarting(families, prefix));
                triggers.add(new Trigger(family, prefix, at, prefix.charAt(at - 1), kind));
            }
            else {
                for (char before = 0; before < 128; before++) {
                    if (family.shape().mayPrecedeAnchor(before)) {
                        triggers.add(new Trigger(family, prefix, 0, before, kind));
                    }
                }
            }
        }
        for (int c = 0; c < 128; c++) {
            if (!grouped.get(c).isEmpty()) {
                byAnchor[c] = grouped.get(c).toArray(KeyFamily[]::new);
                literals[c] = Arrays.stream(byAnchor[c]).map(KeyFamily::anchorLiteral).toArray(String[]::new);
                kinds[c] = Arrays.stream(byAnchor[c]).map(family -> SecretKind.valueOf(family.kind()))
                        .toArray(SecretKind[]::new);
            }
        }
    }

    /**
     * The shortest literal of some family that {@code literal} starts with ({@code sk-} for {@code sk-svcacct-}):
     * families whose literals nest are tried at the same pair, so at each start the first declared that fits wins,
     * as {@link #match} finds it.
     */
    private static String shortestLiteralStarting(List<KeyFamily> families, String literal) {
        String shortest = literal;
        for (KeyFamily family : families) {
            String other = family.anchorLiteral();
            if (other.length() >= 2 && other.length() < shortest.length() && literal.startsWith(other)) {
                shortest = other;
            }
        }
        return shortest;
    }

    /**
     * Index of the second character of the pair of {@code literal} least common in ordinary text: not one of
     * {@link #COMMON_PAIRS}, then by the sum of its characters' ranks in {@link #COMMONNESS} (a rough log-frequency: a
     * pair of two uncommon characters, or one with punctuation, is rare).
     */
    static int rarestPair(String literal) {
        int best = 1;
        for (int i = 2; i < literal.length(); i++) {
            if (pairCommonness(literal, i) < pairCommonness(literal, best)) {
                best = i;
            }
        }
        return best;
    }

    private static int pairCommonness(String literal, int at) {
        int one = commonness(literal.charAt(at - 1));
        int two = commonness(literal.charAt(at));
        int common = COMMON_PAIRS.contains(literal.substring(at - 1, at + 1)) ? 1 << 20 : 0;
        return common + one + two;
    }

    private static int commonness(char c) {
        return Character.isWhitespace(c) ? 1000 : COMMONNESS.indexOf(c);
    }

    /**
     * Every family with the pair of characters it is tried at, in declared order; the scan tries them at a stop in
     * this order and takes, at each start, the first that fits.
     */
    List<Trigger> triggers() {
        return triggers;
    }

    /** Whether some family's key may start with {@code c}, as {@link #match} asks. */
    boolean isAnchor(char c) {
        return c < 128 && byAnchor[c] != null;
    }

    /** The first family whose key is at {@code at}, as a candidate, or {@code null}. */
    Candidate match(String text, int at) {
        char c = text.charAt(at);
        if (c >= 128 || byAnchor[c] == null) {
            return null;
        }
        if (at + 1 < text.length()) {
            char next = text.charAt(at + 1);
            boolean mayFollow = next < 64 ? (secondLow[c] & (1L << next)) != 0
                    : next < 128 && (secondHigh[c] & (1L << (next - 64))) != 0;
            if (!mayFollow) {
                return null;
            }
        }
        KeyFamily[] families = byAnchor[c];
        String[] literal = literals[c];
        for (int i = 0; i < families.length; i++) {
            if (!text.startsWith(literal[i], at)) {
                continue;
            }
            Span span = families[i].match(text, at);
            if (span != null) {
                return Candidate.of(text, span, kinds[c][i]);
            }
        }
        return null;
    }
}
