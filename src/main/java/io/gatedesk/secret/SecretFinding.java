package io.gatedesk.secret;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One secret found in a text: its kind, the masked identifier that replaced it and the SHA-256 hex fingerprint
 * of the full value (as LiteLLM stores keys), so later evidence can be matched without the key itself.
 */
public record SecretFinding(SecretKind kind, String masked, String fingerprint) implements java.io.Serializable {

    /** The findings with each secret once, in first-seen order: the same key pasted twice is one exposure. */
    public static List<SecretFinding> distinct(Collection<SecretFinding> findings) {
        Map<String, SecretFinding> byFingerprint = new LinkedHashMap<>();
        findings.forEach(finding -> byFingerprint.putIfAbsent(finding.fingerprint(), finding));
        return List.copyOf(byFingerprint.values());
    }
}
