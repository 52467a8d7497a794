package io.gatedesk.ticket.filing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.CustomerReplied;
import io.gatedesk.ticket.CustomerTicketView;
import io.gatedesk.ticket.FollowLinkIssued;
import io.gatedesk.ticket.InvalidMessageException;
import io.gatedesk.ticket.InvalidTicketException;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.SubmissionInFlightException;
import io.gatedesk.ticket.SubmissionKey;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketEvidenceChanged;
import io.gatedesk.ticket.TicketFiled;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.ticket.store.AuditTrail;
import io.gatedesk.ticket.store.AuthorType;
import io.gatedesk.ticket.store.MaskedKeyEvidence;
import io.gatedesk.ticket.store.MessageText;
import io.gatedesk.ticket.store.SearchTerms;
import io.gatedesk.ticket.store.Ticket;
import io.gatedesk.ticket.store.TicketEventRepository;
import io.gatedesk.ticket.store.TicketMessage;
import io.gatedesk.ticket.store.TicketMessageRepository;
import io.gatedesk.ticket.store.TicketRepository;
import io.gatedesk.common.Hashing;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Filing a ticket and the customer's side of it: the form and the API, the follow link, the customer's answers. */
@Service
@Transactional(readOnly = true)
public class TicketFiling {

    private static final int MAX_MERGE_HOPS = 10;

