package io.gatedesk.secret;

import java.util.Collection;

/**
 * The one place every piece of inbound text passes before it is validated, stored or logged.
 * Whatever looks like a full credential is replaced by its masked identifier.
 */
public interface SecretGuard {

    /** Masks every secret in {@code text}; {@code null} stays {@code null}. Idempotent. */
    Redaction redact(String text);

    /** Masks {@code text} and adds what was masked to {@code findings}; for callers that mask many fields at once. */
    default String redactInto(String text, Collection<SecretFinding> findings) {
        if (text == null) {
            return null;
        }
        Redaction redaction = redact(text);
        findings.addAll(redaction.findings());
        return redaction.text();
    }

    /**
     * Guards a field meant for a masked key (the ticket form's and {@code POST /api/v1/tickets}' {@code maskedKey}):
     * it holds only a mask. Whatever is longer than a mask's visible characters, a full key of any shape included,
     * is masked, so the field never stores or shows a full key.
     */
    default String redactMaskFieldInto(String value, Collection<SecretFinding> findings) {
        return MaskField.guard(redactInto(value, findings), findings);
    }
}
