package io.gatedesk.secret;

import java.util.Arrays;
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
    private static final int MAX_PREFIX = 32;
    /** Keys' bodies are 32 or more in nearly every format gitleaks lists; ids' (Stripe, Vercel, ULIDs) 24 to 29. */
    private static final int MIN_PREFIXED_BODY = 32;
    /**
     * An issuer's first word has three characters or more ({@code tfp}, {@code rdme}, {@code shippo}); two-letter
     * prefixes ({@code sk}, {@code hf}, {@code fc}) are declared families. A random base64url token starts with a
     * lower-case word of two and a separator far more often (about 1 in 40) than with one of three (about 1 in 300).
     */
    private static final int MIN_PREFIX_WORD = 3;
    /** Longer than a UUID's longest group (12) and a date or model segment: random bodies have one. */
    private static final int MIN_PREFIXED_RUN = 16;
    /** First words of identifiers that share the prefixed shape (lower case). */
    private static final Set<String> ID_PREFIXES = Set.of(
            // OpenAI, Azure OpenAI, Anthropic, OpenRouter, Gemini, LiteLLM and gateway request/response ids
            "chatcmpl", "cmpl", "msg", "req", "request", "resp", "response", "run", "thread", "asst", "step", "file",
            "batch", "ft", "ftjob", "vs", "vsfb", "call", "toolu", "srvtoolu", "fc", "rs", "ws", "sess", "session",
            "org", "proj", "user", "gen", "chat", "conv", "conversation", "modr", "embd", "img", "job", "task",
            "trace", "span", "event", "evt", "id", "uid", "uuid", "ref", "order", "ord", "ticket", "item", "node",
            "compl", "completion", "stream", "exec", "workflow", "wf", "tx", "txn", "trx", "model", "cache",
            // Stripe object ids (secret keys are families of their own)
            "pi", "ch", "cs", "in", "ii", "il", "sub", "si", "prod", "price", "pm", "seti", "cus", "acct", "card",
            "src", "po", "re", "tok", "ba", "btok", "py", "pyr", "dp", "du", "plink", "promo", "coupon", "tr",
            // publishable keys, public by design (Stripe pk_live_, Mapbox pk.)
            "pk",
            // digests and content hashes
            "sha", "sha1", "sha256", "sha384", "sha512", "md5", "crc32", "blake2b", "xxh64", "integrity");
    /** Words of a prefix that say the body is a secret even when it has the shape of a digest. */
    private static final List<String> SECRET_PREFIX_WORDS = List.of("live", "test", "key", "token", "secret", "pat",
            "api", "sk", "auth");
    /** A literal passed to a client's constructor is a key only when it is this long (keys are; model names rarely). */
    private static final int MIN_CALL_ARGUMENT = 20;
    /** What the name of a call that takes a key positionally contains (lower case). */
    private static final List<String> CLIENT_CALLEE_PARTS = List.of("client", "config", "credential", "service",
            "openai", "anthropic", "auth", "api", "llm", "chat", "key", "token", "secret", "sdk", "session");

    private static final List<String> SECRET_NAME_ENDINGS = List.of("key", "token", "secret");

    /** Fused spellings (no separator, no camel case) of names that hold credentials. */
    private static final List<String> FUSED_SECRET_NAMES = List.of(
            "apikey", "accesstoken", "authtoken", "secretkey", "accesskey", "privatekey", "sessiontoken",
            "refreshtoken", "idtoken", "bearertoken", "clientsecret", "appsecret", "appkey", "authkey", "masterkey");

    /** Names ending in key/token that by convention hold identifiers, not credentials. */
    private static final List<String> NON_SECRET_NAME_PARTS = List.of(
            "primary", "foreign", "sort", "partition", "cache", "idempotency", "page", "cursor", "public", "hash");

    private static final Set<Integer> HASH_HEX_LENGTHS = Set.of(40, 64, 128);

    private static final List<String> PASSWORD_NAME_ENDINGS = List.of("password", "passwd", "pass");
    private static final List<String> CHINESE_KEY_NAMES = List.of("密钥", "秘钥", "密匙", "令牌", "私钥");
    private static final List<String> CHINESE_PASSWORD_NAMES = List.of("密码", "口令");
    private static final String CHINESE_NAME_ENDS = "钥匙牌码令";
    /** Every ending of a secret name, lower case, for the cheap test before a name is read. */
    private static final List<String> ENDINGS = List.of("key", "token", "secret", "pass", "password", "passwd",
            "credential", "credentials", "authorization", "secretid");
    /** {@link #ENDINGS} by their last letter, so a separator after {@code content} compares one ending, not ten. */
    private static final String[][] ENDINGS_BY_LAST_LETTER = new String[128][];

    private static final char[] PASS = "pass".toCharArray();
    private static final char[] PASSWD = "passwd".toCharArray();
    private static final char[] PASSWORD = "password".toCharArray();
    /** The same as {@code char[]}, compared on the scan's chunk. */
    private static final char[][][] ENDING_CHARS_BY_LAST_LETTER = new char[128][][];

    static {
        for (char c = 0; c < 128; c++) {
            char letter = c;
            ENDINGS_BY_LAST_LETTER[c] = ENDINGS.stream().filter(e -> e.charAt(e.length() - 1) == letter)
                    .toArray(String[]::new);
            ENDING_CHARS_BY_LAST_LETTER[c] = Arrays.stream(ENDINGS_BY_LAST_LETTER[c]).map(String::toCharArray)
                    .toArray(char[][]::new);
        }
    }

    /** Quotes and brackets a value may stand in, in both scripts; {@code CLOSERS} holds each one's closing pair. */
    private static final String OPENERS = "\"'`\u201C\u2018\u300C\u300E\u300A\uFF08(\u3010[\uFF02\uFF07";
    private static final String CLOSERS = "\"'`\u201D\u2019\u300D\u300F\u300B\uFF09)\u3011]\uFF02\uFF07";

    /** The ASCII characters of {@link #OPENERS} and {@link #CLOSERS}, looked up instead of searched. */
    private static final boolean[] ASCII_OPENERS = asciiTable(OPENERS);
    private static final boolean[] ASCII_CLOSERS = asciiTable(CLOSERS);

    private final FamilyIndex families;

    ContextRules(FamilyIndex families) {
        this.families = families;
    }

    // ---- Bearer ----------------------------------------------------------------------------------------------------

    /**
     * The token after {@code Bearer} at {@code b}, or {@code null}. Between the two may stand what code and encodings
     * put there: spaces, {@code %20}, {@code +}, and quotes with a {@code +} ({@code "Bearer " + "token"}).
     */
    Candidate bearer(String text, int b) {
        if (b + 6 >= text.length() || (text.charAt(b + 1) | 0x20) != 'e' || !KeyText.isAsciiIgnoringCase(text, b, "bearer") || b > 0 && KeyText.isAsciiLetterOrDigit(text.charAt(b - 1))) {
            return null;
        }
        int tokenStart = b + 6;
        while (tokenStart < text.length() && tokenStart - b < 14) {
            char c = text.charAt(tokenStart);
            if (c == ' ' || c == '\t' || c == '+' || isQuote(c)) {
                tokenStart++;
            }
            else if (text.startsWith("%20", tokenStart)) {
                tokenStart += 3;
            }
            else {
                break;
            }
        }
        if (tokenStart == b + 6 || tokenStart >= text.length()) {
            return null;
        }
        Candidate known = families.match(text, tokenStart);
        if (known != null) {
            return known;
        }
        int tokenEnd = tokenStart;
        while (tokenEnd < text.length() && isBearerTokenChar(text.charAt(tokenEnd))) {
            tokenEnd++;
        }
        while (tokenEnd > tokenStart && text.charAt(tokenEnd - 1) == '.') {
            tokenEnd--;
        }
        if (tokenEnd < text.length() && isMaskChar(text.charAt(tokenEnd))) {
            return null;
        }
        String token = text.substring(tokenStart, tokenEnd);
        if (!looksLikeCredential(token, false, true)) {
            return null;
        }
        String maskedToken = KeyText.mask(token);
        return Candidate.inContext(tokenStart, tokenEnd, SecretKind.BEARER_TOKEN, token, "Bearer " + maskedToken,
                maskedToken);
    }

    // ---- name = value, name: value, "name": "value", ?name=value, 密钥：value, --api-key value ----------------------

    /** The value assigned at the separator {@code separator} to a secret name, or {@code null}. */
    Candidate assignment(String text, int separator) {
        char sep = text.charAt(separator);
        int beforeSeparator = skipBackBlanks(text, separator);
        if (sep == '(' && !opensWithQuote(text, separator + 1)
                || sep == ',' && (beforeSeparator == 0 || !isClosingWrapper(text.charAt(beforeSeparator - 1)))) {
            return null; // apiKey("v") only counts with a quoted value, f("name", "v") with a quoted name
        }
        int nameEnd = beforeSeparator;
        if (nameEnd > 0 && text.charAt(nameEnd - 1) == ']') {
            // "AWS Secret Access Key [None]:" as aws configure prints it
            int open = lastIndexWithin(text, '[', nameEnd - 1, 16);
            if (open >= 0 && !isQuote(text.charAt(open + 1))) {
                nameEnd = skipBackBlanks(text, open);
            }
        }
        for (int wrappers = 0; wrappers < 2 && nameEnd > 0 && isClosingWrapper(text.charAt(nameEnd - 1)); wrappers++) {
            nameEnd--;
            if (nameEnd > 0 && text.charAt(nameEnd - 1) == '\\') {
                nameEnd--;
            }
        }
        if (nameEnd == 0) {
            return null;
        }
        char last = text.charAt(nameEnd - 1);
        NameClass name = last < 128 ? NameClass.NONE : chineseName(text, nameEnd);
        int nameStart = nameEnd;
        if (name == NameClass.NONE) {
            // Cheap rejection before any allocation: a secret name ends in key, token, secret, password, credential
            if (last >= 128 || ENDINGS_BY_LAST_LETTER[last | 0x20].length == 0 || !mayEndSecretName(text, nameEnd)) {
                return null;
            }
            while (nameStart > 0 && nameEnd - nameStart < MAX_NAME && isNameChar(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            name = classify(text.substring(nameStart, nameEnd));
            if (name == NameClass.NONE) {
                return null;
            }
        }
        int valueStart = separator + 1;
        if (sep == ',' && !opensWithQuote(text, valueStart)) {
            return null;
        }
        if (valueStart < text.length() && sep == '=' && text.charAt(valueStart) == '>') {
            valueStart++;
        }
        else if (valueStart < text.length() && (text.charAt(valueStart) == sep)) {
            return null; // == comparisons and :: scopes are code, not assignments
        }
        boolean inUrl = nameStart > 0 && (text.charAt(nameStart - 1) == '?' || text.charAt(nameStart - 1) == '&');
        // LiteLLM's spend logs hold the SHA-256 of the key in a field named api_key
        boolean jsonField = nameEnd < separator && text.charAt(nameEnd) == '"'
                && text.regionMatches(nameStart, "api_key", 0, nameEnd - nameStart) && nameEnd - nameStart == 7;
        return value(text, valueStart, name, inUrl, jsonField);
    }

    private static boolean opensWithQuote(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && (isQuote(text.charAt(i)) || text.startsWith("\\\"", i));
    }

    /** {@code --api-key VALUE} (a flag followed by a space; {@code --api-key=VALUE} is an assignment). */
    Candidate flag(String text, int dash) {
        if (!text.startsWith("--", dash) && !text.startsWith("-u ", dash) || dash > 0 && !Character.isWhitespace(text.charAt(dash - 1))) {
            return null;
        }
        int nameStart = text.charAt(dash + 1) == '-' ? dash + 2 : dash + 1;
        int nameEnd = KeyText.skipKeyChars(text, nameStart);
        if (nameEnd >= text.length() || text.charAt(nameEnd) != ' ') {
            return null;
        }
        String flagName = text.substring(nameStart, nameEnd);
        if (flagName.equals("u") || flagName.equals("user")) {
            return userinfo(text, nameEnd + 1, text.length());
        }
        NameClass name = classify(flagName);
        return name == NameClass.NONE ? null : value(text, nameEnd + 1, name, false, false);
    }

    /** {@code scheme://user:password@host}: the password, or a token standing alone as the user. */
    Candidate urlUserinfo(String text, int at) {
        int from = Math.max(0, at - MAX_QUOTED_VALUE);
        int i = at - 1;
        while (i >= from && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '/' && text.charAt(i) != '@') {
            i--;
        }
        if (i < 2 || text.charAt(i) != '/' || text.charAt(i - 1) != '/' || text.charAt(i - 2) != ':') {
            return null;
        }
        return userinfo(text, i + 1, at);
    }

    private Candidate userinfo(String text, int start, int limit) {
        int colon = start;
        while (colon < limit && isUserChar(text.charAt(colon))) {
            colon++;
        }
        if (colon >= limit || text.charAt(colon) != ':') {
            return null;
        }
        int end = colon + 1;
        while (end < limit && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '@'
                && text.charAt(end) != '"' && text.charAt(end) != '\'') {
            end++;
        }
        if (limit < text.length() && end != limit) {
            return null;
        }
        String password = text.substring(colon + 1, end);
        if (!looksLikePassword(password)) {
            return null;
        }
        String masked = maskAny(password);
        return Candidate.inContext(colon + 1, end, SecretKind.URL_PASSWORD, password, masked, masked);
    }

    /** What follows a secret name and its separator. */
    private Candidate value(String text, int from, NameClass name, boolean inUrl, boolean jsonField) {
        int valueStart = from;
        boolean newLine = false;
        while (valueStart < text.length() && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t'
                || !newLine && (newLine = text.charAt(valueStart) == '\n') || text.charAt(valueStart) == '\r')) {
            valueStart++;
        }
        char opener = 0;
        for (int wrappers = 0; wrappers < 2 && valueStart < text.length(); wrappers++) {
            if (text.startsWith("\\\"", valueStart)) {
                opener = '"';
                valueStart += 2;
            }
            else if (isOpeningWrapper(text.charAt(valueStart))) {
                opener = text.charAt(valueStart);
                valueStart++;
            }
            else {
                break;
            }
        }
        if (valueStart >= text.length()) {
            return null;
        }
        if (name == NameClass.PASSWORD) {
            return password(text, valueStart, opener);
        }
        if (KeyText.isAsciiIgnoringCase(text, valueStart, "basic ")) {
            return basic(text, valueStart + 6);
        }
        if (KeyText.isAsciiIgnoringCase(text, valueStart, "bearer")) {
            return null; // the Bearer rule reads it
        }
        int scheme = schemeWordEnd(text, valueStart);
        if (scheme > 0) {
            // Authorization: Token …, "Authorization": "Bot …", Authorization: Key <id>:<secret>, SSWS …, Api-Key …
            Candidate token = opaqueAt(text, scheme + 1, (char) 0);
            if (token != null) {
                return token;
            }
        }
        int valueEnd = valueStart;
        while (valueEnd < text.length() && isValueChar(text.charAt(valueEnd))) {
            valueEnd++;
        }
        if (valueEnd + 1 < text.length() && text.charAt(valueEnd) == ':' && isValueChar(text.charAt(valueEnd + 1))) {
            // <id>:<secret> as one value (Telegram's 123456789:AA…, fal's <uuid>:<hex>): one colon, not a YAML key
            valueEnd++;
            while (valueEnd < text.length() && isValueChar(text.charAt(valueEnd))) {
                valueEnd++;
            }
        }
        if (valueEnd < text.length() && isMaskChar(text.charAt(valueEnd))) {
            return null; // already masked, e.g. key=abcd…wxyz
        }
        while (valueEnd > valueStart && text.charAt(valueEnd - 1) == '.') {
            valueEnd--;
        }
        if (isQuote(opener)) {
            Candidate joined = joinedAcrossLineBreak(text, valueStart, valueEnd, opener);
            if (joined != null) {
                return joined;
            }
        }
        Candidate known = families.match(text, valueStart);
        if (known != null) {
            return known;
        }
        if (jsonField && isDigest(text, valueStart, valueEnd)) {
            return null; // what looksLikeCredential says of it, without copying 10 000 digests of a LiteLLM log
        }
        String value = text.substring(valueStart, valueEnd);
        if (!looksLikeCredential(value, jsonField, false)) {
            return null;
        }
        String masked = KeyText.mask(value);
        return Candidate.inContext(valueStart, valueEnd, inUrl ? SecretKind.URL_QUERY_SECRET : SecretKind.ASSIGNED_SECRET,
                value, masked, masked);
    }

    /**
     * The end of an HTTP authentication scheme at {@code from} (a word of letters and {@code -}, then one space and
     * the start of a token), or -1. Only {@code Bearer} and {@code Basic} have rules of their own; APIs use many
     * others: {@code Token} (Replicate, Django REST), {@code Key} (fal), {@code Bot} (Discord), {@code SSWS} (Okta),
     * {@code Api-Key}, {@code DeepL-Auth-Key}.
     */
    private static int schemeWordEnd(String text, int from) {
        int end = from;
        while (end < text.length() && end - from <= 24
                && (isAsciiLetter(text.charAt(end)) || end > from && text.charAt(end) == '-')) {
            end++;
        }
        return end - from >= 2 && end - from <= 24 && end + 1 < text.length() && text.charAt(end) == ' '
                && isBearerTokenChar(text.charAt(end + 1)) ? end : -1;
    }

    /**
     * A credential-like token starting at {@code from}: a known family's key, or an opaque token (what the Bearer
     * rule accepts, {@code <id>:<secret>} pairs included) of at least {@code minLength} characters; with
     * {@code closer} not 0, only when the token runs to that character (a whole quoted literal).
     */
    private Candidate opaqueAt(String text, int from, char closer) {
        Candidate known = families.match(text, from);
        if (known != null) {
            return known;
        }
        int end = from;
        while (end < text.length() && (isBearerTokenChar(text.charAt(end)) || text.charAt(end) == ':')) {
            end++;
        }
        while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':')) {
            end--;
        }
        if (closer != 0 && (end >= text.length() || text.charAt(end) != closer)
                || end < text.length() && isMaskChar(text.charAt(end))) {
            return null;
        }
        String token = text.substring(from, end);
        if (closer != 0 && token.length() < MIN_CALL_ARGUMENT || !looksLikeCredential(token, false, true)) {
            return null;
        }
        String masked = KeyText.mask(token);
        return Candidate.inContext(from, end, SecretKind.ASSIGNED_SECRET, token, masked, masked);
    }

    // ---- issuer_prefix_<random>: the shape of most keys issued since 2021, whatever the issuer ---------------------

    /**
     * A token of an issuer no family declares, recognised by the shape most issuers have adopted since GitHub's
     * 2021 token format (and gitleaks lists by the hundred): a short prefix of one to three words joined by
     * {@code _} or {@code -} ({@code shippo_live_}, {@code tfp_}, {@code rdme_}, {@code p8e-}), then a random body of
     * at least {@link #MIN_PREFIXED_BODY} characters with a run of at least {@link #MIN_PREFIXED_RUN} without a
     * separator. {@code separator} is the position of a {@code _} or {@code -} right after a letter or digit.
     * Identifiers share the shape, so the first word must not be one of {@link #ID_PREFIXES} (the ids of OpenAI,
     * Anthropic, Stripe, OpenRouter, tracing), UUIDs and model names never have the long run, and a hash-length hex
     * body counts only when the prefix says live, test, key, token, secret or pat.
     */
    Candidate prefixedToken(String text, int separator) {
        int start = separator;
        while (start > 0 && separator - start < MAX_PREFIX && KeyText.isKeyChar(text.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && (KeyText.isKeyChar(text.charAt(start - 1)) || text.charAt(start - 1) == '.'
                || text.charAt(start - 1) == '/') || !isAsciiLetter(text.charAt(start))
                || separator - start < MIN_PREFIX_WORD) {
            // inside a longer word, a dotted name or a URL path (GateDesk's own /t/<token> follow links, random
            // base64url), not starting with a letter, or a first word too short to tell from random text
            return null;
        }
        int end = separator;
        while (end < text.length() && KeyText.isKeyChar(text.charAt(end))) {
            end++;
        }
        // The prefix: up to three short words before the body; the body: the rest, with one long run
        int bodyStart = -1;
        int words = 0;
        int wordStart = start;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '_' || c == '-') {
                int length = i - wordStart;
                if (length == 0 || length > 10 || ++words > 3) {
                    break;
                }
                if (words == 1 && ID_PREFIXES.contains(text.substring(wordStart, i).toLowerCase(Locale.ROOT))) {
                    return null;
                }
                bodyStart = i + 1;
                wordStart = i + 1;
            }
            else if (i - wordStart >= MIN_PREFIXED_RUN) {
                break; // a long run: the body has begun
            }
        }
        if (bodyStart < 0 || end - bodyStart < MIN_PREFIXED_BODY || longestRun(text, bodyStart, end) < MIN_PREFIXED_RUN
                || end < text.length() && isMaskChar(text.charAt(end))) {
            return null;
        }
        for (int i = start; i < bodyStart; i++) {
            if (families.match(text, i) != null) {
                return null; // a declared family's key (also glued to a word: key…sk-…): its own rule reads it
            }
        }
        String prefix = text.substring(start, bodyStart);
        String body = text.substring(bodyStart, end);
        boolean prefixSaysSecret = containsAny(prefix.toLowerCase(Locale.ROOT), SECRET_PREFIX_WORDS);
        if (!looksLikeCredential(body, !prefixSaysSecret, false)) {
            return null;
        }
        String token = text.substring(start, end);
        String masked = prefix + KeyText.mask(body);
        return Candidate.inContext(start, end, SecretKind.PREFIXED_TOKEN, token, masked, masked);
    }

    private static int longestRun(String text, int from, int to) {
        int longest = 0;
        int run = 0;
        for (int i = from; i < to; i++) {
            run = text.charAt(i) == '_' || text.charAt(i) == '-' ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    // ---- OpenAiService("…"), openai.DefaultConfig("…"), OpenAI::client('…'), AzureKeyCredential("…") --------------

    /**
     * A random string literal passed first to a call whose name says client, configuration, credential or an API
     * (SDK constructors take the key positionally: Java's {@code new OpenAiService(key)}, Go's
     * {@code openai.DefaultConfig(key)}, PHP's {@code OpenAI::client(key)}, .NET's {@code AzureKeyCredential(key)}),
     * or {@code null}. Only a whole quoted literal of at least {@link #MIN_CALL_ARGUMENT} characters that mixes
     * character classes the way random text does counts: model names, URLs and words do not.
     */
    Candidate callArgument(String text, int paren) {
        int nameStart = paren;
        while (nameStart > 0 && paren - nameStart < MAX_NAME && isCalleeChar(text.charAt(nameStart - 1))) {
            nameStart--;
        }
        if (nameStart == paren || !containsAny(text.substring(nameStart, paren).toLowerCase(Locale.ROOT),
                CLIENT_CALLEE_PARTS)) {
            return null;
        }
        int quote = paren + 1;
        while (quote < text.length() && text.charAt(quote) == ' ') {
            quote++;
        }
        if (quote + 1 >= text.length() || !isQuote(text.charAt(quote))) {
            return null;
        }
        Candidate found = opaqueAt(text, quote + 1, text.charAt(quote));
        return found == null || found.byContext() && isSlug(found.secret()) ? null : found;
    }

    /** Words joined by hyphens, none longer than eight: a model or resource name ({@code gpt-4o-2024-08-06}). */
    private static boolean isSlug(String value) {
        if (value.indexOf('-') < 0) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            run = value.charAt(i) == '-' ? 0 : run + 1;
            if (run > 8) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The callee's last segment only: {@code client.files.retrieve("file-…")} is a lookup on a client, not one. */
    private static boolean isCalleeChar(char c) {
        return KeyText.isKeyChar(c) && c != '-';
    }

    /** A JSON string value a line break cut in two (a key wrapped by an editor or a mail client). */
    private Candidate joinedAcrossLineBreak(String text, int valueStart, int firstEnd, char opener) {
        int next = firstEnd;
        boolean broke = false;
        while (next < text.length() && next - firstEnd < 32) {
            char c = text.charAt(next);
            if (c == '\n' || c == '\r') {
                broke = true;
                next++;
            }
            else if (c == ' ' || c == '\t') {
                next++;
            }
            else if (text.startsWith("\\n", next) || text.startsWith("\\r", next)) {
                broke = true;
                next += 2;
            }
            else {
                break;
            }
        }
        if (!broke) {
            return null;
        }
        int secondEnd = next;
        char closer = closerOf(opener);
        while (secondEnd < text.length() && secondEnd - next < MAX_QUOTED_VALUE && text.charAt(secondEnd) != closer
                && text.charAt(secondEnd) > ' ' && text.charAt(secondEnd) < 127) {
            secondEnd++;
        }
        if (secondEnd == next || secondEnd >= text.length() || text.charAt(secondEnd) != closer) {
            return null;
        }
        String joined = text.substring(valueStart, firstEnd) + text.substring(next, secondEnd);
        Candidate known = families.match(joined, 0);
        if (known != null && known.end() == joined.length()) {
            return new Candidate(valueStart, secondEnd, known.kind(), joined, known.masked(), known.masked(), true);
        }
        if (!looksLikeCredential(joined, false, false)) {
            return null;
        }
        String masked = KeyText.mask(joined);
        return Candidate.inContext(valueStart, secondEnd, SecretKind.ASSIGNED_SECRET, joined, masked, masked);
    }

    private Candidate password(String text, int valueStart, char opener) {
        char closer = closerOf(opener);
        int end = valueStart;
        while (end < text.length() && end - valueStart <= MAX_QUOTED_VALUE) {
            char c = text.charAt(end);
            if (opener != 0 ? c == closer || c == '\n' : Character.isWhitespace(c) || ",;&\"'`)}]".indexOf(c) >= 0 || c > 127) {
                break;
            }
            end++;
        }
        if (end < text.length() && isMaskChar(text.charAt(end))) {
            return null;
        }
        String password = text.substring(valueStart, end);
        if (!looksLikePassword(password)) {
            return null;
        }
        String masked = maskAny(password);
        return Candidate.inContext(valueStart, end, SecretKind.ASSIGNED_SECRET, password, masked, masked);
    }

    private Candidate basic(String text, int from) {
        int start = from;
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < text.length() && isBearerTokenChar(text.charAt(end))) {
            end++;
        }
        String credentials = text.substring(start, end);
        if (credentials.length() < 8 || KeyText.isPlaceholder(credentials)) {
            return null;
        }
        String masked = KeyText.mask(credentials);
        return Candidate.inContext(start, end, SecretKind.BASIC_AUTH, credentials, "Basic " + masked, masked);
    }

    /** A Chinese secret name right before the separator ({@code 密钥：}, {@code 令牌是}). */
    private static NameClass chineseName(String text, int nameEnd) {
        if (nameEnd == 0 || CHINESE_NAME_ENDS.indexOf(text.charAt(nameEnd - 1)) < 0) {
            return NameClass.NONE;
        }
        for (String word : CHINESE_KEY_NAMES) {
            if (nameEnd >= word.length() && text.startsWith(word, nameEnd - word.length())) {
                return NameClass.KEY;
            }
        }
        for (String word : CHINESE_PASSWORD_NAMES) {
            if (nameEnd >= word.length() && text.startsWith(word, nameEnd - word.length())) {
                return NameClass.PASSWORD;
            }
        }
        return NameClass.NONE;
    }

    /**
     * Whether a secret name may end right before {@code at} in {@code chars} (a separator, {@code 是} or {@code 为}),
     * past up to two closing wrappers as {@link #assignment} reads them: when not, neither {@link #assignment} nor
     * {@link #copula} would find anything there. The scan asks this on its chunk at every {@code ":} of JSON, so it
     * reads a few characters and allocates nothing; {@code chars} holds the 20 characters before {@code at}, with
     * {@code \0} before the start of the text.
     */
    static boolean mayFollowSecretName(char[] chars, int at) {
        char last = chars[at - 1];
        if (last == ' ' || last == '\t' || last == ']') {
            return true;
        }
        int nameEnd = at;
        for (int wrappers = 0; wrappers < 2 && isClosingWrapper(last); wrappers++) {
            nameEnd--;
            if (chars[nameEnd - 1] == '\\') {
                nameEnd--;
            }
            last = chars[nameEnd - 1];
        }
        return last < 128 ? mayEndSecretName(chars, nameEnd) : CHINESE_NAME_ENDS.indexOf(last) >= 0;
    }

    /**
     * Whether {@code c} may stand right before a separator, {@code 是} or {@code 为} where {@link #mayFollowSecretName}
     * holds: a blank, a closing wrapper, the last letter of a secret name in either script. The scan stops at a
     * separator only after one of these.
     */
    static boolean mayStandBeforeSeparator(char c) {
        return c == ' ' || c == '\t' || c == ']' || isClosingWrapper(c)
                || (c < 128 ? ENDINGS_BY_LAST_LETTER[c | 0x20].length > 0 : CHINESE_NAME_ENDS.indexOf(c) >= 0);
    }

    /**
     * Whether a quoted value may open at {@code from} (after spaces), as {@link #assignment} requires after {@code (}
     * and {@code ,}. Spaces that run to the end of {@code chars} count as a yes: the rule reads the text itself.
     */
    static boolean mayOpenQuotedValue(char[] chars, int from) {
        int i = from;
        while (i < chars.length - 1 && chars[i] == ' ') {
            i++;
        }
        return i >= chars.length - 1 || isQuote(chars[i]) || chars[i] == '\\' && chars[i + 1] == '"';
    }

    /**
     * Whether {@link #assignment} at {@code separator} (= {@code chars[at]}, = {@code text[at + offset]}) surely finds
     * nothing, for the two shapes of gateway text too frequent to ask it each time: a header whose value is a Bearer
     * token ({@code Authorization: Bearer …}: the Bearer rule reads it) and LiteLLM's {@code "api_key":"<sha256>"} (a
     * digest, see {@link #looksLikeCredential}), 10 000 of each in the benchmark's 10 MB. Each test below retraces
     * what {@link #assignment} and {@link #value} would read, on the chunk; anything else is left to them.
     */
    boolean leavesNothingToAssign(String text, char[] chars, int at, int offset) {
        if (chars[at] != ':') {
            return false;
        }
        char last = chars[at - 1];
        if (last >= 'A' && last <= 'Z' || last >= 'a' && last <= 'z') {
            // Authorization: Bearer … : a name with no wrapper, not a password name, then blanks and "Bearer"
            int value = at + 1;
            while (value < chars.length - 7 && (chars[value] == ' ' || chars[value] == '\t')) {
                value++;
            }
            return value < chars.length - 7 && (chars[value] | 0x20) == 'b' && (chars[value + 1] | 0x20) == 'e'
                    && (chars[value + 2] | 0x20) == 'a' && (chars[value + 3] | 0x20) == 'r'
                    && (chars[value + 4] | 0x20) == 'e' && (chars[value + 5] | 0x20) == 'r'
                    && !endsWithLetters(chars, at, PASS) && !endsWithLetters(chars, at, PASSWD)
                    && !endsWithLetters(chars, at, PASSWORD);
        }
        // "api_key": "<digest>": exactly that JSON name, blanks, a quote, a hash-length hex run, a quote
        if (last != '"' || !endsWith(chars, at - 1, "api_key") || isNameChar(chars[at - 9])) {
            return false;
        }
        int value = at + 1;
        while (value < chars.length - 1 && chars[value] == ' ') {
            value++;
        }
        if (chars[value] != '"') {
            return false;
        }
        int start = value + 1;
        int end = start;
        int kinds = 0;
        while (end < chars.length - 1 && chars[end] < 128 && CHARACTER_CLASS[chars[end]] != 0
                && (CHARACTER_CLASS[chars[end]] & NOT_HEX) == 0) {
            kinds |= CHARACTER_CLASS[chars[end]];
            end++;
        }
        return chars[end] == '"' && kinds == (LOWER | DIGIT) && HASH_HEX_LENGTHS.contains(end - start)
                && families.match(text, offset + start) == null;
    }

    private static boolean endsWith(char[] chars, int end, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (chars[end - word.length() + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@link #bearer} may find a token at {@code b}: {@code Bearer} in any case, not inside a word, then what
     * {@link #bearer} skips and a character a token or a known key can start with (not the {@code $} of
     * {@code Bearer $OPENAI_API_KEY}, which every pasted curl command holds).
     */
    boolean mayStartBearer(char[] chars, int b) {
        if (KeyText.isAsciiLetterOrDigit(chars[b - 1]) || (chars[b + 2] | 0x20) != 'a' || (chars[b + 3] | 0x20) != 'r'
                || (chars[b + 4] | 0x20) != 'e' || (chars[b + 5] | 0x20) != 'r') {
            return false;
        }
        int tokenStart = b + 6;
        while (tokenStart - b < 14) {
            char c = chars[tokenStart];
            if (c == ' ' || c == '\t' || c == '+' || isQuote(c)) {
                tokenStart++;
            }
            else if (c == '%' && chars[tokenStart + 1] == '2' && chars[tokenStart + 2] == '0') {
                tokenStart += 3;
            }
            else {
                break;
            }
        }
        char first = chars[tokenStart];
        return tokenStart > b + 6 && (isBearerTokenChar(first) || families.isAnchor(first));
    }

    /** Whether {@link #flag} may read a flag at {@code dash}: {@code --} or {@code -u }, after a blank. */
    static boolean mayStartFlag(char[] chars, int dash, boolean atTextStart) {
        return (atTextStart || Character.isWhitespace(chars[dash - 1]))
                && (chars[dash + 1] == '-' || chars[dash + 2] == ' ');
    }

    /** The name before {@code 是} or {@code 为} (is), which only separates a name from a value after a secret name. */
    Candidate copula(String text, int at) {
        int nameEnd = skipBackBlanks(text, at);
        NameClass name = chineseName(text, nameEnd);
        if (name == NameClass.NONE) {
            if (!mayEndSecretName(text, nameEnd)) {
                return null;
            }
            int nameStart = nameEnd;
            while (nameStart > 0 && nameEnd - nameStart < MAX_NAME && isNameChar(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            name = classify(text.substring(nameStart, nameEnd));
        }
        return name == NameClass.NONE ? null : value(text, at + 1, name, false, false);
    }

    /** Whether the text before {@code nameEnd} ends like a secret name; {@link #classify} decides. No allocation. */
    private static boolean mayEndSecretName(String text, int nameEnd) {
        if (nameEnd == 0) {
            return false;
        }
        char last = (char) (text.charAt(nameEnd - 1) | 0x20);
        if (last >= 128) {
            return false;
        }
        for (String word : ENDINGS_BY_LAST_LETTER[last]) {
            if (endsWithLetters(text, nameEnd, word)) {
                return true;
            }
        }
        return false;
    }

    /** The same on the scan's chunk, where the characters before the text are {@code \0}. */
    private static boolean mayEndSecretName(char[] chars, int nameEnd) {
        char last = (char) (chars[nameEnd - 1] | 0x20);
        if (last >= 128) {
            return false;
        }
        for (char[] word : ENDING_CHARS_BY_LAST_LETTER[last]) {
            if (endsWithLetters(chars, nameEnd, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text before {@code end} is {@code lowerLetters} in any case. {@code c | 0x20} is a lower-case ASCII
     * letter only when {@code c} is that letter in either case, so no case table is read: this runs at every
     * separator of every text.
     */
    private static boolean endsWithLetters(String text, int end, String lowerLetters) {
        int from = end - lowerLetters.length();
        if (from < 0) {
            return false;
        }
        for (int i = lowerLetters.length() - 1; i >= 0; i--) {
            if ((text.charAt(from + i) | 0x20) != lowerLetters.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithLetters(char[] chars, int end, char[] lowerLetters) {
        int from = end - lowerLetters.length;
        for (int i = lowerLetters.length - 1; i >= 0; i--) {
            if ((chars[from + i] | 0x20) != lowerLetters[i]) {
                return false;
            }
        }
        return true;
    }

    static NameClass classify(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : PASSWORD_NAME_ENDINGS) {
            if (lower.endsWith(word) && separatedAt(name, name.length() - word.length(), lower)) {
                return NameClass.PASSWORD;
            }
        }
        if (lower.endsWith("authorization") || lower.endsWith("credentials") || lower.endsWith("credential")
                || lower.endsWith("secretid")) {
            return NameClass.KEY;
        }
        return isSecretName(name, lower) ? NameClass.KEY : NameClass.NONE;
    }

    private static boolean separatedAt(String name, int at, String lower) {
        return at == 0 || "_-.".indexOf(name.charAt(at - 1)) >= 0
                || Character.isUpperCase(name.charAt(at)) && Character.isLowerCase(name.charAt(at - 1))
                || lower.endsWith("password") || lower.endsWith("passwd");
    }

    static boolean isSecretName(String name) {
        return isSecretName(name, name.toLowerCase(Locale.ROOT));
    }

    private static boolean isSecretName(String name, String lower) {
        for (String word : SECRET_NAME_ENDINGS) {
            if (!lower.endsWith(word)) {
                continue;
            }
            int at = name.length() - word.length();
            boolean separated = at == 0 || "_-.".indexOf(name.charAt(at - 1)) >= 0
                    || (Character.isUpperCase(name.charAt(at)) && Character.isLowerCase(name.charAt(at - 1)));
            if (!separated && !endsWithAny(lower, FUSED_SECRET_NAMES)) {
                return false;
            }
            return !containsAny(lower, NON_SECRET_NAME_PARTS);
        }
        return false;
    }

    private static boolean endsWithAny(String text, List<String> endings) {
        for (String ending : endings) {
            if (text.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String text, List<String> parts) {
        for (String part : parts) {
            if (text.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An opaque value (Bearer token, assigned value) is masked when it is long enough, not a placeholder and random
     * enough: digits mixed with letters, or upper and lower case mixed the way random text mixes them. Identifiers
     * such as {@code process.env.OPENAI_API_KEY}, request IDs and order numbers fail these tests. A hash-length hex
     * value in a lower-case JSON field is a digest (LiteLLM logs {@code "api_key": "<sha256>"}); after {@code Bearer}
     * or in an environment variable the same shape is a key (Together's legacy keys are 64 hex).
     */
    static boolean looksLikeCredential(String value, boolean digestsPossible, boolean bearer) {
        // The placeholder test reads the value against a word list: it runs last, on what is otherwise a credential.
        return randomEnough(value, digestsPossible, bearer) && !KeyText.isPlaceholder(value);
    }

    private static boolean randomEnough(String value, boolean digestsPossible, boolean bearer) {
        int length = value.length();
        if (length < MIN_OPAQUE_TOKEN || length > MAX_QUOTED_VALUE) {
            return false;
        }
        int lower = 0;
        int upper = 0;
        int digits = 0;
        int notHex = 0;
        // Counted through a class table, without branches: random characters would mispredict each one
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            int kind = c < 128 ? CHARACTER_CLASS[c] : NOT_HEX;
            lower += kind & LOWER;
            upper += (kind & UPPER) >> 1;
            digits += (kind & DIGIT) >> 2;
            notHex |= kind & NOT_HEX;
        }
        boolean hex = notHex == 0;
        int letters = lower + upper;
        if (letters == 0) {
            return false;
        }
        if (digits == 0) {
            if (upper == 0 && longestLetterRun(value) >= 32) {
                return true; // SiliconFlow's 48 lower-case letters: no word runs that long
            }
            if (value.indexOf('.') >= 0 || lower == 0 || upper == 0) {
                return false;
            }
            double upperShare = (double) upper / letters;
            return upperShare >= 0.2 && upperShare <= 0.8;
        }
        return bearer || !(hex && digestsPossible && HASH_HEX_LENGTHS.contains(length));
    }

    /** A hash-length run of lower-case hex digits with both digits and letters, as {@link #randomEnough} rejects it. */
    private static boolean isDigest(String text, int from, int to) {
        if (!HASH_HEX_LENGTHS.contains(to - from)) {
            return false;
        }
        int kinds = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            kinds |= c < 128 ? CHARACTER_CLASS[c] : NOT_HEX;
        }
        return kinds == (LOWER | DIGIT);
    }

    private static final int LOWER = 1;
    private static final int UPPER = 2;
    private static final int DIGIT = 4;
    private static final int NOT_HEX = 8;
    /** Per ASCII character: {@link #LOWER}, {@link #UPPER}, {@link #DIGIT}, and {@link #NOT_HEX} unless 0-9a-f. */
    private static final byte[] CHARACTER_CLASS = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            int kind = c >= 'a' && c <= 'z' ? LOWER : c >= 'A' && c <= 'Z' ? UPPER : KeyText.isDigit(c) ? DIGIT : 0;
            boolean hex = KeyText.isDigit(c) || c >= 'a' && c <= 'f';
            CHARACTER_CLASS[c] = (byte) (hex ? kind : kind | NOT_HEX);
        }
    }

    private static int longestLetterRun(String value) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            run = Character.isLetter(value.charAt(i)) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * A password: six characters or more, not a placeholder, a reference ({@code $DB_PASSWORD}, {@code <password>},
     * {@code ${...}}) or a path, and not a plain lower-case word ({@code password: required}).
     */
    static boolean looksLikePassword(String value) {
        int length = value.length();
        if (length < 6 || length > MAX_QUOTED_VALUE || "$%<{/~".indexOf(value.charAt(0)) >= 0
                || value.indexOf(KeyText.ELLIPSIS) >= 0 || KeyText.isPlaceholder(value)) {
            return false;
        }
        boolean lowerLettersOnly = true;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            lowerLettersOnly &= c >= 'a' && c <= 'z';
        }
        return !lowerLettersOnly;
    }

    /** Short secrets (passwords) show only their last two characters; a first-and-last-four mask would show most. */
    static String maskAny(String secret) {
        return secret.length() >= 12 ? KeyText.mask(secret) : KeyText.ELLIPSIS + secret.substring(secret.length() - 2);
    }

    enum NameClass {
        NONE, KEY, PASSWORD
    }

    /** The last {@code c} in the {@code window} characters up to {@code from}, or -1: a bounded {@code lastIndexOf}. */
    private static int lastIndexWithin(String text, char c, int from, int window) {
        for (int i = from; i >= 0 && from - i < window; i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int skipBackBlanks(String text, int from) {
        int i = from;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }


    private static boolean isOpeningWrapper(char c) {
        return c < 128 ? ASCII_OPENERS[c] : OPENERS.indexOf(c) >= 0;
    }

    /** Tested at every separator: ASCII characters by one bit test, the rest (full-width, CJK brackets) by search. */
    private static boolean isClosingWrapper(char c) {
        return c < 128 ? ASCII_CLOSERS[c] : CLOSERS.indexOf(c) >= 0;
    }

    private static boolean[] asciiTable(String chars) {
        boolean[] table = new boolean[128];
        chars.chars().filter(c -> c < 128).forEach(c -> table[c] = true);
        return table;
    }

    private static char closerOf(char opener) {
        int at = OPENERS.indexOf(opener);
        return at < 0 ? 0 : CLOSERS.charAt(at);
    }

    private static boolean isUserChar(char c) {
        return KeyText.isKeyChar(c) || c == '.' || c == '%' || c == '+' || c == '~';
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
        return c == '"' || c == '\'' || c == '`' || c == '\u201C' || c == '\u2018' || c == '\u300C' || c == '\u300E'
                || c == '\uFF02';
    }

    private static boolean isMaskChar(char c) {
        return c == KeyText.ELLIPSIS || c == '*';
    }
}
