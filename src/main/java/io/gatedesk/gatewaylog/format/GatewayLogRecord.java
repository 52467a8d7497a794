package io.gatedesk.gatewaylog.format;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One gateway request (or account event) in the canonical shape every import is mapped onto. Nullable everywhere
 * except {@code source}, {@code createdAt} and {@code logType}: gateways record very different subsets.
 * {@code requestPath} goes beyond the canonical column list because one-api's {@code [GIN]} lines and new-api's
 * {@code other.request_path} carry it, and a wrong base URL shows up nowhere else.
 */
public record GatewayLogRecord(
        String source,
        String requestId,
        Instant createdAt,
        LogType logType,
        String userId,
        String username,
        String keyName,
        String keyId,
        String keyHashSha256,
        String keyPrefix,
        String keyLast4,
        String group,
        String model,
        String upstreamModel,
        String channelId,
        String channelName,
        Integer statusCode,
        String errorType,
        String errorCode,
        String errorMessage,
        Long promptTokens,
        Long completionTokens,
        BigDecimal costUsd,
        Long quotaRaw,
        Long latencyMs,
        Long ttftMs,
        Boolean isStream,
        String clientIp,
        String requestPath) {

    /**
     * SHA-256 hex over every field, for idempotent re-imports of rows without a request ID. Each value is
     * length-prefixed so that field boundaries cannot shift ("ab"+"c" vs "a"+"bc"), null differs from empty, and
     * decimals are normalised so that 0.10 and 0.1 hash alike.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder(256);
        Object[] fields = {source, requestId, createdAt, logType, userId, username, keyName, keyId, keyHashSha256,
                keyPrefix, keyLast4, group, model, upstreamModel, channelId, channelName, statusCode, errorType,
                errorCode, errorMessage, promptTokens, completionTokens,
                costUsd == null ? null : costUsd.stripTrailingZeros().toPlainString(), quotaRaw, latencyMs, ttftMs,
                isStream, clientIp, requestPath};
        for (Object field : fields) {
            if (field == null) {
                canonical.append('~');
            } else {
                String text = field.toString();
                canonical.append(text.length()).append(':').append(text);
            }
            canonical.append('|');
        }
        return sha256Hex(canonical.toString());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must ship SHA-256, so this cannot happen on a working JVM.
            throw new IllegalStateException(e);
        }
    }
}
