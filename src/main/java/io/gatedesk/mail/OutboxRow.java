package io.gatedesk.mail;

import io.gatedesk.ticket.TicketNumber;

import java.time.Instant;

/** One outbox mail as the admin page lists it: what, to whom, and how its delivery went. Never its body. */
record OutboxRow(long id, MailKind kind, String recipient, String subject, OutboxStatus status, int attempts,
                 String lastError, Instant createdAt, Instant sentAt, Instant nextAttemptAt, String ticketNumber) {

    static OutboxRow of(OutboxMail mail) {
        return new OutboxRow(mail.getId(), mail.getKind(), mail.getRecipient(), mail.getSubject(), mail.getStatus(),
                mail.getAttempts(), mail.getLastError(), mail.getCreatedAt(), mail.getSentAt(), mail.getNextAttemptAt(),
                mail.getTicketId() == null ? null : TicketNumber.format(mail.getTicketId()));
    }

    /** Only a mail that failed for good goes back in the queue; a pending one is retried anyway. */
    public boolean resendable() {
        return status == OutboxStatus.FAILED;
    }
}
