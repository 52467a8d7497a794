package io.gatedesk.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatedesk.secret.family.KeyFamilies;
import io.gatedesk.secret.family.KeyFamily;
import io.gatedesk.secret.family.KeyText;
import io.gatedesk.secret.family.Span;
import org.springframework.stereotype.Component;

/**
 * Finds credentials in free text (tickets, replies, pasted curl commands, JSON, code, gateway logs) and replaces each
 * with its masked identifier: the key's prefix, its first and last four key characters around {@code …}, e.g.
 * {@code sk-abcd…wxyz}.
 *
 * <p>What a key looks like is declared per family in {@link KeyFamilies}; this class only reads text. It walks the
 * text once, in chunks copied to a {@code char[]}, and stops only at <em>pairs</em> of adjacent characters where a
 * rule may start: a family's key pair ({@code sk} of {@code sk-}, see {@link FamilyIndex}), {@code Be} of
 * {@code Bearer}, {@code --} and {@code -u} of flags, a separator ({@code = : , ( ： ＝ （}) or {@code 是}/{@code 为}
 * right after a character a secret name can end with, {@code @} of URL userinfo. Each character is folded to a 7-bit
 * class ({@link #classes}) and the pair of the previous and the current class is looked up in {@link #pairs}; that
 * pair table is zero at 96 % of the positions of support text (the third pass stopped at 11 %), so the loop runs
 * without the mispredicted branches that stopping at every {@code :}, {@code -} or {@code p} cost. At a stop, a test
 * or two of the neighbouring characters in the chunk (which overlaps its neighbours by {@link #PAD} characters each
 * side) rejects most of what is left; only then is a rule called, on the text itself (about 1 200 calls per 10 MB of
 * the benchmark corpus, against some 200 000 in the third pass). The cost is linear in the text, no input can cause
 * backtracking, and more families add table entries, not passes. Instances hold no state: one instance is shared by
 * Spring, by the logging layer and by tests, from any thread.
 *
 * <p>Masked identifiers are short by construction (at most four visible characters before {@code …}), below every
 * minimum length used here, which is what makes redaction idempotent.
 */
@Component
public final class SecretScanner implements SecretGuard {

    static final char ELLIPSIS = KeyText.ELLIPSIS;

    /** What a pair may start, as bits of a {@link #pairs} entry. */
    private static final byte FAMILY = 1;
    /** {@code Be}: the Bearer rule, asked at the previous character. */
    private static final byte BEARER = 2;
    /** {@code --}, {@code -u}: the flag rule, asked at the previous character. */
    private static final byte FLAG = 4;
    private static final byte SEPARATOR = 8;
    private static final byte USERINFO = 16;
    private static final byte COPULA = 32;
    /** A letter, digit or {@code _} before {@code (}: the call rule (a random literal passed to a client). */
    private static final byte CALL = 64;
    /** A lower-case letter before {@code _} or {@code -}: the rule for prefixed tokens of undeclared issuers. */
    private static final byte PREFIXED = (byte) 128;

    /**
     * Classes of the characters that are not ASCII (ASCII is its own class). Their codes are those of control
     * characters that no rule reads, so a stray U+0002 in a text shares the pair entries of 是: an extra stop,
     * where the rule tests the character itself.
     */
    /** 是 and 为 ("is"), which join a secret name to its value in Chinese: 密钥是…, key为…. */
    private static final int CLASS_COPULA = 2;
    /** The full-width colon, equals sign and parenthesis. */
    private static final int CLASS_WIDE_SEPARATOR = 3;
    /** What a Chinese secret name ends with (密钥, 令牌, 密码 …), and non-ASCII closing quotes and brackets. */
    private static final int CLASS_NAME_END = 4;
    private static final int CLASS_OTHER = 5;
    private static final String SEPARATORS = "=:,(\uFF1A\uFF1D\uFF08";

