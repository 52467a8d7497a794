package io.gatedesk.mail;

import io.gatedesk.secret.SecretGuard;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes mails to the outbox, in the caller's transaction (so a mail exists exactly when the change that caused it
 * does), and shows admins what is in it.
 */
@Service
@Transactional(readOnly = true)
class Outbox {

    static final int LIST_SIZE = 25;

    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final SecretGuard secretGuard;
    private final MailProperties properties;
    private final Clock clock;

    Outbox(OutboxRepository outbox, MailTemplates templates, SecretGuard secretGuard, MailProperties properties,
           Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.secretGuard = secretGuard;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Renders template {@code template} and queues it. Subject and both bodies pass the secret guard once more: the
     * texts were guarded when stored, but a mail leaves our hands for good, so a key that slipped in is masked here.
     */
    @Transactional
    long enqueue(Mail mail) {
        return outbox.save(render(mail)).getId();
    }

    /**
     * As {@link #enqueue}, already claimed by the caller, who sends it at once: the scheduled sender leaves it alone
     * until {@code leaseEnd}, so the caller can tell an admin whether it went out.
     */
    @Transactional
    OutboxMail enqueueClaimed(Mail mail, Instant leaseEnd) {
        OutboxMail claimed = render(mail);
        claimed.claimUntil(leaseEnd);
        return outbox.save(claimed);
    }

    /**
     * As {@link #enqueue}, once for {@code messageId} (a warning about one SLA clock, say): when a mail with that id
     * exists already, here or written by another node, nothing is queued. Returns whether this call queued it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean enqueueOnce(Mail mail, String messageId) {
        if (outbox.existsByMessageId(messageId)) {
            return false;
        }
        OutboxMail once = render(mail);
        once.identify(messageId);
        try {
            outbox.saveAndFlush(once);
            return true;
        } catch (DataIntegrityViolationException raced) {
            return false;
        }
    }

    /** Drops a mail queued earlier in this transaction that a later one replaces (a reply sent with "and resolve"). */
    @Transactional
    void withdraw(long id) {
        outbox.deleteById(id);
    }

    private OutboxMail render(Mail mail) {
        RenderedMail rendered = templates.render(mail.template(), mail.subject(), mail.locale(), mail.variables());
        RenderedMail guarded = new RenderedMail(guard(rendered.subject()), guard(rendered.text()),
                guard(rendered.html()));
        String messageId = mail.kind() == MailKind.TICKET_FILED && mail.ticketId() != null
                ? threadRoot(mail.ticketId()) : "<gd." + UUID.randomUUID() + "@" + properties.domain() + ">";
        String inReplyTo = mail.ticketId() == null || messageId.equals(threadRoot(mail.ticketId())) ? null
                : threadRoot(mail.ticketId());
        return new OutboxMail(mail.kind(), mail.recipient(), mail.locale().toLanguageTag(), guarded, messageId,
                inReplyTo, mail.replyTo(), mail.ticketId(), clock.instant());
    }

    /** Every mail about one ticket answers the first (the customer's confirmation), so mail clients keep one thread. */
    String threadRoot(long ticketId) {
        return "<gd-ticket-" + ticketId + "@" + properties.domain() + ">";
    }

    private String guard(String text) {
        return secretGuard.redact(text).text();
    }

    /** One page of the outbox for the admin page, newest first, all mails or those in {@code status}. */
    Page<OutboxRow> page(OutboxStatus status, int page) {
        PageRequest request = PageRequest.of(Math.max(page, 0), LIST_SIZE, Sort.by(Sort.Direction.DESC, "id"));
        return (status == null ? outbox.findAll(request) : outbox.findByStatus(status, request)).map(OutboxRow::of);
    }

    Map<OutboxStatus, Long> counts() {
        Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, outbox.countByStatus(status));
        }
        return counts;
    }

    Instant lastSentAt() {
        return outbox.lastSentAt();
    }

    /** The latest failed attempt's error, for the admin page's SMTP status. */
    OutboxMail lastError() {
        return outbox.findFirstByLastErrorIsNotNullOrderByNextAttemptAtDesc();
    }

    /** Puts a FAILED mail back in the queue, due now; whether there was such a mail. */
    @Transactional
    boolean resend(long id) {
        return outbox.resend(id, clock.instant(), OutboxStatus.PENDING, OutboxStatus.FAILED) == 1;
    }

    /**
     * A mail to queue: its kind, who gets it, its language, the ticket it is about, its template's values, and where
     * answers go ({@code null}: to the sender).
     */
    record Mail(MailKind kind, String recipient, Locale locale, Long ticketId, String subject, String template,
                Map<String, Object> variables, String replyTo) {
    }
}