    private static final Logger log = LoggerFactory.getLogger(TicketFiling.class);
    /** Tries to file under one submission key when the database picks the transaction as a deadlock victim. */
    private static final int FILING_ATTEMPTS = 3;

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketEventRepository events;
    private final SecretGuard secretGuard;
    private final Validator validator;
    private final MessageSource messageSource;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final MaskedKeyEvidence maskedKeys;
    private final SearchTerms searchTerms;
    private final SubmissionKeys submissionKeys;
    private final AuditTrail audit;
    private final MessageText messageText;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    TicketFiling(TicketRepository tickets, TicketMessageRepository messages, TicketEventRepository events,
                 SecretGuard secretGuard, Validator validator, MessageSource messageSource, Clock clock,
                 ApplicationEventPublisher publisher, MaskedKeyEvidence maskedKeys, SearchTerms searchTerms,
                 SubmissionKeys submissionKeys, AuditTrail audit, MessageText messageText,
                 PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.messages = messages;
        this.events = events;
        this.secretGuard = secretGuard;
        this.validator = validator;
        this.messageSource = messageSource;
        this.clock = clock;
        this.publisher = publisher;
        this.maskedKeys = maskedKeys;
        this.searchTerms = searchTerms;
        this.submissionKeys = submissionKeys;
        this.audit = audit;
        this.messageText = messageText;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * Files a ticket. Every text passes the secret guard first, so neither the stored ticket nor a re-rendered form
     * ever holds a full key; then the same constraints apply whether it came from the form or the API.
     */
    @Transactional
    public TicketReceipt submit(NewTicket submission, Locale locale) {
        return submit(submission, locale, Map.of(), List.of());
    }

    /**
     * As {@link #submit(NewTicket, Locale)}, with problems the caller already found while reading the input (such as
     * a status code that is not a number), so the customer sees every problem at once and nothing is stored; and
     * with the secrets the caller already masked while reading it, so the audit trail records them too.
     */
    @Transactional
    public TicketReceipt submit(NewTicket submission, Locale locale, Map<String, String> readingErrors,
                                List<SecretFinding> maskedBefore) {
        List<SecretFinding> findings = new ArrayList<>(maskedBefore);
        return file(masked(submission, findings), findings, locale, readingErrors, null, null);
    }

    /**
     * As {@link #submit(NewTicket, Locale, Map, List)}, at most once per {@code key}: a retry with the same key and
     * the same ticket gets the first receipt back (also when both arrive at once: the key's primary key lets one
     * win, the other reads the winner's receipt), the same key with another ticket is refused. With no key it
     * simply files.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public TicketReceipt submitOnce(SubmissionKey key, NewTicket submission, Locale locale,
                                    Map<String, String> readingErrors, List<SecretFinding> maskedBefore) {
        List<SecretFinding> findings = new ArrayList<>(maskedBefore);
        NewTicket ticket = masked(submission, findings);
        if (key == null) {
            return writing.execute(status -> file(ticket, findings, locale, readingErrors, null, null));
        }
        String bodyHash = SubmissionKeys.bodyHash(ticket);
        for (int attempt = 1; ; attempt++) {
            try {
                return writing.execute(status -> submissionKeys.find(key)
                        .map(used -> submissionKeys.replay(key, used, bodyHash))
                        .orElseGet(() -> file(ticket, findings, locale, readingErrors, key, bodyHash)));
            } catch (ConcurrencyFailureException victim) {
                // A deadlock or serialization failure chose this transaction and rolled it back: if no other
                // submission holds the key, nothing was filed, and filing again is what the customer would do.
                if (attempt >= FILING_ATTEMPTS || reading.execute(status -> submissionKeys.find(key)).isPresent()) {
                    return receiptOfWinner(key, bodyHash, victim);
                }
                log.info("Filing with submission key retried after a transient conflict: {}", victim.toString());
            } catch (DataIntegrityViolationException raced) {
                return receiptOfWinner(key, bodyHash, raced);
            }
        }
    }

    /** The concurrent submission that took the key has committed, or is about to: wait briefly for its receipt. */
    private TicketReceipt receiptOfWinner(SubmissionKey key, String bodyHash, RuntimeException raced) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<SubmissionKeys.Used> used = reading.execute(status -> submissionKeys.find(key));
            if (used.isPresent() && used.get().ticketId() != null) {
                return submissionKeys.replay(key, used.get(), bodyHash);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (reading.execute(status -> submissionKeys.find(key)).isPresent()) {
            throw new SubmissionInFlightException();
        }
        throw raced;
    }

    private NewTicket masked(NewTicket submission, List<SecretFinding> findings) {
        return submission.withMaskedKey(secretGuard.redactMaskFieldInto(submission.maskedKey(), findings))
                .mapText(text -> secretGuard.redactInto(text, findings));
    }

    private TicketReceipt file(NewTicket ticket, List<SecretFinding> findings, Locale locale,
                               Map<String, String> readingErrors, SubmissionKey key, String bodyHash) {
        Map<String, String> errors = new LinkedHashMap<>(readingErrors);
        validate(ticket).forEach(errors::putIfAbsent);
        OffsetDateTime requestTime = null;
        if (ticket.requestTime() != null || ticket.requestTimeZone() != null) {
            try {
                ZoneId zone = ticket.requestTimeZone() == null ? ZoneId.of("UTC") : ZoneId.of(ticket.requestTimeZone());
                requestTime = ticket.requestTime() == null ? null : ticket.requestTime().atZone(zone).toOffsetDateTime();
            } catch (DateTimeException e) {
                errors.putIfAbsent("requestTimeZone", message("ticket.requestTimeZone.invalid"));
            }
        }
        List<SecretFinding> distinct = SecretFinding.distinct(findings);
        if (!errors.isEmpty()) {
            throw new InvalidTicketException(ticket, errors, distinct);
        }
        if (key != null) {
            submissionKeys.claim(key, bodyHash);
        }
        String followToken = Hashing.randomToken(32);
        Ticket saved = tickets.save(new Ticket(ticket, requestTime, suggestedPriority(ticket.callerType()),
                Hashing.sha256Hex(followToken), locale == null ? null : locale.toLanguageTag(), clock.instant()));
        audit.record(saved, AuthorType.CUSTOMER, saved.getCustomerName(), TicketAction.CREATED, null);
        searchTerms.index(saved);
        audit.recordMasking(saved, AuthorType.CUSTOMER, saved.getCustomerName(), distinct);
        maskedKeys.recordNew(saved.getId(), java.util.Arrays.asList(ticket.subject(), ticket.description(),
                ticket.maskedKey(), ticket.errorMessage(), ticket.baseUrl()), distinct);
        log.info("Filed {}: {} ({} secret(s) masked)", TicketNumber.format(saved.getId()), saved.getSubject(),
                distinct.size());
        publisher.publishEvent(TicketEvidenceChanged.filed(saved.getId()));
        publisher.publishEvent(new TicketFiled(saved.getId()));
        publisher.publishEvent(new FollowLinkIssued(saved.getId(), followToken));
        TicketReceipt receipt = new TicketReceipt(saved.getId(), TicketNumber.format(saved.getId()), followToken, distinct);
        if (key != null) {
            submissionKeys.filed(key, receipt);
        }
        return receipt;
    }

    /**
     * The ticket a follow link leads to. The link of a ticket merged into another shows that other ticket (a merge
     * never joins two customers, see {@code TicketMerging}), saying which ticket the link was issued for.
     */
    public Optional<CustomerTicketView> forCustomer(String followToken) {
        return linkedTicket(followToken).map(linked -> {
            Ticket ticket = followMerges(linked);
            return new CustomerTicketView(
                    TicketNumber.format(ticket.getId()), ticket.getSubject(), ticket.getDescription(), ticket.getStatus(),
                    ticket.getCreatedAt(), ticket.getUpdatedAt(),
                    messages.findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(ticket.getId(), Visibility.PUBLIC)
                            .stream().map(TicketMessage::toView).toList(),
                    events.existsByTicketIdAndAction(ticket.getId(), TicketAction.SECRET_MASKED),
                    ticket == linked ? null : TicketNumber.format(linked.getId()));
        });
    }

    /** The customer answers through the follow link; an answer reopens a resolved ticket or one waiting on them. */
    @Transactional
    public List<SecretFinding> customerReply(String followToken, String body) {
        Ticket ticket = findByFollowToken(followToken).orElseThrow(() -> new TicketNotFoundException("follow link"));
        List<SecretFinding> findings = new ArrayList<>();
        String text = messageText.checked(body, findings);
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            throw new InvalidMessageException(message("ticket.closed.noReplies"), text);
        }
        Instant now = clock.instant();
        TicketMessage answer = messages.save(new TicketMessage(ticket.getId(), AuthorType.CUSTOMER, null,
                ticket.getCustomerName(), Visibility.PUBLIC, text, now));
        audit.record(ticket, AuthorType.CUSTOMER, ticket.getCustomerName(), TicketAction.CUSTOMER_REPLY, null);
        ticket.customerReplied(now);
        TicketStatus before = ticket.getStatus();
        if (before == TicketStatus.RESOLVED || before == TicketStatus.WAITING_ON_CUSTOMER) {
            ticket.changeStatus(TicketStatus.OPEN, now);
            audit.record(ticket, AuthorType.CUSTOMER, ticket.getCustomerName(),
                    before == TicketStatus.RESOLVED ? TicketAction.REOPENED : TicketAction.STATUS_CHANGED,
                    before + " → " + TicketStatus.OPEN);
        } else {
            ticket.touch(now);
        }
        List<SecretFinding> distinct = SecretFinding.distinct(findings);
        audit.recordMasking(ticket, AuthorType.CUSTOMER, ticket.getCustomerName(), distinct);
        maskedKeys.record(ticket.getId(), List.of(text), distinct);
        publisher.publishEvent(TicketEvidenceChanged.changed(ticket.getId()));
        publisher.publishEvent(new CustomerReplied(ticket.getId(), answer.toView().id()));
        return distinct;
    }