    private static final char SHI = '\u662F';
    private static final char WEI = '\u4E3A';
    /** Characters scanned per chunk: the loop reads a {@code char[]}, which costs half of {@code charAt}. */
    static final int CHUNK = 8192;
    /**
     * Characters of the text copied before and after each chunk, so the tests at a stop read the chunk on both sides
     * (a key literal, {@code Bearer}, a secret name and two wrappers, a 64-hex digest) without bounds or coder
     * checks.
     */
    static final int PAD = 80;

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY_CHARS = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            KEY_CHARS[c] = (byte) (KeyText.isKeyChar(c) ? 1 : 0);
        }
    }

    private final FamilyIndex families;
    private final ContextRules context;
    /** Each character's 7-bit class: ASCII as itself, the rest by {@code CLASS_*}. */
    private final byte[] classes = new byte[Character.MAX_VALUE + 1];
    /** Per pair of classes (previous {@code << 7 |} current), the rules that may start there; zero almost always. */
    private final byte[] pairs = new byte[128 * 128];
    /** Per pair of classes with {@link #FAMILY}, the families tried there, by offset of the pair, then declared. */
    private final FamilyIndex.Trigger[][] familiesAt = new FamilyIndex.Trigger[128 * 128][];

    public SecretScanner() {
        this(KeyFamilies.all());
    }

    SecretScanner(List<KeyFamily> keyFamilies) {
        families = new FamilyIndex(keyFamilies);
        context = new ContextRules(families);
        boolean[] mayEndName = new boolean[128];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            classes[c] = (byte) classOf((char) c);
            mayEndName[classes[c]] |= ContextRules.mayStandBeforeSeparator((char) c);
        }
        for (int previous = 0; previous < 128; previous++) {
            pairs[previous << 7 | '@'] |= USERINFO;
            if (mayEndName[previous]) {
                for (char separator : SEPARATORS.substring(0, 4).toCharArray()) {
                    pairs[previous << 7 | separator] |= SEPARATOR;
                }
                pairs[previous << 7 | CLASS_WIDE_SEPARATOR] |= SEPARATOR;
                pairs[previous << 7 | CLASS_COPULA] |= COPULA;
            }
        }
        for (char b : "bB".toCharArray()) {
            pairs[b << 7 | 'e'] |= BEARER;
            pairs[b << 7 | 'E'] |= BEARER;
        }
        for (int previous = '0'; previous <= 'z'; previous++) {
            if (Character.isLetterOrDigit(previous) || previous == '_') {
                pairs[previous << 7 | '('] |= CALL;
            }
            if (previous >= 'a' && previous <= 'z') {
                // after a lower-case letter only: issuers' prefixes end with one (tfp_, rdme_, shippo_live_, p8e-);
                // dates, numbers and upper-case environment names (OPENAI_API_KEY) do not stop
                pairs[previous << 7 | '_'] |= PREFIXED;
                pairs[previous << 7 | '-'] |= PREFIXED;
            }
        }
        pairs['-' << 7 | '-'] |= FLAG;
        pairs['-' << 7 | 'u'] |= FLAG;
        List<List<FamilyIndex.Trigger>> triggers = new ArrayList<>();
        for (int pair = 0; pair < pairs.length; pair++) {
            triggers.add(new ArrayList<>());
        }
        for (FamilyIndex.Trigger trigger : families.triggers()) {
            int pair = classes[trigger.before()] << 7 | classes[trigger.current()];
            pairs[pair] |= FAMILY;
            triggers.get(pair).add(trigger);
        }
        for (int pair = 0; pair < pairs.length; pair++) {
            if (!triggers.get(pair).isEmpty()) {
                // Stable: families of the same start keep their declared order, so the first that fits wins
                familiesAt[pair] = triggers.get(pair).stream().sorted(Comparator.comparingInt(FamilyIndex.Trigger::at))
                        .toArray(FamilyIndex.Trigger[]::new);
            }
        }
    }

    private static int classOf(char c) {
        if (c < 128) {
            return c;
        }
        if (c == SHI || c == WEI) {
            return CLASS_COPULA;
        }
        if (c == '\uFF1A' || c == '\uFF1D' || c == '\uFF08') {
            return CLASS_WIDE_SEPARATOR;
        }
        return ContextRules.mayStandBeforeSeparator(c) ? CLASS_NAME_END : CLASS_OTHER;
    }

    @Override
    public Redaction redact(String text) {
        if (text == null || text.length() < 8) {
            return Redaction.unchanged(text);
        }
        List<Candidate> candidates = new ArrayList<>();
        int length = text.length();
        char[] chunk = new char[PAD + Math.min(length, CHUNK) + PAD];
        for (int base = 0; base < length; base += CHUNK) {
            int size = Math.min(CHUNK, length - base);
            // chunk[PAD + k] is text[base + k]; outside the text, \0
            int from = Math.max(0, base - PAD);
            int to = Math.min(length, base + size + PAD);
            if (from > base - PAD) {
                Arrays.fill(chunk, 0, from - base + PAD, (char) 0);
            }
            text.getChars(from, to, chunk, from - base + PAD);
            Arrays.fill(chunk, to - base + PAD, chunk.length, (char) 0);
            scan(text, chunk, base - PAD, PAD + size, candidates);
        }
        if (candidates.isEmpty()) {
            return Redaction.unchanged(text);
        }
        return apply(text, candidates);
    }

    /**
     * The loop over one chunk: {@code chunk[j]} is {@code text[offset + j]} and the chunk's own characters end at
     * {@code end}. One load for the character, one table lookup for its class unless it is ASCII, one for the pair. A
     * counted loop (the stop is a call) and a method of its own, so that the JIT compiles it whole, not as an
     * on-stack replacement of a long loop in {@link #redact}.
     */
    private void scan(String text, char[] chunk, int offset, int end, List<Candidate> candidates) {
        byte[] classOf = classes;
        byte[] startsAt = pairs;
        int previous = classOf[chunk[PAD - 1]];
        for (int j = PAD; j < end; j++) {
            char c = chunk[j];
            int current = c < 128 ? c : classOf[c];
            int pair = previous << 7 | current;
            previous = current;
            if (startsAt[pair] != 0) {
                stop(text, chunk, j, offset, startsAt[pair], pair, candidates);
            }
        }
    }

    /**
     * Asks the rules that the pair ending at {@code chunk[j]} may start, after the cheap tests of their neighbours in
     * the chunk: families first; then the Bearer and flag rules at {@code j - 1}, the separator, userinfo and copula
     * rules at {@code j}, unless a family's key starts at that position.
     */
    private void stop(String text, char[] chunk, int j, int offset, int what, int pair, List<Candidate> candidates) {
        if (what == PREFIXED) {
            // the commonest stop since the prefixed-token rule (snake_case names, model names): nothing else to ask
            prefixed(text, chunk, j, offset, candidates);
            return;
        }
        int familyStart = Integer.MIN_VALUE;
        if ((what & FAMILY) != 0) {
            familyStart = families(text, chunk, j, offset, familiesAt[pair], candidates);
        }
        Candidate found = null;
        int before = j - 1;
        if ((what & BEARER) != 0 && familyStart != before && context.mayStartBearer(chunk, before)) {
            found = context.bearer(text, offset + before);
        }
        else if ((what & FLAG) != 0 && familyStart != before
                && ContextRules.mayStartFlag(chunk, before, offset + before == 0)) {
            found = context.flag(text, offset + before);
        }
        if (found != null) {
            candidates.add(found);
            found = null;
        }
        if (familyStart == j) {
            return;
        }
        if ((what & PREFIXED) != 0 && familyStart == Integer.MIN_VALUE) {
            prefixed(text, chunk, j, offset, candidates);
        }
        if ((what & SEPARATOR) != 0) {
            char separator = chunk[j];
            if (SEPARATORS.indexOf(separator) >= 0
                    && (separator != ',' && separator != '(' || ContextRules.mayOpenQuotedValue(chunk, j + 1))
                    && ContextRules.mayFollowSecretName(chunk, j)
                    && !context.leavesNothingToAssign(text, chunk, j, offset)) {
                found = context.assignment(text, offset + j);
            }
        }
        if (found == null && (what & CALL) != 0 && ContextRules.mayOpenQuotedValue(chunk, j + 1)) {
            found = context.callArgument(text, offset + j);
        }
        else if ((what & USERINFO) != 0) {
            found = context.urlUserinfo(text, offset + j);
        }
        else if ((what & COPULA) != 0 && (chunk[j] == SHI || chunk[j] == WEI)
                && ContextRules.mayFollowSecretName(chunk, j)) {
            found = context.copula(text, offset + j);
        }
        if (found != null) {
            candidates.add(found);
        }
    }

    /**
     * Whether a prefixed token's body may follow the separator at {@code chunk[j]}: within the next three words, one
     * runs at least 16 letters and digits. Rejects snake_case names, model names, dates and UUIDs on the chunk.
     */
    private static boolean mayStartPrefixedBody(char[] chunk, int j) {
        // Every token that qualifies has key characters at least 16 past the separator: one test without a
        // data-dependent branch rejects snake_case names, words and short model names (a character-by-character
        // loop over them mispredicted its way to 60 ns a stop)
        if ((keyCharBit(chunk[j + 4]) & keyCharBit(chunk[j + 8]) & keyCharBit(chunk[j + 12])
                & keyCharBit(chunk[j + 16])) == 0) {
            return false;
        }
        int run = 0;
        int words = 0;
        for (int i = j + 1; i < j + PAD - 1; i++) {
            char c = chunk[i];
            if (c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                if (++run >= 16) {
                    return true;
                }
            }
            else if ((c == '_' || c == '-') && run > 0 && ++words < 3) {
                run = 0;
            }
            else {
                return false;
            }
        }
        return false;
    }

    /** The prefixed-token rule at the separator {@code chunk[j]}, after the cheap test of what follows it. */
    private void prefixed(String text, char[] chunk, int j, int offset, List<Candidate> candidates) {
        if (mayStartPrefixedBody(chunk, j)) {
            Candidate found = context.prefixedToken(text, offset + j);
            if (found != null) {
                candidates.add(found);
            }
        }
    }

    /** 1 for {@code [A-Za-z0-9_-]}, 0 otherwise. */
    private static int keyCharBit(char c) {
        return c < 128 ? KEY_CHARS[c] : 0;
    }

    /**
     * The families of a pair ending at {@code chunk[j]}: each whose literal stands around it is asked for its key, and
     * at each start the first that fits wins. Returns the chunk index of the last key found, or
     * {@link Integer#MIN_VALUE}.
     */
    private static int families(String text, char[] chunk, int j, int offset, FamilyIndex.Trigger[] triggers,
            List<Candidate> candidates) {
        int matchedStart = Integer.MIN_VALUE;
        int found = Integer.MIN_VALUE;
        for (FamilyIndex.Trigger trigger : triggers) {
            int start = j - trigger.at();
            if (start == matchedStart || !literalAt(chunk, start, trigger.chars())
                    || !trigger.family().shape().mayMatch(chunk, start)) {
                continue;
            }
            Span span = trigger.family().match(text, offset + start);
            if (span != null) {
                Candidate candidate = Candidate.of(text, span, trigger.kind());
                candidates.add(candidate);
                matchedStart = start;
                if (candidate.start() == offset + start) {
                    found = start;
                }
            }
        }
        return found;
    }

    private static boolean literalAt(char[] chunk, int start, char[] literal) {
        for (int i = 0; i < literal.length; i++) {
            if (chunk[start + i] != literal[i]) {
                return false;
            }
        }
        return true;
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
        // Earliest first, on the same start the longest, then a family's finding before a context rule's, so a
        // duplicate or a nested match is skipped.
        candidates.sort(Comparator.comparingInt(Candidate::start)
                .thenComparing(Comparator.comparingInt(Candidate::end).reversed())
                .thenComparing(Candidate::byContext));
        // String.join sizes the result once and copies each part into it; a StringBuilder of 10 MB is zeroed, inflated
        // to UTF-16 at the first Chinese character and copied again by toString (4.8 against 6.7 ms per 10 MB)
        List<String> parts = new ArrayList<>(2 * candidates.size() + 1);
        Map<String, SecretFinding> findings = new LinkedHashMap<>();
        int written = 0;
        for (Candidate candidate : candidates) {
            if (candidate.start() < written) {
                continue;
            }
            parts.add(text.substring(written, candidate.start()));
            parts.add(candidate.replacement());
            written = candidate.end();
            String fingerprint = fingerprint(candidate.secret());
            findings.putIfAbsent(fingerprint, new SecretFinding(candidate.kind(), candidate.masked(), fingerprint));
        }
        parts.add(text.substring(written));
        return new Redaction(String.join("", parts), new ArrayList<>(findings.values()));
    }
}
