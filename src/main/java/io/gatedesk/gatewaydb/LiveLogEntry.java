package io.gatedesk.gatewaydb;

import io.gatedesk.gatewaylog.MatchReason;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of a gateway's own log table that matches a ticket, read on demand (not imported), with why it matched —
 * the same reasons as an imported entry's. The error text is kept only for a failed call and has passed the secret
 * guard.
 *
 * @param outcome         {@code error} (new-api's error log, a LiteLLM {@code failure}) or {@code success}
 * @param cost            new-api/one-api quota units, or LiteLLM's dollars ({@code costUsd} says which is known)
 * @param secondsFromTime how far the row lies from the ticket's reported request time
 */
public record LiveLogEntry(String source, String kind, String requestId, Instant createdAt, String outcome,
                           String model, String tokenName, String username, String userId, String channel,
                           Long promptTokens, Long completionTokens, Long latencyMs, Boolean stream, Long quota,
                           BigDecimal costUsd, String errorMessage, MatchReason reason, String via,
                           Long secondsFromTime) {

    public boolean failed() {
        return "error".equals(outcome);
    }
}
