package io.gatedesk.mail;

import io.gatedesk.secret.SecretGuard;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    static final int LIST_SIZE = 50;

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
    void enqueue(Mail mail) {
        RenderedMail rendered = templates.render(mail.template(), mail.subject(), mail.locale(), mail.variables());
        RenderedMail guarded = new RenderedMail(guard(rendered.subject()), guard(rendered.text()),
                guard(rendered.html()));
        String messageId = mail.kind() == MailKind.TICKET_FILED && mail.ticketId() != null
                ? threadRoot(mail.ticketId()) : "<gd." + UUID.randomUUID() + "@" + properties.domain() + ">";
        String inReplyTo = mail.ticketId() == null || messageId.equals(threadRoot(mail.ticketId())) ? null
                : threadRoot(mail.ticketId());
        outbox.save(new OutboxMail(mail.kind(), mail.recipient(), mail.locale().toLanguageTag(), guarded, messageId,
                inReplyTo, mail.ticketId(), clock.instant()));
    }

    /** Every mail about one ticket answers the first (the customer's confirmation), so mail clients keep one thread. */
    String threadRoot(long ticketId) {
        return "<gd-ticket-" + ticketId + "@" + properties.domain() + ">";
    }

    private String guard(String text) {
        return secretGuard.redact(text).text();
    }

    List<OutboxMail> latest(OutboxStatus status) {
        return status == null ? outbox.findAllByOrderByIdDesc(Limit.of(LIST_SIZE))
                : outbox.findByStatusOrderByIdDesc(status, Limit.of(LIST_SIZE));
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

    /** A mail to queue: its kind, who gets it, its language, the ticket it is about, and its template's values. */
    record Mail(MailKind kind, String recipient, Locale locale, Long ticketId, String subject, String template,
                Map<String, Object> variables) {
    }
}
