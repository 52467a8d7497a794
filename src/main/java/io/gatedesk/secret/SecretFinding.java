package io.gatedesk.secret;

/**
 * One secret found in a text: its kind, the masked identifier that replaced it and the SHA-256 hex fingerprint
 * of the full value (as LiteLLM stores keys), so later evidence can be matched without the key itself.
 */
public record SecretFinding(SecretKind kind, String masked, String fingerprint) {
}
