package io.gatedesk.secret;

/**
 * The one place every piece of inbound text passes before it is validated, stored or logged.
 * Whatever looks like a full credential is replaced by its masked identifier.
 */
public interface SecretGuard {

    /** Masks every secret in {@code text}; {@code null} stays {@code null}. Idempotent. */
    Redaction redact(String text);
}
