package io.gatedesk.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.gatedesk.secret.family.KeyFamily;
import io.gatedesk.secret.family.Span;

/**
 * The key families grouped by the ASCII character at which each is tried, so one pass over a text finds every family:
 * at each character one array lookup says whether any family starts there.
 */
final class FamilyIndex {

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

    FamilyIndex(List<KeyFamily> families) {
        List<List<KeyFamily>> grouped = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            grouped.add(new ArrayList<>());
        }
        for (KeyFamily family : families) {
            char anchor = family.anchor();
            if (anchor >= 128) {
                throw new IllegalArgumentException(family.kind() + ": anchors are ASCII");
            }
            grouped.get(anchor).add(family);
            String prefix = family.anchorLiteral();
            if (prefix.length() >= 2 && prefix.charAt(0) == anchor && prefix.charAt(1) < 128) {
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

    /** Whether some family may start at {@code c} followed by {@code next} (both ASCII). */
    boolean mayStart(char c, char next) {
        if (c >= 128 || byAnchor[c] == null) {
            return false;
        }
        return next < 64 ? (secondLow[c] & (1L << next)) != 0 : next < 128 && (secondHigh[c] & (1L << (next - 64))) != 0;
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
