package io.gatedesk.secret;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.gatedesk.secret.family.KeyText;

/**
 * Secrets recognised by where they stand rather than by what they look like: the token after {@code Bearer}, the value
 * of a name that says key, token or secret ({@code name = value}, {@code name: value}, {@code "name": "value"},
 * {@code ?name=value}). A value that is a known family's key is left to that family.
 */
final class ContextRules {

    /** Bearer tokens and assigned values shorter than this are too weak a signal to be worth masking. */
    private static final int MIN_OPAQUE_TOKEN = 16;
    private static final int MAX_QUOTED_VALUE = 1024;
    private static final int MAX_NAME = 64;

    private static final List<String> SECRET_NAME_ENDINGS = List.of("key", "token", "secret");

    /** Fused spellings (no separator, no camel case) of names that hold credentials. */
    private static final List<String> FUSED_SECRET_NAMES = List.of(
            "apikey", "accesstoken", "authtoken", "secretkey", "accesskey", "privatekey", "sessiontoken",
            "refreshtoken", "idtoken", "bearertoken", "clientsecret", "appsecret", "appkey", "authkey", "masterkey");

    /** Names ending in key/token that by convention hold identifiers, not credentials. */
    private static final List<String> NON_SECRET_NAME_PARTS = List.of(
            "primary", "foreign", "sort", "partition", "cache", "idempotency", "page", "cursor", "public", "hash");

    private static final Set<Integer> HASH_HEX_LENGTHS = Set.of(40, 64, 128);

    private final FamilyIndex families;

    ContextRules(FamilyIndex families) {
        this.families = families;
    }

    // ---- Bearer ----------------------------------------------------------------------------------------------------

    /** The token after {@code Bearer} at {@code b}, or {@code null}. */
    Candidate bearer(String text, int b) {
        if (!text.regionMatches(b + 1, "earer", 0, 5) && !text.regionMatches(b + 1, "EARER", 0, 5)) {
            return null;
        }
        if (b > 0 && KeyText.isAsciiLetterOrDigit(text.charAt(b - 1))) {
            return null;
        }
        int tokenStart = b + 6;
        while (tokenStart < text.length() && (text.charAt(tokenStart) == ' ' || text.charAt(tokenStart) == '\t')) {
            tokenStart++;
        }
        if (tokenStart == b + 6 || tokenStart >= text.length()) {
            return null;
        }
        Candidate known = families.match(text, tokenStart);
        if (known != null) {
            return known;
        }
        if (families.startsWithPrefix(text, tokenStart)) {
            return null;
        }
        int tokenEnd = tokenStart;
        while (tokenEnd < text.length() && isBearerTokenChar(text.charAt(tokenEnd))) {
            tokenEnd++;
        }
        while (tokenEnd > tokenStart && text.charAt(tokenEnd - 1) == '.') {
            tokenEnd--;
        }
        String token = text.substring(tokenStart, tokenEnd);
        if (!looksLikeCredential(token)) {
            return null;
        }
        String maskedToken = KeyText.mask(token);
        return Candidate.inContext(tokenStart, tokenEnd, SecretKind.BEARER_TOKEN, token, "Bearer " + maskedToken,
                maskedToken);
    }

    // ---- name = value, name: value, "name": "value", ?name=value --------------------------------------------------

