package io.gatedesk.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.gatedesk.secret.family.KeyFamily;
import io.gatedesk.secret.family.Span;

/**
 * The key families indexed two ways. By the first character of their anchor literal, for the context rules that ask
 * "is there a known key right here?" ({@link #match}). And by a <em>trigger</em>: the one character of each literal
 * that the scan stops at ({@link #triggers()}, {@link #matchTriggered}). The trigger is the literal's rarest character
 * in ordinary text, mostly the {@code -} or {@code _} that ends a prefix ({@code sk-}, {@code gsk_}), else an
 * upper-case or uncommon letter ({@code AKIA} at {@code K}, {@code eyJ} at {@code J}, {@code AIza} at {@code z}), so
 * the scan does not stop at every {@code s}, {@code a} or {@code e} of ordinary words.
 */
final class FamilyIndex {

    /**
     * Characters from rarest to most common in ordinary ticket text: punctuation first, then upper-case letters, digits
     * and lower-case letters, each in reverse order of English letter frequency. A character not listed is rarer than
     * all of them.
     */
    private static final String COMMONNESS = "-_./:"
            + "ZQXJKVzqxjBPYGFWMUCLDRHSNIOATE" + "0123456789" + "kvbpygfwmucldrhsnioate";

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

    /** Per trigger character, the families that stop there, ordered by the trigger's offset in their literal. */
    private final Trigger[][] byTrigger = new Trigger[128][];
    /**
     * Per trigger character, the pairs of characters that stand right before it in some literal, and right after it
     * (for literals that start with their trigger), as 128 × 128 bits: one test rejects almost every {@code -} of
     * {@code gpt-4o} or a date before any literal is compared.
     */
    private final long[][] pairBefore = new long[128][];
    private final long[][] pairAfter = new long[128][];

    /** A family tried where its literal's trigger character stands, {@code offset} characters into the literal. */
    private record Trigger(KeyFamily family, String literal, int offset, SecretKind kind) {
    }

    FamilyIndex(List<KeyFamily> families) {
        List<List<KeyFamily>> grouped = new ArrayList<>();
        List<List<Trigger>> triggered = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            grouped.add(new ArrayList<>());
            triggered.add(new ArrayList<>());
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
            int offset = rarest(prefix);
            char trigger = prefix.charAt(offset);
            triggered.get(trigger).add(new Trigger(family, prefix, offset, SecretKind.valueOf(family.kind())));
            if (pairBefore[trigger] == null) {
                pairBefore[trigger] = new long[128 * 128 / 64];
                pairAfter[trigger] = new long[128 * 128 / 64];
            }
            if (offset > 0) {
                for (int first = 0; first < 128; first++) {
                    if (offset >= 2 && first != prefix.charAt(offset - 2)) {
                        continue;
                    }
                    setPair(pairBefore[trigger], (char) first, prefix.charAt(offset - 1));
                }
            }
            else {
                for (int pair = 0; pair < 128 * 128; pair++) {
                    char one = (char) (pair >> 7);
                    char two = (char) (pair & 127);
                    if ((prefix.length() < 2 || one == prefix.charAt(1)) && (prefix.length() < 3 || two == prefix.charAt(2))) {
                        setPair(pairAfter[trigger], one, two);
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
            if (!triggered.get(c).isEmpty()) {
                // Stable: families at the same start keep their declared order, so the first that fits wins as before
                byTrigger[c] = triggered.get(c).stream().sorted(Comparator.comparingInt(Trigger::offset))
                        .toArray(Trigger[]::new);
            }
        }
    }

    /** Index of the character of {@code literal} least common in ordinary text. */
    private static int rarest(String literal) {
        int best = 0;
        for (int i = 1; i < literal.length(); i++) {
            if (commonness(literal.charAt(i)) < commonness(literal.charAt(best))) {
                best = i;
            }
        }
        return best;
    }

    private static int commonness(char c) {
        return Character.isWhitespace(c) ? Integer.MAX_VALUE : COMMONNESS.indexOf(c);
    }

    private static void setPair(long[] bits, char one, char two) {
        int pair = one << 7 | two;
        bits[pair >> 6] |= 1L << pair;
    }

    /** Non-ASCII characters are read as DEL, which no literal holds and every "any character" includes. */
    private static boolean hasPair(long[] bits, char one, char two) {
        int pair = Math.min(one, 127) << 7 | Math.min(two, 127);
        return (bits[pair >> 6] & (1L << pair)) != 0;
    }

    /** The characters at which some family is tried by {@link #matchTriggered}. */
    List<Character> triggers() {
        List<Character> triggers = new ArrayList<>();
        for (char c = 0; c < 128; c++) {
            if (byTrigger[c] != null) {
                triggers.add(c);
            }
        }
        return triggers;
    }

    /**
     * Every family key whose literal's trigger is the character at {@code at}, added to {@code out}: the first family
     * that fits at each start, as {@link #match} would find it there.
     */
    void matchTriggered(String text, int at, List<Candidate> out) {
        if (!mayMatchTriggered(text, at)) {
            return;
        }
        char trigger = text.charAt(at);
        int matchedOffset = -1;
        for (Trigger candidate : byTrigger[trigger]) {
            int start = at - candidate.offset();
            if (start < 0 || candidate.offset() == matchedOffset || !text.startsWith(candidate.literal(), start)) {
                continue;
            }
            Span span = candidate.family().match(text, start);
            if (span != null) {
                out.add(Candidate.of(text, span, candidate.kind()));
                matchedOffset = candidate.offset();
            }
        }
    }

    /**
     * Whether some family's literal may stand around the trigger at {@code at}, by the two characters before and
     * after it: small enough to be inlined into the scan, which asks it at every trigger.
     */
    boolean mayMatchTriggered(String text, int at) {
        char trigger = text.charAt(at);
        if (trigger >= 128 || byTrigger[trigger] == null) {
            return false;
        }
        return at < 2 || at + 2 >= text.length()
                || hasPair(pairBefore[trigger], text.charAt(at - 2), text.charAt(at - 1))
                || hasPair(pairAfter[trigger], text.charAt(at + 1), text.charAt(at + 2));
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
