package io.gatedesk.mail;

import io.gatedesk.common.Hashing;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.InvalidMessageException;
import io.gatedesk.ticket.InvalidTicketException;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketAttachments;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a mail from the support mailbox into a customer's reply on its ticket or a new ticket, through the ticket
 * feature's public face exactly as the follow page and the form do (secret guard, request IDs, triage), and keeps a
 * record of every mail with what became of it. Loop protection first: automatic mail and our own mail are never
 * answered, one sender cannot flood the desk, and a mail too large is not read.
 */
@Service
class InboundMail {

    private static final Logger log = LoggerFactory.getLogger(InboundMail.class);
    private static final Pattern SUBJECT_NUMBER = Pattern.compile("\\[(GD-\\d{1,18})]");
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^\\s*((re|fw|fwd|aw|wg|sv|回复|回覆|答复|转发|轉寄)\\s*[:：]\\s*|\\[GD-\\d+]\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final int MAX_SUBJECT = 200;

    private final InboundRecordRepository records;
    private final OutboxRepository outbox;
    private final MailThreads threads;
    private final TicketService tickets;
    private final SecretGuard secretGuard;
    private final MailProperties properties;
    private final InboundProperties inbound;
    private final MailTemplates templates;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectProvider<TicketAttachments> attachments;

    InboundMail(InboundRecordRepository records, OutboxRepository outbox, MailThreads threads, TicketService tickets,
                SecretGuard secretGuard, MailProperties properties, InboundProperties inbound,
                MailTemplates templates, PlatformTransactionManager transactions, Clock clock,
                ObjectProvider<TicketAttachments> attachments) {
        this.records = records;
        this.attachments = attachments;
        this.outbox = outbox;
        this.threads = threads;
        this.tickets = tickets;
        this.secretGuard = secretGuard;
        this.properties = properties;
        this.inbound = inbound;
        this.templates = templates;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Processes one mail, once: its Message-ID is claimed first, so a mail read again (or by two nodes at once) is
     * left alone. Returns what became of it, empty when it had been processed before.
     */
    Optional<InboundOutcome> process(IncomingMail mail) {
        String messageId = mail.messageId() != null ? mail.messageId()
                : "<no-id." + Hashing.sha256Hex(mail.from() + "\n" + mail.subject() + "\n" + mail.text() + mail.html())
                        + ">";
        Optional<InboundRecord> claimed = claim(messageId, mail.from(), mail.subject(), mail.size());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Result result;
        try {
            result = decide(mail);
        } catch (RuntimeException e) {
            log.warn("Inbound mail {} could not be processed", messageId, e);
            result = new Result(InboundOutcome.REJECTED, "error: " + describe(e), null);
        }
        return Optional.of(settle(claimed.get(), result));
    }

    /** A mail Jakarta Mail could not even parse: recorded as REJECTED with the reason, and left in the mailbox. */
    Optional<InboundOutcome> unreadable(Message message, Exception problem) {
        String messageId;
        String subject;
        try {
            messageId = message instanceof MimeMessage mime && mime.getMessageID() != null ? mime.getMessageID()
                    : "<unreadable." + message.getMessageNumber() + "." + clock.millis() + ">";
            subject = message.getSubject();
        } catch (MessagingException e) {
            messageId = "<unreadable." + message.getMessageNumber() + "." + clock.millis() + ">";
            subject = null;
        }
        return claim(messageId, null, subject, 0).map(record -> settle(record,
                new Result(InboundOutcome.REJECTED, "could not read the mail: " + describe(problem), null)));
    }

    private Optional<InboundRecord> claim(String messageId, String from, String subject, long size) {
        try {
            return Optional.ofNullable(transaction.execute(status -> records.saveAndFlush(new InboundRecord(
                    clip(messageId, 400), clip(from, 320), clip(guard(subject), 400), size, clock.instant()))));
        } catch (DataIntegrityViolationException seenBefore) {
            return Optional.empty();
        }
    }

    private InboundOutcome settle(InboundRecord record, Result result) {
        record.settle(result.outcome(), guard(result.reason()), result.ticketId());
        records.save(record);
        log.info("Inbound mail {} from {}: {}{}", record.getMessageId(), record.getSender(), result.outcome(),
                result.reason() == null ? "" : " (" + result.reason() + ")");
        return result.outcome();
    }

    private String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + guard(String.valueOf(e.getMessage()));
    }

    private Result decide(IncomingMail mail) {
        if (isOurs(mail)) {
            return new Result(InboundOutcome.IGNORED, "our own mail", null);
        }
        String automatic = mail.automaticReason();
        if (automatic != null) {
            return new Result(InboundOutcome.IGNORED, automatic, null);
        }
        if (mail.from() == null || !MailAdmin.isOneAddress(mail.from())) {
            return new Result(InboundOutcome.REJECTED, "no sender address", null);
        }
        if (mail.size() > inbound.maxSize().toBytes()) {
            return new Result(InboundOutcome.REJECTED, "too large: " + mail.size() + " bytes, the limit is "
                    + inbound.maxSize().toBytes(), null);
        }
        long recent = records.countBySenderIgnoreCaseAndReceivedAtAfterAndOutcomeIn(mail.from(),
                clock.instant().minus(Duration.ofHours(1)), EnumSet.of(InboundOutcome.NEW_TICKET, InboundOutcome.REPLY));
        if (recent >= inbound.perSenderPerHour()) {
            return new Result(InboundOutcome.REJECTED, "rate limit: " + recent + " mails from this sender in the last"
                    + " hour (gatedesk.mail.inbound.per-sender-per-hour=" + inbound.perSenderPerHour() + ")", null);
        }
        String body = MailText.written(mail.text(), mail.html());
        if (body.isBlank()) {
            return new Result(InboundOutcome.REJECTED, "no text in the mail", null);
        }
        Match match = match(mail);
        if (match.foreignSender() != null) {
            return new Result(InboundOutcome.REJECTED, "answers " + match.foreignSender()
                    + " but comes from an address that is not the customer's", null);
        }
        if (match.ticket() != null) {
            Optional<String> followToken = threads.followToken(match.ticket().id());
            if (match.ticket().status() != TicketStatus.CLOSED && followToken.isPresent()) {
                try {
                    tickets.customerReply(followToken.get(), body);
                    return new Result(InboundOutcome.REPLY, attachFiles(mail, match.ticket().id(),
                            Locale.forLanguageTag(match.ticket().locale()), null), match.ticket().id());
                } catch (InvalidMessageException invalid) {
                    return new Result(InboundOutcome.REJECTED, invalid.getMessage(), match.ticket().id());
                }
            }
            return newTicket(mail, body, match.ticket().number() + (followToken.isEmpty()
                    ? " has no mail thread" : " is closed") + ": filed as a new ticket");
        }
        return newTicket(mail, body, null);
    }

    private Result newTicket(IncomingMail mail, String body, String note) {
        Locale locale = languageOf(mail, body);
        String subject = REPLY_PREFIX.matcher(mail.subject() == null ? "" : mail.subject()).replaceFirst("").strip();
        if (subject.isEmpty()) {
            subject = templates.message("mail.inbound.noSubject", locale);
        }
        String name = mail.fromName() != null && !mail.fromName().isBlank() ? mail.fromName().strip()
                : mail.from().substring(0, mail.from().indexOf('@'));
        try {
            TicketReceipt receipt = tickets.submit(new NewTicket(clip(subject, MAX_SUBJECT), clip(body, 20000),
                    clip(name, 120), mail.from(), null, null, null, null, null, null, null, null, null, null, null,
                    null), locale);
            return new Result(InboundOutcome.NEW_TICKET, attachFiles(mail, receipt.id(), locale, note), receipt.id());
        } catch (InvalidTicketException invalid) {
            return new Result(InboundOutcome.REJECTED, "not a valid ticket: " + invalid.fieldErrors(), null);
        }
    }

    /**
     * Stores the mail's files on the ticket through the attachment feature, each checked on its own as the form
     * checks uploads (size, type, count), so one refused file does not lose the others; the customer is the
     * uploader. Returns the record's note, with the files that were not stored and why.
     */
    private String attachFiles(IncomingMail mail, long ticketId, Locale locale, String note) {
        TicketAttachments files = attachments.getIfAvailable();
        if (mail.files().isEmpty() || files == null) {
            return note;
        }
        List<MultipartFile> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (MailFile file : mail.files()) {
            if (accepted.size() >= files.maxFiles()) {
                refused.add(file.fileName() + ": more than " + files.maxFiles() + " files");
                continue;
            }
            files.refusal(List.of(file), locale).ifPresentOrElse(
                    why -> refused.add(file.fileName() + ": " + why), () -> accepted.add(file));
        }
        if (!accepted.isEmpty()) {
            files.attach(ticketId, null, accepted, mail.fromName() != null && !mail.fromName().isBlank()
                    ? mail.fromName().strip() : mail.from(), true, false);
        }
        if (refused.isEmpty()) {
            return note;
        }
        String notStored = "files not stored: " + String.join("; ", refused);
        return note == null ? notStored : note + "; " + notStored;
    }

    /**
     * The ticket a mail answers: by the token in our reply address (from whoever sends it), else by the Message-ID it
     * answers or the ticket number in its subject, from the ticket's customer only.
     */
    private Match match(IncomingMail mail) {
        for (String recipient : mail.recipients()) {
            Optional<TicketDetail> ticket = threads.ticketOfReplyAddress(recipient).flatMap(this::ticket);
            if (ticket.isPresent()) {
                return new Match(ticket.get(), null);
            }
        }
        Optional<TicketDetail> answered = mail.answers().stream().map(this::ticketOfMessageId)
                .flatMap(Optional::stream).findFirst().flatMap(this::ticket);
        if (answered.isEmpty() && mail.subject() != null) {
            Matcher number = SUBJECT_NUMBER.matcher(mail.subject());
            answered = number.find() ? tickets.idOf(number.group(1)).flatMap(this::ticket) : Optional.empty();
        }
        if (answered.isEmpty()) {
            return new Match(null, null);
        }
        return mail.from().equalsIgnoreCase(answered.get().customerEmail()) ? new Match(answered.get(), null)
                : new Match(null, answered.get().number());
    }

    private Optional<Long> ticketOfMessageId(String messageId) {
        Matcher root = Pattern.compile("^<gd-ticket-(\\d{1,18})@" + Pattern.quote(properties.domain()) + ">$")
                .matcher(messageId);
        if (root.matches()) {
            return Optional.of(Long.parseLong(root.group(1)));
        }
        return outbox.ticketOfMessage(messageId).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private Optional<TicketDetail> ticket(long id) {
        try {
            return Optional.of(tickets.detail(id));
        } catch (TicketNotFoundException gone) {
            return Optional.empty();
        }
    }

    /** Our own mails coming back (a forwarding loop, a mailbox that is also our sender): never processed. */
    private boolean isOurs(IncomingMail mail) {
        String domain = "@" + properties.domain() + ">";
        return mail.fromGateDesk()
                || mail.from() != null && (mail.from().equalsIgnoreCase(properties.from())
                        || mail.from().equalsIgnoreCase(threads.supportAddress()))
                || mail.messageId() != null && mail.messageId().startsWith("<gd") && mail.messageId().endsWith(domain);
    }

    /** Simplified Chinese when the mail says so or is written in Chinese characters, else English. */
    private static Locale languageOf(IncomingMail mail, String body) {
        if (mail.contentLanguage() != null) {
            return MailLanguage.of(mail.contentLanguage().split(",")[0].strip());
        }
        return HAN.matcher((mail.subject() == null ? "" : mail.subject()) + body).find() ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH;
    }

    private String guard(String text) {
        return text == null ? null : secretGuard.redact(text).text();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private record Match(TicketDetail ticket, String foreignSender) {
    }

    private record Result(InboundOutcome outcome, String reason, Long ticketId) {
    }
}
