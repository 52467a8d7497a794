package io.gatedesk.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One mail read from the support mailbox and what became of it; no body, only its guarded subject. */
@Entity
@Table(name = "mail_inbound")
class InboundRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String messageId;

    private String sender;

    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InboundOutcome outcome;

    private String reason;

    private Long ticketId;

    private Long sizeBytes;

    @Column(nullable = false)
    private Instant receivedAt;

    protected InboundRecord() {
    }

    InboundRecord(String messageId, String sender, String subject, long sizeBytes, Instant receivedAt) {
        this.messageId = messageId;
        this.sender = sender;
        this.subject = subject;
        this.sizeBytes = sizeBytes;
        this.outcome = InboundOutcome.PROCESSING;
        this.receivedAt = receivedAt;
    }

    void settle(InboundOutcome outcome, String reason, Long ticketId) {
        this.outcome = outcome;
        this.reason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        this.ticketId = ticketId;
    }

    Long getId() {
        return id;
    }

    String getMessageId() {
        return messageId;
    }

    String getSender() {
        return sender;
    }

    String getSubject() {
        return subject;
    }

    InboundOutcome getOutcome() {
        return outcome;
    }

    String getReason() {
        return reason;
    }

    Long getTicketId() {
        return ticketId;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }
}
