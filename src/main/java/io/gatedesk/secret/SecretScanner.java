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
    private static final char FULL_WIDTH_COLON = '\uFF1A';
    private static final char FULL_WIDTH_EQUALS = '\uFF1D';
    private static final char FULL_WIDTH_PARENTHESIS = '\uFF08';
    /** 是 and 为 ("is"), which join a secret name to its value in Chinese: 密钥是…, key为…. */
    private static final char SHI = '\u662F';
    private static final char WEI = '\u4E3A';

    private static final HexFormat HEX = HexFormat.of();

    private final FamilyIndex families;
    private final ContextRules context;
    /**
     * What may start at an ASCII character given the character after it, indexed {@code c << 7 | next}: bits of
     * {@link #FAMILY}, {@link #BEARER}, {@link #SEPARATOR}, {@link #FLAG}, {@link #USERINFO}. Reading the pair
     * rejects most letters that start a prefix ({@code s}, {@code a}, {@code p}) at the one lookup every character
     * pays, so the loop rarely branches away from plain text (16 KB, in the first-level cache).
     */
    private final byte[] pairActions = new byte[128 * 128];
    /** The same for an ASCII character followed by a non-ASCII one: only what needs no particular next character. */
    private final byte[] beforeNonAscii = new byte[128];

    public SecretScanner() {
        this(KeyFamilies.all());
    }

    SecretScanner(List<KeyFamily> keyFamilies) {
        families = new FamilyIndex(keyFamilies);
        context = new ContextRules(families);
        for (char c = 0; c < 128; c++) {
            for (char next = 0; next < 128; next++) {
                pairActions[c << 7 | next] = actionsAt(c, next);
            }
            beforeNonAscii[c] = (byte) (actionsAt(c, (char) 0) & (SEPARATOR | USERINFO));
        }
    }

    private byte actionsAt(char c, char next) {
        int action = 0;
        if (families.mayStart(c, next)) {
            action |= FAMILY;
        }
        if ((c | 0x20) == 'b' && (next | 0x20) == 'e') {
            action |= BEARER;
        }
        if (c == '=' || c == ':' || c == ',' || c == '(') {
            action |= SEPARATOR;
        }
        if (c == '-' && (next == '-' || next == 'u')) {
            action |= FLAG; // --api-key value, -u user:password
        }
        if (c == '@') {
            action |= USERINFO;
        }
        return (byte) action;
    }

    @Override
    public Redaction redact(String text) {
        if (text == null || text.length() < 8) {
            return Redaction.unchanged(text);
        }
        List<Candidate> candidates = null;
        int length = text.length();
        byte[] pairs = pairActions;
        char next = text.charAt(0);
        for (int i = 0; i < length; i++) {
            char c = next;
            next = i + 1 < length ? text.charAt(i + 1) : 0;
            int action;
            if (c < 128) {
                action = next < 128 ? pairs[c << 7 | next] : beforeNonAscii[c];
                if (action == 0) {
                    continue;
                }
            }
            else if (c == FULL_WIDTH_COLON || c == FULL_WIDTH_EQUALS || c == FULL_WIDTH_PARENTHESIS) {
                action = SEPARATOR;
            }
            else if (c == SHI || c == WEI) {
                Candidate found = context.copula(text, i);
                if (found != null) {
                    add(candidates = orNew(candidates), found);
                }
                continue;
            }
            else {
                continue;
            }
            Candidate found = null;
            if ((action & FAMILY) != 0) {
                found = families.match(text, i);
            }
            if (found == null && (action & BEARER) != 0) {
                found = context.bearer(text, i);
            }
            if (found == null && (action & SEPARATOR) != 0) {
                found = context.assignment(text, i);
            }
            if (found == null && (action & FLAG) != 0) {
                found = context.flag(text, i);
            }
            if (found == null && (action & USERINFO) != 0) {
                found = context.urlUserinfo(text, i);
            }
            if (found != null) {
                add(candidates = orNew(candidates), found);
            }
        }
        if (candidates == null || candidates.isEmpty()) {
            return Redaction.unchanged(text);
        }
        return apply(text, candidates);
    }

    private static List<Candidate> orNew(List<Candidate> candidates) {
        return candidates == null ? new ArrayList<>() : candidates;
    }

    private static void add(List<Candidate> candidates, Candidate found) {
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
