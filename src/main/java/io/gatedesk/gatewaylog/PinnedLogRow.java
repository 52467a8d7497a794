package io.gatedesk.gatewaylog;

import java.time.Instant;

/** A log entry an agent pinned to a ticket, as it was copied when pinned (it outlives retention). */
public record PinnedLogRow(Long entryId, String pinnedBy, Instant pinnedAt, String source, String requestId,
                           Instant createdAt, String keyLabel, String model, String channel, Integer statusCode,
                           String errorCode, String errorMessage, Long latencyMs) {
}
