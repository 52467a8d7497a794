package io.gatedesk.gatewaylog.format;

/**
 * One key from a gateway's token list. It lets a masked key a customer gives ({@code sk-abcd…wxyz},
 * {@code sk-...wxyz}) resolve to the token ids, names and fingerprints the logs carry. Never holds a full key:
 * a raw key in an export is reduced to its SHA-256, its first four and last four characters.
 *
 * @param maskedHead the first four characters after {@code sk-}, where the gateway shows them
 * @param maskedTail the last four characters
 * @param status     the gateway's state of the key in words: enabled, disabled, expired, exhausted, blocked, active
 */
public record KeyInventoryEntry(
        String source,
        String keyId,
        String keyName,
        String keyAlias,
        String userId,
        String username,
        String group,
        String keyHashSha256,
        String maskedHead,
        String maskedTail,
        String status) {
}
