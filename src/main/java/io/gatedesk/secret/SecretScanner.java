package io.gatedesk.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Finds credentials in free text (tickets, replies, pasted curl commands, JSON, code, gateway logs) and replaces each
 * with its masked identifier: the key's prefix, its first and last four key characters around {@code …}, e.g.
 * {@code sk-abcd…wxyz}.
 *
 * <p>The scan is hand-written instead of one big regular expression: cheap {@code indexOf} passes find anchors
 * ({@code sk-}, {@code gsk_}, {@code eyJ}, {@code Bearer}, {@code =}, {@code :}) and each anchor is parsed with bounded
 * forward scans, so the cost is linear in the text and no input can cause backtracking. Instances hold no state:
 * one instance is shared by Spring, by the logging layer and by tests, from any thread.
 *
 * <p>Masked identifiers are short by construction (at most four visible characters before {@code …}), below every
 * minimum length used here, which is what makes redaction idempotent.
 */
@Component
public final class SecretScanner implements SecretGuard {

    static final char ELLIPSIS = '\u2026';

    /** An {@code sk-} key needs this many characters after {@code sk-}; shorter ones are fragments or examples. */
    private static final int MIN_SK_BODY = 20;
    /** Bearer tokens and assigned values shorter than this are too weak a signal to be worth masking. */
    private static final int MIN_OPAQUE_TOKEN = 16;
    private static final int MAX_QUOTED_VALUE = 1024;
    private static final int MAX_NAME = 64;

    private static final HexFormat HEX = HexFormat.of();

    /** Words that mark a value as a documentation placeholder when a segment of the value starts with them. */
    private static final List<String> PLACEHOLDER_WORDS = List.of(
            "your", "example", "placeholder", "replace", "changeme", "dummy", "insert", "redacted", "sample");

    private static final List<String> SECRET_NAME_ENDINGS = List.of("key", "token", "secret");

    /** Fused spellings (no separator, no camel case) of names that hold credentials. */
    private static final List<String> FUSED_SECRET_NAMES = List.of(
            "apikey", "accesstoken", "authtoken", "secretkey", "accesskey", "privatekey", "sessiontoken",
            "refreshtoken", "idtoken", "bearertoken", "clientsecret", "appsecret", "appkey", "authkey", "masterkey");

    /** Names ending in key/token that by convention hold identifiers, not credentials. */
    private static final List<String> NON_SECRET_NAME_PARTS = List.of(
            "primary", "foreign", "sort", "partition", "cache", "idempotency", "page", "cursor", "public", "hash");

    private static final Set<Integer> HASH_HEX_LENGTHS = Set.of(40, 64, 128);

    public SecretScanner() {
    }

    @Override
    public Redaction redact(String text) {
        if (text == null || text.length() < 8) {
            return Redaction.unchanged(text);
        }
        List<Candidate> candidates = new ArrayList<>();
        scanSkKeys(text, candidates);
        scanGroqKeys(text, candidates);
        scanJwts(text, candidates);
        scanBearer(text, "earer", candidates);
        scanBearer(text, "EARER", candidates);
        scanAssignments(text, '=', candidates);
        scanAssignments(text, ':', candidates);
        scanAssignments(text, '\uFF1A', candidates);
        if (candidates.isEmpty()) {
            return Redaction.unchanged(text);
        }
        return apply(text, candidates);
    }

