package io.gatedesk.triage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The category of one ticket: what the classifier inferred last (with its reasons as JSON) and, when an agent
 * overrode it, the agent's choice, which every later inference leaves standing.
 */
@Entity
@Table(name = "ticket_classifications")
class TicketClassification {

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;
    @Enumerated(EnumType.STRING)
    private ErrorCategory category;
    @Enumerated(EnumType.STRING)
    @Column(name = "inferred_category")
    private ErrorCategory inferredCategory;
    private double confidence;
    private String reasons;
    @Column(name = "inferred_at")
    private Instant inferredAt;
    private boolean overridden;
    @Column(name = "overridden_by")
    private String overriddenBy;
    @Column(name = "overridden_at")
    private Instant overriddenAt;
    // A wrapper, so Spring Data sees null on a new classification and persists it instead of merging (one SELECT
    // less on every filing).
    @Version
    private Long version;

    protected TicketClassification() {
    }

    TicketClassification(long ticketId) {
        this.ticketId = ticketId;
    }

    void inferred(Classification result, String reasonsJson, Instant now) {
        this.inferredCategory = result.category();
        this.confidence = result.confidence();
        this.reasons = reasonsJson;
        this.inferredAt = now;
        if (!overridden) {
            this.category = result.category();
        }
    }

    void override(ErrorCategory chosen, String by, Instant now) {
        this.category = chosen;
        this.overridden = true;
        this.overriddenBy = by;
        this.overriddenAt = now;
    }

    void clearOverride() {
        this.category = inferredCategory;
        this.overridden = false;
        this.overriddenBy = null;
        this.overriddenAt = null;
    }

    Long getTicketId() {
        return ticketId;
    }

    ErrorCategory getCategory() {
        return category;
    }

    ErrorCategory getInferredCategory() {
        return inferredCategory;
    }

    double getConfidence() {
        return confidence;
    }

    String getReasons() {
        return reasons;
    }

    Instant getInferredAt() {
        return inferredAt;
    }

    boolean isOverridden() {
        return overridden;
    }

    String getOverriddenBy() {
        return overriddenBy;
    }

    Instant getOverriddenAt() {
        return overriddenAt;
    }
}
