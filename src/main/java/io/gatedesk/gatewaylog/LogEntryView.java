package io.gatedesk.gatewaylog;

import java.math.BigDecimal;
import java.time.Instant;

/** One stored gateway log entry as pages and the JSON API show it. Every text has passed the secret guard. */
public record LogEntryView(long id, String source, String requestId, Instant createdAt, String logType, String userId,
                           String username, String keyName, String keyId, String keyHashSha256, String keyPrefix,
                           String keyLast4, String group, String model, String upstreamModel, String channelId,
                           String channelName, Integer statusCode, String errorType, String errorCode,
                           String errorMessage, Long promptTokens, Long completionTokens, BigDecimal costUsd,
                           Long latencyMs, Long ttftMs, Boolean isStream, String clientIp, String requestPath) {

    /** How the key shows in a table: its name, else its masked form, else a short fingerprint. */
    public String keyLabel() {
        String mask = keyPrefix != null || keyLast4 != null
                ? (keyPrefix == null ? "" : keyPrefix) + "…" + (keyLast4 == null ? "" : keyLast4) : null;
        if (keyName != null) {
            return mask == null ? keyName : keyName + " (" + mask + ")";
        }
        if (mask != null) {
            return mask;
        }
        return keyHashSha256 == null ? null : "sha256:" + keyHashSha256.substring(0, Math.min(12, keyHashSha256.length()));
    }

    /** The channel by name where the gateway gives one, else by id. */
    public String channel() {
        return channelName != null ? channelName : channelId;
    }

    boolean failed() {
        return statusCode != null && statusCode >= 400;
    }
}
