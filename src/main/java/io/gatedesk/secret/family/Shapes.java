package io.gatedesk.secret.family;

/** The ways key bodies are read. Most families are {@link #PLAIN}: a prefix, then a run of the family's alphabet. */
public final class Shapes {

    private Shapes() {
    }

    /** Prefix, then a run of the alphabet of an accepted length that ends where key characters end. */
    public static final Shape PLAIN = new Prefixed() {
        @Override
        Span body(String text, int start, int bodyStart, KeyFamily family) {
            int end = family.alphabet().skip(text, bodyStart);
            if (end < text.length() && KeyText.isKeyChar(text.charAt(end)) || !family.acceptsBody(text, bodyStart, end)) {
                return null;
            }
            return Span.prefixed(start, bodyStart, end);
        }
    };

    /**
     * A version segment after the prefix that stays visible with it: Anthropic's {@code sk-ant-api03-},
     * {@code sk-ant-admin01-} (lower-case letters, digits, a dash).
     */
    public static final Shape VERSIONED = new Prefixed() {
        @Override
        Span body(String text, int start, int bodyStart, KeyFamily family) {
            int letters = bodyStart;
            while (letters < text.length() && text.charAt(letters) >= 'a' && text.charAt(letters) <= 'z') {
                letters++;
            }
            int digits = letters;
            while (digits < text.length() && KeyText.isDigit(text.charAt(digits))) {
                digits++;
            }
            if (letters == bodyStart || digits == letters || digits >= text.length() || text.charAt(digits) != '-') {
                return null;
            }
            return PLAIN_BODY.body(text, start, digits + 1, family);
        }
    };

    /**
     * one-api and new-api accept {@code sk-<48 alnum>-<channel id>} to pin a channel. The suffix is routing, not key:
     * it stays visible so the masked key matches what the gateway prints for the token.
     */
    public static final Shape CHANNEL_SUFFIX = new Prefixed() {
        @Override
        Span body(String text, int start, int bodyStart, KeyFamily family) {
            Span whole = PLAIN_BODY.body(text, start, bodyStart, family);
            if (whole == null) {
                return null;
            }
            int keyEnd = bodyStart + channelSuffixStart(text, bodyStart, whole.end());
            if (keyEnd != whole.end() && KeyText.isPlaceholder(text.substring(bodyStart, keyEnd))) {
                return null;
            }
            return Span.prefixed(start, bodyStart, keyEnd);
        }
    };

    /** A plain body that must contain {@code marker}, as OpenAI's legacy keys contain {@code T3BlbkFJ}. */
    public static Shape containing(String marker) {
        return new Prefixed() {
            @Override
            Span body(String text, int start, int bodyStart, KeyFamily family) {
                Span span = PLAIN_BODY.body(text, start, bodyStart, family);
                return span != null && text.substring(bodyStart, span.end()).contains(marker) ? span : null;
            }
        };
    }

    /**
     * JSON Web Tokens: header and payload are base64url JSON objects, so both start with {@code ey} ({@code {"}), and
     * a signature follows. https://www.rfc-editor.org/rfc/rfc7519
     */
    public static final Shape JWT = new Prefixed() {
        @Override
        Span body(String text, int start, int bodyStart, KeyFamily family) {
            if (start > 0 && text.charAt(start - 1) == '.') {
                return null;
            }
            int headerEnd = KeyText.skipKeyChars(text, start);
            if (headerEnd - start < 10 || !charAt(text, headerEnd, '.') || !text.startsWith("ey", headerEnd + 1)) {
                return null;
            }
            int payloadEnd = KeyText.skipKeyChars(text, headerEnd + 1);
            if (payloadEnd - headerEnd - 1 < 10 || !charAt(text, payloadEnd, '.')) {
                return null;
            }
            int end = KeyText.skipKeyChars(text, payloadEnd + 1);
            if (end - payloadEnd - 1 < 8) {
                return null;
            }
            return Span.prefixed(start, bodyStart, end);
        }
    };

    private static final Prefixed PLAIN_BODY = (Prefixed) PLAIN;

    /** Shapes that start with the family's prefix at a word boundary. */
    private abstract static class Prefixed implements Shape {

        @Override
        public char anchor(KeyFamily family) {
            return family.prefix().charAt(0);
        }

        @Override
        public Span match(String text, int at, KeyFamily family) {
            if (!text.startsWith(family.prefix(), at) || !KeyText.startsAtBoundary(text, at)) {
                return null;
            }
            return body(text, at, at + family.prefix().length(), family);
        }

        abstract Span body(String text, int start, int bodyStart, KeyFamily family);
    }

    private static int channelSuffixStart(String text, int bodyStart, int end) {
        int length = end - bodyStart;
        if (length > 49 && length <= 58 && text.charAt(bodyStart + 48) == '-') {
            for (int i = bodyStart; i < bodyStart + 48; i++) {
                if (!KeyText.isAsciiLetterOrDigit(text.charAt(i))) {
                    return length;
                }
            }
            for (int i = bodyStart + 49; i < end; i++) {
                if (!KeyText.isDigit(text.charAt(i))) {
                    return length;
                }
            }
            return 48;
        }
        return length;
    }

    private static boolean charAt(String text, int index, char expected) {
        return index < text.length() && text.charAt(index) == expected;
    }
}