    /** The ticket the follow link leads to: the one it was issued for, or the one that was merged into. */
    private Optional<Ticket> findByFollowToken(String followToken) {
        return linkedTicket(followToken).map(this::followMerges);
    }

    private Optional<Ticket> linkedTicket(String followToken) {
        if (followToken == null || followToken.isBlank() || followToken.length() > 100) {
            return Optional.empty();
        }
        return tickets.findByFollowTokenHash(Hashing.sha256Hex(followToken));
    }

    /** A target may itself be merged later; a merge refuses merged targets, so the chain has no loop. */
    private Ticket followMerges(Ticket ticket) {
        Ticket current = ticket;
        for (int hop = 0; hop < MAX_MERGE_HOPS && current.getMergedInto() != null; hop++) {
            current = tickets.findById(current.getMergedInto()).orElse(current);
        }
        return current;
    }

    private Map<String, String> validate(NewTicket ticket) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ConstraintViolation<NewTicket>> violations = validator.validate(ticket);
        violations.stream()
                .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .forEach(violation -> errors.putIfAbsent(fieldOf(violation), violation.getMessage()));
        return errors;
    }

    /** {@code requestIds[2].<list element>} is reported on the {@code requestIds} field the form shows. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int cut = path.indexOf('[');
        int dot = path.indexOf('.');
        int end = cut < 0 ? dot : (dot < 0 ? cut : Math.min(cut, dot));
        return end < 0 ? path : path.substring(0, end);
    }

    private static Priority suggestedPriority(CallerType callerType) {
        if (callerType == null) {
            return Priority.P3;
        }
        return switch (callerType) {
            case PRODUCTION -> Priority.P2;
            case HIGH_COST -> Priority.P3;
            case TEST, PERSONAL -> Priority.P4;
        };
    }

    private String message(String code, Object... args) {
        return messageSource.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
