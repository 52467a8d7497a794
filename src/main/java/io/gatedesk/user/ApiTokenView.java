package io.gatedesk.user;

import java.time.Instant;

public record ApiTokenView(Long id, String name, String last4, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
