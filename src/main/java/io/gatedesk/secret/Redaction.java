package io.gatedesk.secret;

import java.util.List;

/** The text with every secret masked, and what was masked. */
public record Redaction(String text, List<SecretFinding> findings) {

    public Redaction {
        findings = List.copyOf(findings);
    }

    public static Redaction unchanged(String text) {
        return new Redaction(text, List.of());
    }

    public boolean masked() {
        return !findings.isEmpty();
    }
}
