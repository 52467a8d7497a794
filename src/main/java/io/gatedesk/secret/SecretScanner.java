package io.gatedesk.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatedesk.secret.family.KeyFamilies;
import io.gatedesk.secret.family.KeyFamily;
import io.gatedesk.secret.family.KeyText;
import org.springframework.stereotype.Component;

/**
 * Finds credentials in free text (tickets, replies, pasted curl commands, JSON, code, gateway logs) and replaces each
 * with its masked identifier: the key's prefix, its first and last four key characters around {@code …}, e.g.
 * {@code sk-abcd…wxyz}.
 *
 * <p>What a key looks like is declared per family in {@link KeyFamilies}; this class only reads text. It walks the
 * text once: at each character one table lookup says whether a family, {@code Bearer} or an assignment separator may
 * start there, and only then is the text around it parsed, with bounded forward scans. The cost is linear in the text,
 * no input can cause backtracking, and more families do not add passes. Instances hold no state: one instance is
 * shared by Spring, by the logging layer and by tests, from any thread.
 *
 * <p>Masked identifiers are short by construction (at most four visible characters before {@code …}), below every
 * minimum length used here, which is what makes redaction idempotent.
 */
@Component
public final class SecretScanner implements SecretGuard {

    static final char ELLIPSIS = KeyText.ELLIPSIS;

    private static final byte FAMILY = 1;
    private static final byte BEARER = 2;
    private static final byte SEPARATOR = 4;
    private static final byte FLAG = 8;
    private static final byte USERINFO = 16;
    private static final byte COPULA = 32;
    /** Marks {@code \0}, written after each chunk so the skip loop needs no bounds test. */
    private static final byte END = 64;
    /** 是 and 为 ("is"), which join a secret name to its value in Chinese: 密钥是…, key为…. */
    private static final char SHI = '\u662F';
    private static final char WEI = '\u4E3A';
    /** Characters copied per chunk: the skip loop reads a {@code char[]}, which costs half of {@code charAt}. */
    static final int CHUNK = 8192;

    private static final HexFormat HEX = HexFormat.of();

    private final FamilyIndex families;
    private final ContextRules context;
    /**
     * What may start at each character, as bits of {@link #FAMILY}, {@link #BEARER}, {@link #SEPARATOR},
     * {@link #FLAG}, {@link #USERINFO}, {@link #COPULA}; zero for the nine characters in ten that start nothing. The
     * scan only stops where this is not zero, and each rule rejects a stop with a test or two of its neighbours.
     */
    private final byte[] stops = new byte[Character.MAX_VALUE + 1];

    public SecretScanner() {
        this(KeyFamilies.all());
    }

    SecretScanner(List<KeyFamily> keyFamilies) {
        families = new FamilyIndex(keyFamilies);
        context = new ContextRules(families);
        for (char trigger : families.triggers()) {
            stops[trigger] |= FAMILY;
        }
        stops['b'] |= BEARER;
        stops['B'] |= BEARER;
        for (char separator : "=:,(\uFF1A\uFF1D\uFF08".toCharArray()) {
            stops[separator] |= SEPARATOR; // and the full-width colon, equals sign and parenthesis
        }
        stops['-'] |= FLAG; // --api-key value, -u user:password
        stops['@'] |= USERINFO;
        stops[SHI] |= COPULA;
        stops[WEI] |= COPULA;
        stops[0] |= END;
    }

    @Override
    public Redaction redact(String text) {
        if (text == null || text.length() < 8) {
            return Redaction.unchanged(text);
        }
        List<Candidate> candidates = new ArrayList<>();
        int length = text.length();
        char[] chunk = new char[Math.min(length, CHUNK) + 1];
        for (int base = 0; base < length; base += CHUNK) {
            int size = Math.min(CHUNK, length - base);
            text.getChars(base, base + size, chunk, 0);
            chunk[size] = 0;
            scan(text, chunk, base, size, candidates);
        }
        if (candidates.isEmpty()) {
            return Redaction.unchanged(text);
        }
        return apply(text, candidates);
    }

    /**
     * The skip loop over one chunk ({@code chunk[size]} is the {@link #END} sentinel): one load and one table lookup
     * per character. A method of its own so that the JIT compiles it whole, not as an on-stack replacement of a long
     * loop in {@link #redact}.
     */
    private void scan(String text, char[] chunk, int base, int size, List<Candidate> candidates) {
        byte[] stopAt = stops;
        int j = 0;
        while (true) {
            while (stopAt[chunk[j]] == 0) {
                j++;
            }
            if (j >= size) {
                return;
            }
            int action = stopAt[chunk[j]];
            if (action != END && (action = worthReading(text, base + j, action)) != 0) {
                readAt(text, base + j, action, candidates);
            }
            j++;
        }
    }

    /**
     * The rules of {@code action} still worth asking at {@code i}, by the characters next to it. Most stops end here,
     * inlined in the loop: a call into a rule for each of the million {@code :}, {@code -} and {@code b} of 10 MB
     * cost more than the rules' own tests.
     */
    private int worthReading(String text, int i, int action) {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        if ((action & BEARER) != 0 && (next | 0x20) != 'e') {
            action &= ~BEARER;
        }
        if ((action & FLAG) != 0 && next != '-' && next != 'u') {
            action &= ~FLAG;
        }
        if ((action & (SEPARATOR | COPULA)) != 0 && !ContextRules.mayFollowSecretName(text, i)) {
            action &= ~(SEPARATOR | COPULA);
        }
        if ((action & FAMILY) != 0 && !families.mayMatchTriggered(text, i)) {
            action &= ~FAMILY;
        }
        return action;
    }

    /** Asks the rules of {@code action} at {@code i} in turn; the first that finds a secret starting here wins. */
    private void readAt(String text, int i, int action, List<Candidate> candidates) {
        if ((action & FAMILY) != 0) {
            int before = candidates.size();
            families.matchTriggered(text, i, candidates);
            for (int k = before; k < candidates.size(); k++) {
                if (candidates.get(k).start() == i) {
                    return;
                }
            }
        }
        Candidate found = null;
        if ((action & BEARER) != 0) {
            found = context.bearer(text, i);
        }
        if (found == null && (action & SEPARATOR) != 0) {
            found = context.assignment(text, i);
        }
        if (found == null && (action & FLAG) != 0 && i + 1 < text.length()
                && (text.charAt(i + 1) == '-' || text.charAt(i + 1) == 'u')) {
            found = context.flag(text, i);
        }
        if (found == null && (action & USERINFO) != 0) {
            found = context.urlUserinfo(text, i);
        }
        if (found == null && (action & COPULA) != 0) {
            found = context.copula(text, i);
        }
        if (found != null) {
            candidates.add(found);
        }
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
}
