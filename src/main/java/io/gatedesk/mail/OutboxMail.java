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

/** One mail in the outbox: rendered and guarded when written, delivered later by {@link OutboxSender}. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailKind kind;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String lang;

    @Column(nullable = false)
    private String subject;

    private String textBody;

    private String htmlBody;

    @Column(nullable = false)
    private String messageId;

    private String inReplyTo;

    private String replyTo;

    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private Instant nextAttemptAt;

    private String lastError;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant sentAt;

    protected OutboxMail() {
    }

    OutboxMail(MailKind kind, String recipient, String lang, RenderedMail mail, String messageId, String inReplyTo,
               String replyTo, Long ticketId, Instant now) {
        this.replyTo = replyTo;
        this.kind = kind;
        this.recipient = recipient;
        this.lang = lang;
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.messageId = messageId;
        this.inReplyTo = inReplyTo;
        this.ticketId = ticketId;
        this.status = OutboxStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Taken by the node that wrote it, for its first attempt, until {@code leaseEnd}. */
    void claimUntil(Instant leaseEnd) {
        this.status = OutboxStatus.SENDING;
        this.attempts = 1;
        this.nextAttemptAt = leaseEnd;
    }

    /** A fixed Message-ID, which makes the mail unique: one warning per SLA clock and due time. */
    void identify(String messageId) {
        this.messageId = messageId;
    }

    Long getId() {
        return id;
    }

    MailKind getKind() {
        return kind;
    }

    String getRecipient() {
        return recipient;
    }

    String getLang() {
        return lang;
    }

    String getSubject() {
        return subject;
    }

    String getTextBody() {
        return textBody;
    }

    String getHtmlBody() {
        return htmlBody;
    }

    String getMessageId() {
        return messageId;
    }

    String getInReplyTo() {
        return inReplyTo;
    }

    String getReplyTo() {
        return replyTo;
    }

    Long getTicketId() {
        return ticketId;
    }

    OutboxStatus getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    String getLastError() {
        return lastError;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSentAt() {
        return sentAt;
    }
}
