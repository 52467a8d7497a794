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

    /**
     * A plain body that mixes letters and digits, for short prefixes that also start ordinary words or host names
     * ({@code app-}, {@code pat_}): a random key almost always mixes them, a name almost never does.
     */
    public static final Shape RANDOM = new Prefixed() {
        @Override
        Span body(String text, int start, int bodyStart, KeyFamily family) {
            Span span = PLAIN_BODY.body(text, start, bodyStart, family);
            return span != null && mixesLettersAndDigits(text, bodyStart, span.end()) ? span : null;
        }
    };

    /**
     * A PEM private key block, also inside JSON with {@code \n} escapes (a GCP service-account file): the base64 body
     * is masked, the BEGIN and END lines stay. https://www.rfc-editor.org/rfc/rfc7468
     */
    public static final Shape PEM_PRIVATE_KEY = new Prefixed() {
        @Override
        Span body(String text, int start, int bodyStart, KeyFamily family) {
            int headerEnd = text.indexOf("-----", bodyStart);
            if (headerEnd < 0 || headerEnd - bodyStart > 40 || !text.startsWith("PRIVATE KEY", headerEnd - 11)) {
                return null;
            }
            int from = skipLineBreaks(text, headerEnd + 5);
            int footer = text.indexOf("-----END", from);
            if (footer < 0 || footer - from > 16_384) {
                return null;
            }
            int to = footer;
            while (to > from && (Character.isWhitespace(text.charAt(to - 1)) || text.startsWith("\\n", to - 2))) {
                to -= Character.isWhitespace(text.charAt(to - 1)) ? 1 : 2;
            }
            int footerEnd = text.indexOf("-----", footer + 8);
            if (footerEnd < 0 || footerEnd - footer > 48 || to - from < family.minLength()) {
                return null;
            }
            return new Span(start, from, to, footerEnd + 5);
        }
    };

    /**
     * Zhipu (BigModel) keys: a 32-hex id, a dot and a 16-character secret. Found at the dot, since their first
     * character is any hex digit. https://open.bigmodel.cn/dev/api/http-call/http-auth
     */
    public static final Shape ID_DOT_SECRET = new Shape() {
        @Override
        public char anchor(KeyFamily family) {
            return '.';
        }

        @Override
        public String anchorLiteral(KeyFamily family) {
            return ".";
        }

        /** The last of the 32 hex digits of the id. */
        @Override
        public boolean mayPrecedeAnchor(char c) {
            return Alphabet.HEX.contains(c);
        }

        /**
         * A letter or digit after the dot; hex digits 2, 8, 16, 24 and 32 characters before it (the digit before it
         * is the scan's pair): in hex-heavy logs one probe alone let 43 k of 93 k dots through.
         */
        @Override
        public boolean mayMatch(char[] chars, int at) {
            return KeyText.isAsciiLetterOrDigit(chars[at + 1]) && Alphabet.HEX.contains(chars[at - 2])
                    && Alphabet.HEX.contains(chars[at - 32]) && Alphabet.HEX.contains(chars[at - 16])
                    && Alphabet.HEX.contains(chars[at - 8]) && Alphabet.HEX.contains(chars[at - 24]);
        }

        @Override
        public Span match(String text, int at, KeyFamily family) {
            int start = at - 32;
            // Every '.' of a text stops here: the hex run is read before the boundary test
            if (start < 0 || at + 1 >= text.length() || !KeyText.isAsciiLetterOrDigit(text.charAt(at + 1))
                    || !Alphabet.HEX.contains(text.charAt(at - 1)) || !Alphabet.HEX.contains(text.charAt(start))
                    || Alphabet.HEX.skip(text, start) != at
                    || !KeyText.mayStartKey(text, start)) {
                return null;
            }
            int end = family.alphabet().skip(text, at + 1);
            if (end < text.length() && KeyText.isKeyChar(text.charAt(end)) || !family.acceptsBody(text, at + 1, end)
                    || !mixesLettersAndDigits(text, at + 1, end)) {
                return null;
            }
            return Span.prefixed(start, start, end);
        }
    };

    /** DeepL free-plan keys: a UUID with {@code :fx}, found at the colon. https://developers.deepl.com/docs/getting-started/auth */
    public static final Shape UUID_FX = new Shape() {
        @Override
        public char anchor(KeyFamily family) {
            return ':';
        }

        @Override
        public String anchorLiteral(KeyFamily family) {
            return ":fx";
        }

        @Override
        public Span match(String text, int at, KeyFamily family) {
            int start = at - 36;
            if (start < 0 || !text.startsWith(":fx", at)
                    || !KeyText.mayStartKey(text, start)
                    || at + 3 < text.length() && KeyText.isKeyChar(text.charAt(at + 3))) {
                return null;
            }
            for (int i = start; i < at; i++) {
                char c = text.charAt(i);
                boolean dash = i - start == 8 || i - start == 13 || i - start == 18 || i - start == 23;
                if (dash ? c != '-' : !Alphabet.HEX.contains(Character.toLowerCase(c))) {
                    return null;
                }
            }
            return Span.prefixed(start, start, at + 3);
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
            if (!text.startsWith(family.prefix(), at)
                    || !KeyText.mayStartKey(text, at)) {
                return null;
            }
            return body(text, at, at + family.prefix().length(), family);
        }

        abstract Span body(String text, int start, int bodyStart, KeyFamily family);
    }

    static boolean mixesLettersAndDigits(String text, int from, int to) {
        boolean letter = false;
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            digit |= KeyText.isDigit(c);
            letter |= Character.isLetter(c);
        }
        return letter && digit;
    }

    private static int skipLineBreaks(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            else if (text.startsWith("\\n", i) || text.startsWith("\\r", i)) {
                i += 2;
            }
            else {
                break;
            }
        }
        return i;
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
