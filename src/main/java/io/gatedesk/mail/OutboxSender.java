package io.gatedesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Delivers due outbox mails with Spring's {@link JavaMailSender}, on a schedule, never in a customer's request: an
 * SMTP outage only makes mails wait. Each mail is claimed before it is sent (see {@link OutboxRepository#claim}), so
 * several nodes may run this at once and each mail goes out once; a failed attempt waits longer each time and the mail
 * is FAILED after {@code gatedesk.mail.max-attempts}.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final List<OutboxStatus> DUE = List.of(OutboxStatus.PENDING, OutboxStatus.SENDING);

    private final OutboxRepository outbox;
    private final MailSettings settings;
    private final MailProperties properties;
    private final Clock clock;
    private final String baseUrl;

    OutboxSender(OutboxRepository outbox, MailSettings settings, MailProperties properties, Clock clock,
                 @Value("${gatedesk.site.base-url:}") String baseUrl) {
        this.outbox = outbox;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    @Scheduled(fixedDelayString = "${gatedesk.mail.send-interval:5s}", initialDelayString = "${gatedesk.mail.send-interval:5s}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT2M", lockAtLeastFor = "PT1S")
    void sendDue() {
        settings.sender().ifPresent(this::sendDue);
    }

    /** Sends what is due now; returns how many mails went out. */
    int sendDue(JavaMailSender sender) {
        int sent = 0;
        Instant now = clock.instant();
        for (OutboxMail due : outbox.findDue(DUE, now, Limit.of(properties.batchSize()))) {
            if (outbox.claim(due.getId(), due.getAttempts(), now, now.plus(properties.lease()), OutboxStatus.SENDING,
                    DUE) == 1 && send(sender, due, due.getAttempts() + 1, false).isEmpty()) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Sends {@code mail}, claimed by its writer, once and now: an admin's test mail, whose outcome the admin waits
     * for. A failure is final, not retried behind the admin's back. Returns the error, empty when it went out.
     */
    Optional<String> sendClaimed(JavaMailSender sender, OutboxMail mail) {
        return send(sender, mail, mail.getAttempts(), true);
    }

    /** One attempt; returns the error, empty when the mail went out. */
    private Optional<String> send(JavaMailSender sender, OutboxMail mail, int attempt, boolean once) {
        try {
            sender.send(message(sender, mail));
            outbox.markSent(mail.getId(), clock.instant(), OutboxStatus.SENT);
            return Optional.empty();
        } catch (MailParseException | MailPreparationException | MessagingException e) {
            // The mail itself is wrong (an address that cannot be parsed): trying again cannot help.
            return Optional.of(failed(mail, attempt, e, true));
        } catch (MailException e) {
            return Optional.of(failed(mail, attempt, e, once));
        }
    }

    private String failed(OutboxMail mail, int attempt, Exception e, boolean forGood) {
        String error = describe(e);
        boolean last = forGood || attempt >= properties.maxAttempts();
        Instant next = clock.instant().plus(properties.backoff(attempt));
        outbox.markAttemptFailed(mail.getId(), last ? OutboxStatus.FAILED : OutboxStatus.PENDING, next, error);
        log.warn("Mail {} ({} to ticket {}) attempt {} failed{}: {}", mail.getId(), mail.getKind(), mail.getTicketId(),
                attempt, last ? " for good" : ", retrying after " + properties.backoff(attempt), error);
        return error;
    }

    /** The exception chain's messages, short enough for the table; SMTP's reply is usually the innermost one. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < 1000; cause = cause.getCause()) {
            if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
                text.append(text.isEmpty() ? "" : " / ").append(cause.getMessage().strip());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String all = text.isEmpty() ? e.getClass().getSimpleName() : text.toString();
        return all.length() > 1000 ? all.substring(0, 1000) : all;
    }

    private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.getRecipient());
        if (mail.getReplyTo() != null) {
            helper.setReplyTo(mail.getReplyTo());
        }
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getTextBody(), mail.getHtmlBody());
        // JavaMailSenderImpl keeps a Message-ID set before sending: the same for every attempt, so a retry after a
        // lost reply does not thread as a second mail.
        message.setHeader("Message-ID", mail.getMessageId());
        if (mail.getInReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.getInReplyTo());
            message.setHeader("References", mail.getInReplyTo());
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.setHeader("Content-Language", mail.getLang());
        if (mail.getKind().audience == MailKind.Audience.STAFF && !baseUrl.isEmpty()) {
            // Staff switch each kind off on their profile page; mail clients offer this as "unsubscribe".
            message.setHeader("List-Unsubscribe", "<" + baseUrl + "/profile>");
        }
        if (mail.getTicketId() != null) {
            message.setHeader("X-GateDesk-Ticket", io.gatedesk.ticket.TicketNumber.format(mail.getTicketId()));
        }
        return message;
    }
}
