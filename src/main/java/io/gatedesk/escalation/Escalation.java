package io.gatedesk.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * One escalation round of a ticket: the agent's reason and severity, the engineer who took it, and the findings.
 * What the engineer queue filters and sorts by (subject, model, category, the ticket's age) is copied from the ticket
 * when it is escalated, so the queue reads one table: the category an engineer triages is the one the agent saw.
 */
@Entity
@Table(name = "escalations")
class Escalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long ticketId;
    @Column(name = "round_no")
    private int round;
    @Enumerated(EnumType.STRING)
    private EscalationStatus status;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String reason;
    private String escalatedBy;
    private Instant escalatedAt;
    private Long engineerId;
    private Instant firstLookAt;
    private String subject;
    private String model;
    private String category;
    private Instant ticketCreatedAt;
    @Enumerated(EnumType.STRING)
    private RootCause rootCause;
    private String summary;
    @Column(name = "actions")
    private String actionsTaken;
    private String suggestedReply;
    private String findingsBy;
    private Instant findingsAt;
    private Instant findingsReadAt;
    @Version
    private long version;

    protected Escalation() {
    }

    Escalation(long ticketId, int round, Severity severity, String reason, String escalatedBy, Instant escalatedAt,
               Long engineerId, String subject, String model, String category, Instant ticketCreatedAt) {
        this.ticketId = ticketId;
        this.round = round;
        this.status = EscalationStatus.OPEN;
        this.severity = severity;
        this.reason = reason;
        this.escalatedBy = escalatedBy;
        this.escalatedAt = escalatedAt;
        this.engineerId = engineerId;
        this.subject = subject;
        this.model = model;
        this.category = category;
        this.ticketCreatedAt = ticketCreatedAt;
    }

    void take(long engineer, Instant now) {
        engineerId = engineer;
        looked(now);
    }

    /** The first time an engineer opened the bundle or took the case stops the first-look clock. */
    void looked(Instant now) {
        if (firstLookAt == null) {
            firstLookAt = now;
        }
    }

    void recordFindings(RootCause cause, String summary, String actions, String reply, Outcome outcome, String by,
                        Long byId, Instant now) {
        this.rootCause = cause;
        this.summary = summary;
        this.actionsTaken = actions;
        this.suggestedReply = reply;
        this.findingsBy = by;
        this.findingsAt = now;
        if (engineerId == null) {
            engineerId = byId;
        }
        looked(now);
        this.status = outcome == Outcome.HAND_BACK ? EscalationStatus.HANDED_BACK : EscalationStatus.RESOLVED;
    }

    /** Staff moved the ticket out of ESCALATED by hand: the round leaves the engineers' queue, with no findings. */
    void withdraw() {
        if (status == EscalationStatus.OPEN) {
            status = EscalationStatus.WITHDRAWN;
        }
    }

    void markRead(Instant now) {
        if (findingsReadAt == null) {
            findingsReadAt = now;
        }
    }

    Long getId() {
        return id;
    }

    long getTicketId() {
        return ticketId;
    }

    int getRound() {
        return round;
    }

    EscalationStatus getStatus() {
        return status;
    }

    Severity getSeverity() {
        return severity;
    }

    String getReason() {
        return reason;
    }

    String getEscalatedBy() {
        return escalatedBy;
    }

    Instant getEscalatedAt() {
        return escalatedAt;
    }

    Long getEngineerId() {
        return engineerId;
    }

    Instant getFirstLookAt() {
        return firstLookAt;
    }

    String getSubject() {
        return subject;
    }

    String getModel() {
        return model;
    }

    String getCategory() {
        return category;
    }

    Instant getTicketCreatedAt() {
        return ticketCreatedAt;
    }

    RootCause getRootCause() {
        return rootCause;
    }

    String getSummary() {
        return summary;
    }

    String getActionsTaken() {
        return actionsTaken;
    }

    String getSuggestedReply() {
        return suggestedReply;
    }

    String getFindingsBy() {
        return findingsBy;
    }

    Instant getFindingsAt() {
        return findingsAt;
    }

    Instant getFindingsReadAt() {
        return findingsReadAt;
    }
}