    /** SHA-256 of the raw secret, lowercase hex: the same digest LiteLLM stores for its keys. */
    static String fingerprint(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", ex);
        }
    }

    private static Redaction apply(String text, List<Candidate> candidates) {
        // Earliest first, and on the same start the longest, so a delegated duplicate or a nested match is skipped.
        candidates.sort(Comparator.comparingInt(Candidate::start).thenComparing(Comparator.comparingInt(Candidate::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        Map<String, SecretFinding> findings = new LinkedHashMap<>();
        int written = 0;
        for (Candidate candidate : candidates) {
            if (candidate.start() < written) {
                continue;
            }
            out.append(text, written, candidate.start()).append(candidate.replacement());
            written = candidate.end();
            String fingerprint = fingerprint(candidate.secret());
            findings.putIfAbsent(fingerprint, new SecretFinding(candidate.kind(), candidate.masked(), fingerprint));
        }
        out.append(text, written, text.length());
        return new Redaction(out.toString(), new ArrayList<>(findings.values()));
    }

    // ---- sk- keys (gateway, OpenAI, Anthropic, OpenRouter) ------------------------------------------------------

    private static void scanSkKeys(String text, List<Candidate> out) {
        for (int i = text.indexOf("sk-"); i >= 0; i = text.indexOf("sk-", i + 3)) {
            addIfFound(out, parseSkKey(text, i));
        }
    }

    private static Candidate parseSkKey(String text, int start) {
        if (!startsAtBoundary(text, start)) {
            return null;
        }
        int bodyStart = start + 3;
        int end = skipKeyChars(text, bodyStart);
        if (end - bodyStart < MIN_SK_BODY) {
            return null;
        }
        String body = text.substring(bodyStart, end);
        String subPrefix = "";
        SecretKind kind = SecretKind.GATEWAY_KEY;
        if (body.startsWith("ant-")) {
            int dash = body.indexOf('-', 4);
            if (dash > 4 && isLettersThenDigits(body, 4, dash)) {
                subPrefix = body.substring(0, dash + 1);
                kind = SecretKind.ANTHROPIC_KEY;
            }
        }
        else if (body.startsWith("or-v1-")) {
            subPrefix = "or-v1-";
            kind = SecretKind.OPENROUTER_KEY;
        }
        else if (body.startsWith("proj-")) {
            subPrefix = "proj-";
            kind = SecretKind.OPENAI_PROJECT_KEY;
        }
        else if (body.startsWith("svcacct-")) {
            subPrefix = "svcacct-";
            kind = SecretKind.OPENAI_SERVICE_ACCOUNT_KEY;
        }
        else if (body.startsWith("admin-")) {
            subPrefix = "admin-";
            kind = SecretKind.OPENAI_ADMIN_KEY;
        }
        else if (body.contains("T3BlbkFJ")) {
            kind = SecretKind.OPENAI_LEGACY_KEY;
        }
        if (body.length() - subPrefix.length() < MIN_SK_BODY) {
            // A custom LiteLLM key such as sk-admin-team-7 is still a key, just not an OpenAI admin key.
            subPrefix = "";
            kind = SecretKind.GATEWAY_KEY;
        }
        int keyEnd = end;
        if (kind == SecretKind.GATEWAY_KEY) {
            keyEnd = bodyStart + channelSuffixStart(body);
        }
        String prefix = "sk-" + subPrefix;
        String keyChars = text.substring(start + prefix.length(), keyEnd);
        if (isPlaceholder(keyChars)) {
            return null;
        }
        String masked = prefix + mask(keyChars);
        return new Candidate(start, keyEnd, kind, text.substring(start, keyEnd), masked, masked);
    }

    /**
     * one-api and new-api accept {@code sk-<48 alnum>-<channel id>} to pin a channel. The suffix is routing, not key:
     * it stays visible so the masked key matches what the gateway prints for the token.
     */
    private static int channelSuffixStart(String body) {
        if (body.length() > 49 && body.length() <= 58 && body.charAt(48) == '-') {
            for (int i = 0; i < 48; i++) {
                if (!isAsciiLetterOrDigit(body.charAt(i))) {
                    return body.length();
                }
            }
            for (int i = 49; i < body.length(); i++) {
                if (!isDigit(body.charAt(i))) {
                    return body.length();
                }
            }
            return 48;
        }
        return body.length();
    }

    // ---- Groq ------------------------------------------------------------------------------------------------------

    private static void scanGroqKeys(String text, List<Candidate> out) {
        for (int i = text.indexOf("gsk_"); i >= 0; i = text.indexOf("gsk_", i + 4)) {
            addIfFound(out, parseGroqKey(text, i));
        }
    }

    private static Candidate parseGroqKey(String text, int start) {
        if (!startsAtBoundary(text, start)) {
            return null;
        }
        int end = skipKeyChars(text, start + 4);
        String keyChars = text.substring(start + 4, end);
        if (keyChars.length() < MIN_SK_BODY || isPlaceholder(keyChars)) {
            return null;
        }
        String masked = "gsk_" + mask(keyChars);
        return new Candidate(start, end, SecretKind.GROQ_KEY, text.substring(start, end), masked, masked);
    }

    // ---- JWT -------------------------------------------------------------------------------------------------------

    private static void scanJwts(String text, List<Candidate> out) {
        for (int i = text.indexOf("eyJ"); i >= 0; i = text.indexOf("eyJ", i + 3)) {
            Candidate jwt = parseJwt(text, i);
            addIfFound(out, jwt);
            if (jwt != null) {
                i = jwt.end() - 3;
            }
        }
    }

    /** Header and payload are base64url JSON objects, so both start with {@code ey} ({@code {"}). */
    private static Candidate parseJwt(String text, int start) {
        if (!startsAtBoundary(text, start) || (start > 0 && text.charAt(start - 1) == '.')) {
            return null;
        }
        int headerEnd = skipKeyChars(text, start);
        if (headerEnd - start < 10 || !charAt(text, headerEnd, '.') || !text.startsWith("ey", headerEnd + 1)) {
            return null;
        }
        int payloadEnd = skipKeyChars(text, headerEnd + 1);
        if (payloadEnd - headerEnd - 1 < 10 || !charAt(text, payloadEnd, '.')) {
            return null;
        }
        int end = skipKeyChars(text, payloadEnd + 1);
        if (end - payloadEnd - 1 < 8) {
            return null;
        }
        String token = text.substring(start, end);
        String masked = "eyJ" + token.substring(3, 7) + ELLIPSIS + token.substring(token.length() - 4);
        return new Candidate(start, end, SecretKind.JWT, token, masked, masked);
    }

    // ---- Bearer ----------------------------------------------------------------------------------------------------

    private static void scanBearer(String text, String tail, List<Candidate> out) {
        for (int i = text.indexOf(tail); i >= 0; i = text.indexOf(tail, i + tail.length())) {
            addIfFound(out, parseBearer(text, i - 1));
        }
    }

    private static Candidate parseBearer(String text, int b) {
        if (b < 0 || (text.charAt(b) != 'B' && text.charAt(b) != 'b')) {
            return null;
        }
        if (b > 0 && isAsciiLetterOrDigit(text.charAt(b - 1))) {
            return null;
        }
        int tokenStart = b + 6;
        while (tokenStart < text.length() && (text.charAt(tokenStart) == ' ' || text.charAt(tokenStart) == '\t')) {
            tokenStart++;
        }
        if (tokenStart == b + 6) {
            return null;
        }
        Candidate known = parseKnownKey(text, tokenStart);
        if (known != null) {
            return known;
        }
        if (startsLikeKnownKey(text, tokenStart)) {
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
        String maskedToken = mask(token);
        return new Candidate(tokenStart, tokenEnd, SecretKind.BEARER_TOKEN, token, maskedToken, "Bearer " + maskedToken);
    }

    // ---- name = value, name: value, "name": "value", ?name=value --------------------------------------------------

    private static void scanAssignments(String text, char separator, List<Candidate> out) {
        for (int i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, i + 1)) {
            addIfFound(out, parseAssignment(text, i));
        }
    }

    private static Candidate parseAssignment(String text, int separator) {
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
        Candidate known = parseKnownKey(text, valueStart);
        if (known != null) {
            return known;
        }
        if (startsLikeKnownKey(text, valueStart)) {
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
        String masked = mask(value);
        return new Candidate(valueStart, valueEnd, inUrl ? SecretKind.URL_QUERY_SECRET : SecretKind.ASSIGNED_SECRET,
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

    // ---- what a credential looks like ------------------------------------------------------------------------------

    /**
     * An opaque value (Bearer token, assigned value) is masked when it is long enough, not a placeholder and random
     * enough: digits mixed with letters, or upper and lower case mixed the way random text mixes them. Identifiers
     * such as {@code process.env.OPENAI_API_KEY}, request IDs and hash fingerprints fail these tests.
     */
    static boolean looksLikeCredential(String value) {
        int length = value.length();
        if (length < MIN_OPAQUE_TOKEN || length > MAX_QUOTED_VALUE || isPlaceholder(value)) {
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
            else if (isDigit(c)) {
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

    /** Documentation placeholders: {@code sk-xxxx…}, {@code sk-your-key-here}, {@code sk-1234567890abcdef…}. */
    static boolean isPlaceholder(String keyChars) {
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

    // ---- small helpers ---------------------------------------------------------------------------------------------

    /** First four and last four characters around the ellipsis: enough to recognise a key, useless to abuse it. */
    static String mask(String keyChars) {
        return keyChars.substring(0, 4) + ELLIPSIS + keyChars.substring(keyChars.length() - 4);
    }

    private static Candidate parseKnownKey(String text, int start) {
        if (text.startsWith("sk-", start)) {
            return parseSkKey(text, start);
        }
        if (text.startsWith("gsk_", start)) {
            return parseGroqKey(text, start);
        }
        if (text.startsWith("eyJ", start)) {
            return parseJwt(text, start);
        }
        return null;
    }

    /** A value that starts like a known key but did not parse as one is a fragment or a placeholder. */
    private static boolean startsLikeKnownKey(String text, int start) {
        return text.startsWith("sk-", start) || text.startsWith("gsk_", start);
    }

    private static void addIfFound(List<Candidate> out, Candidate candidate) {
        if (candidate != null) {
            out.add(candidate);
        }
    }

    private static boolean startsAtBoundary(String text, int start) {
        return start == 0 || !isKeyChar(text.charAt(start - 1));
    }

    private static int skipKeyChars(String text, int from) {
        int i = from;
        while (i < text.length() && isKeyChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLettersThenDigits(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
            i++;
        }
        if (i == from || i == to) {
            return false;
        }
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        return i == to;
    }

    private static boolean allValueChars(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isValueChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean charAt(String text, int index, char expected) {
        return index < text.length() && text.charAt(index) == expected;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    /** Key characters are ASCII only, so a key ends at Chinese text or full-width punctuation. */
    private static boolean isKeyChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isKeyChar(c) || c == '.';
    }

    private static boolean isValueChar(char c) {
        return isKeyChar(c) || c == '.' || c == '+' || c == '/' || c == '=' || c == '~' || c == '%';
    }

    private static boolean isBearerTokenChar(char c) {
        return isKeyChar(c) || c == '.' || c == '+' || c == '/' || c == '=' || c == '~';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isMaskChar(char c) {
        return c == ELLIPSIS || c == '*';
    }

    /** A secret found at {@code [start, end)}, to be replaced by {@code replacement}; {@code masked} is reported. */
    private record Candidate(int start, int end, SecretKind kind, String secret, String replacement, String masked) {
    }
}
