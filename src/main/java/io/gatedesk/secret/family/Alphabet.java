package io.gatedesk.secret.family;

/**
 * The ASCII characters a key body may contain, as two 64-bit masks so a membership test is one shift and one AND.
 * Keys are ASCII only, which is why a key ends at Chinese text or full-width punctuation.
 */
public record Alphabet(String name, long low, long high) {

    public static final Alphabet DIGITS = of("digits", "0123456789");
    public static final Alphabet HEX = of("hex", "0123456789abcdef");
    public static final Alphabet UPPER_ALNUM = of("upper alnum", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    public static final Alphabet LETTERS = of("letters", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    public static final Alphabet ALNUM = LETTERS.plus("alnum", "0123456789");
    /** Base64url without padding, and the characters of most gateway keys: letters, digits, {@code -} and {@code _}. */
    public static final Alphabet URL_SAFE = ALNUM.plus("url-safe", "-_");
    public static final Alphabet ALNUM_UNDERSCORE = ALNUM.plus("alnum and _", "_");
    public static final Alphabet BASE64 = ALNUM.plus("base64", "+/=");

    public static Alphabet of(String name, String chars) {
        long low = 0;
        long high = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c >= 128) {
                throw new IllegalArgumentException("key alphabets are ASCII: " + c);
            }
            if (c < 64) {
                low |= 1L << c;
            }
            else {
                high |= 1L << (c - 64);
            }
        }
        return new Alphabet(name, low, high);
    }

    public Alphabet plus(String newName, String chars) {
        Alphabet more = of(newName, chars);
        return new Alphabet(newName, low | more.low, high | more.high);
    }

    public boolean contains(char c) {
        if (c < 64) {
            return (low & (1L << c)) != 0;
        }
        return c < 128 && (high & (1L << (c - 64))) != 0;
    }

    /** The end of the run of this alphabet's characters that starts at {@code from}. */
    public int skip(CharSequence text, int from) {
        int i = from;
        int length = text.length();
        while (i < length && contains(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
