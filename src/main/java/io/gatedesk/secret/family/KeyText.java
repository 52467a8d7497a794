package io.gatedesk.secret.family;

import java.util.List;

/** Character classes and placeholder tests shared by the family shapes and the context rules. */
public final class KeyText {

    public static final char ELLIPSIS = '\u2026';

    /** Words that mark a value as a documentation placeholder when a segment of the value starts with them. */
    private static final List<String> PLACEHOLDER_WORDS = List.of(
            "your", "example", "placeholder", "replace", "changeme", "dummy", "insert", "redacted", "sample");

    private static final List<String> GLUED_NAMES = List.of("key", "apikey", "token");

    private KeyText() {
    }

    /** First four and last four characters around the ellipsis: enough to recognise a key, useless to abuse it. */
    public static String mask(String keyChars) {
        return keyChars.substring(0, 4) + ELLIPSIS + keyChars.substring(keyChars.length() - 4);
    }

    /** Documentation placeholders: {@code sk-xxxx…}, {@code sk-your-key-here}, {@code sk-1234567890abcdef…}. */
    public static boolean isPlaceholder(String keyChars) {
        int length = keyChars.length();
        if (keyChars.indexOf("...") >= 0) {
            return true;
        }
        int xs = 0;
        long seen = 0;
        long seenHigh = 0;
        int ascendingRun = 1;
        for (int i = 0; i < length; i++) {
            char c = keyChars.charAt(i);
            if (c == 'x' || c == 'X' || c == '*') {
                xs++;
            }
            if (c < 64) {
                seen |= 1L << c;
            }
            else if (c < 128) {
                seenHigh |= 1L << (c - 64);
            }
            ascendingRun = i > 0 && c == keyChars.charAt(i - 1) + 1 ? ascendingRun + 1 : 1;
            if (ascendingRun >= 8) {
                return true;
            }
        }
        if (xs * 2 >= length || Long.bitCount(seen) + Long.bitCount(seenHigh) <= 4) {
            return true;
        }
        return startsWithPlaceholderWord(keyChars);
    }

    private static boolean startsWithPlaceholderWord(String keyChars) {
        int segmentStart = 0;
        for (int i = 0; i <= keyChars.length(); i++) {
            if (i == keyChars.length() || "-_.".indexOf(keyChars.charAt(i)) >= 0) {
                for (String word : PLACEHOLDER_WORDS) {
                    if (i - segmentStart >= word.length()
                            && keyChars.regionMatches(true, segmentStart, word, 0, word.length())) {
                        return true;
                    }
                }
                segmentStart = i + 1;
            }
        }
        return false;
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    /** Key characters are ASCII only, so a key ends at Chinese text or full-width punctuation. */
    public static boolean isKeyChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '_';
    }

    /** Whether a key may start at {@code start}: not inside a word, or right after a URL-encoded separator. */
    public static boolean startsAtBoundary(CharSequence text, int start) {
        return start == 0 || !isKeyChar(text.charAt(start - 1)) || afterEncodedSeparator(text, start);
    }

    /** {@code %20} (space), {@code %22} and {@code %27} (quotes), {@code %2C}, {@code %3A}, {@code %3D}. */
    private static boolean afterEncodedSeparator(CharSequence text, int start) {
        if (start < 3 || text.charAt(start - 3) != '%') {
            return false;
        }
        char high = text.charAt(start - 2);
        char low = Character.toUpperCase(text.charAt(start - 1));
        return high == '2' && (low == '0' || low == '2' || low == '7' || low == 'C')
                || high == '3' && (low == 'A' || low == 'D');
    }

    /** Whether a key may start at {@code at}: at a boundary, or glued to a name that announces it. */
    public static boolean mayStartKey(CharSequence text, int at) {
        return startsAtBoundary(text, at) || followsGluedName(text, at);
    }

    /**
     * Whether {@code at} follows a name glued to the key without a space, as Chinese text writes English words:
     * {@code 新key} + key, {@code 我的token} + key.
     */
    public static boolean followsGluedName(CharSequence text, int at) {
        for (String name : GLUED_NAMES) {
            int start = at - name.length();
            if (start >= 0 && (start == 0 || !isAsciiLetterOrDigit(text.charAt(start - 1)))
                    && isAsciiIgnoringCase(text, start, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code lowerLetters} (lower-case ASCII letters, digits, space) stands at {@code from} in any case.
     * {@code c | 0x20} folds only ASCII letters, so no Unicode case table is read: the scan asks this at every
     * {@code Be} of a text, where {@code regionMatches(true, …)} cost a few hundred nanoseconds.
     */
    public static boolean isAsciiIgnoringCase(CharSequence text, int from, String lowerLetters) {
        if (from < 0 || from + lowerLetters.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < lowerLetters.length(); i++) {
            char wanted = lowerLetters.charAt(i);
            char c = text.charAt(from + i);
            if (wanted >= 'a' && wanted <= 'z' ? (c | 0x20) != wanted : c != wanted) {
                return false;
            }
        }
        return true;
    }

    public static int skipKeyChars(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && isKeyChar(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
