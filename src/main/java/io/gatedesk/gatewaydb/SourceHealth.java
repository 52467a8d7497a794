package io.gatedesk.gatewaydb;

import java.time.Instant;

/**
 * What the last reads of one source said: when it last answered and how fast, when it last failed and why, and since
 * when it has been failing ({@code null} while it answers).
 */
public record SourceHealth(String name, String kind, String url, Instant lastSuccessAt, Long latencyMillis,
                           Instant lastErrorAt, String lastError, Instant downSince) {

    public boolean up() {
        return downSince == null && lastSuccessAt != null;
    }

    public boolean untried() {
        return lastSuccessAt == null && lastErrorAt == null;
    }
}