    /** The value assigned at the separator {@code separator} to a secret name, or {@code null}. */
    Candidate assignment(String text, int separator) {
        int nameEnd = separator;
        while (nameEnd > 0 && (text.charAt(nameEnd - 1) == ' ' || text.charAt(nameEnd - 1) == '\t')) {
            nameEnd--;
        }
        if (nameEnd > 0 && isQuote(text.charAt(nameEnd - 1))) {
            nameEnd--;
            if (nameEnd > 0 && text.charAt(nameEnd - 1) == '\\') {
                nameEnd--;
            }
        }
        if (nameEnd == 0) {
            return null;
        }
        // Cheap rejection before any allocation: a secret name ends in key, token or secret.
        char last = Character.toLowerCase(text.charAt(nameEnd - 1));
        if (last != 'y' && last != 'n' && last != 't') {
            return null;
        }
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart < MAX_NAME && isNameChar(text.charAt(nameStart - 1))) {
            nameStart--;
        }
        if (!isSecretName(text.substring(nameStart, nameEnd))) {
            return null;
        }
        int valueStart = separator + 1;
        char sep = text.charAt(separator);
        if (valueStart < text.length() && sep == '=' && text.charAt(valueStart) == '>') {
            valueStart++;
        }
        else if (valueStart < text.length() && (text.charAt(valueStart) == sep)) {
            return null; // == comparisons and :: scopes are code, not assignments
        }
        while (valueStart < text.length() && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
            valueStart++;
        }
        if (valueStart >= text.length()) {
            return null;
        }
        int valueEnd;
        boolean quoted;
        if (isQuote(text.charAt(valueStart)) || text.startsWith("\\\"", valueStart)) {
            String closing = text.charAt(valueStart) == '\\' ? "\\\"" : String.valueOf(text.charAt(valueStart));
            valueStart += closing.length();
            valueEnd = text.indexOf(closing, valueStart);
            if (valueEnd < 0 || valueEnd - valueStart > MAX_QUOTED_VALUE) {
                return null;
            }
            quoted = true;
        }
        else {
            valueEnd = valueStart;
            while (valueEnd < text.length() && isValueChar(text.charAt(valueEnd))) {
                valueEnd++;
            }
            if (valueEnd < text.length() && isMaskChar(text.charAt(valueEnd))) {
                return null; // already masked, e.g. key=abcd…wxyz
            }
            while (valueEnd > valueStart && text.charAt(valueEnd - 1) == '.') {
                valueEnd--;
            }
            quoted = false;
        }
        if (valueStart >= text.length()) {
            return null;
        }
        Candidate known = families.match(text, valueStart);
        if (known != null) {
            return known;
        }
        if (families.startsWithPrefix(text, valueStart)) {
            return null;
        }
        String value = text.substring(valueStart, valueEnd);
        if (quoted && !allValueChars(value)) {
            return null;
        }
        if (!looksLikeCredential(value)) {
            return null;
        }
        boolean inUrl = nameStart > 0 && (text.charAt(nameStart - 1) == '?' || text.charAt(nameStart - 1) == '&');
        String masked = KeyText.mask(value);
        return Candidate.inContext(valueStart, valueEnd, inUrl ? SecretKind.URL_QUERY_SECRET : SecretKind.ASSIGNED_SECRET,
                value, masked, masked);
    }

    static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SECRET_NAME_ENDINGS) {
            if (!lower.endsWith(word)) {
                continue;
            }
            int at = name.length() - word.length();
            boolean separated = at == 0 || "_-.".indexOf(name.charAt(at - 1)) >= 0
                    || (Character.isUpperCase(name.charAt(at)) && Character.isLowerCase(name.charAt(at - 1)));
            boolean fused = FUSED_SECRET_NAMES.stream().anyMatch(lower::endsWith);
            if (!separated && !fused) {
                return false;
            }
            return NON_SECRET_NAME_PARTS.stream().noneMatch(lower::contains);
        }
        return false;
    }

    /**
     * An opaque value (Bearer token, assigned value) is masked when it is long enough, not a placeholder and random
     * enough: digits mixed with letters, or upper and lower case mixed the way random text mixes them. Identifiers
     * such as {@code process.env.OPENAI_API_KEY}, request IDs and hash fingerprints fail these tests.
     */
    static boolean looksLikeCredential(String value) {
        int length = value.length();
        if (length < MIN_OPAQUE_TOKEN || length > MAX_QUOTED_VALUE || KeyText.isPlaceholder(value)) {
            return false;
        }
        int lower = 0;
        int upper = 0;
        int digits = 0;
        boolean hex = true;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower++;
                hex &= c <= 'f';
            }
            else if (c >= 'A' && c <= 'Z') {
                upper++;
                hex = false;
            }
            else if (KeyText.isDigit(c)) {
                digits++;
            }
            else {
                hex = false;
            }
        }
        int letters = lower + upper;
        if (letters == 0) {
            return false;
        }
        if (digits == 0) {
            if (value.indexOf('.') >= 0 || lower == 0 || upper == 0) {
                return false;
            }
            double upperShare = (double) upper / letters;
            return upperShare >= 0.2 && upperShare <= 0.8;
        }
        if (hex && HASH_HEX_LENGTHS.contains(length)) {
            return false; // a SHA-1/256/512 fingerprint (LiteLLM logs key hashes), not a secret
        }
        return !isUuid(value);
    }

    private static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean allValueChars(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isValueChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return KeyText.isKeyChar(c) || c == '.';
    }

    private static boolean isValueChar(char c) {
        return KeyText.isKeyChar(c) || c == '.' || c == '+' || c == '/' || c == '=' || c == '~' || c == '%';
    }

    private static boolean isBearerTokenChar(char c) {
        return KeyText.isKeyChar(c) || c == '.' || c == '+' || c == '/' || c == '=' || c == '~';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isMaskChar(char c) {
        return c == KeyText.ELLIPSIS || c == '*';
    }
}
