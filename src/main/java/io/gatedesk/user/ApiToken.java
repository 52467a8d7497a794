package io.gatedesk.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A personal API token; only its SHA-256 is kept, the token itself is shown once. */
@Entity
@Table(name = "api_tokens")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(nullable = false)
    private String last4;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(Long userId, String name, String tokenHash, String last4, Instant now) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.last4 = last4;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    Long getUserId() {
        return userId;
    }

    boolean isActive() {
        return revokedAt == null;
    }

    void markUsed(Instant now) {
        this.lastUsedAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    ApiTokenView toView() {
        return new ApiTokenView(id, name, last4, createdAt, lastUsedAt, revokedAt);
    }
}
