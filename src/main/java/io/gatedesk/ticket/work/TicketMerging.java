package io.gatedesk.ticket.work;

import io.gatedesk.common.Hashing;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.FollowLinkIssued;
import io.gatedesk.ticket.MergeRefusedException;
import io.gatedesk.ticket.MergeRefusedException.Reason;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketConflictException;
import io.gatedesk.ticket.TicketEvidenceChanged;
import io.gatedesk.ticket.TicketMerged;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketSplit;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.TicketStatusChanged;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.ticket.read.TicketReads;
import io.gatedesk.ticket.store.AuditTrail;
import io.gatedesk.ticket.store.AuthorType;
import io.gatedesk.ticket.store.MaskedKeyEvidence;
import io.gatedesk.ticket.store.MessageText;
import io.gatedesk.ticket.store.SearchTerms;
import io.gatedesk.ticket.store.Ticket;
import io.gatedesk.ticket.store.TicketMessage;
import io.gatedesk.ticket.store.TicketMessageRepository;
import io.gatedesk.ticket.store.TicketRepository;
import io.gatedesk.ticket.store.TicketTags;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging a duplicate ticket into another and splitting a customer message off into a ticket of its own. Both
 * happen in one transaction with the rows other features keep per ticket (they listen to {@link TicketMerged} and
 * {@link TicketSplit}), so a refused or conflicting request changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class TicketMerging {

    static final int SPLIT_SUBJECT_LENGTH = 120;
    /** As many task IDs as the form takes. */
    static final int MAX_TASK_IDS = NewTicket.MAX_TASK_IDS;

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketReads reads;
    private final MaskedKeyEvidence maskedKeys;
    private final SearchTerms searchTerms;
    private final TicketTags tags;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    TicketMerging(TicketRepository tickets, TicketMessageRepository messages, TicketReads reads,
                  MaskedKeyEvidence maskedKeys, SearchTerms searchTerms, TicketTags tags, AuditTrail audit, Clock clock,
                  ApplicationEventPublisher publisher) {
        this.tickets = tickets;
        this.messages = messages;
        this.reads = reads;
        this.maskedKeys = maskedKeys;
        this.searchTerms = searchTerms;
        this.tags = tags;
        this.audit = audit;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Moves the thread of ticket {@code fromId} (its opening text, messages, keys, tags, search terms; listeners move
     * pinned logs, request IDs and files) to {@code intoId} and closes it pointing there. Refused between different
     * customers, since the source's follow link then shows the target, and for a ticket merged already on either
     * side; {@code expectedVersion} is the source's version the agent saw. Answers the target's number.
     */
    @Transactional
    public String merge(long fromId, long intoId, long expectedVersion, Actor actor) {
        Ticket source = load(fromId);
        Ticket target = load(intoId);
        Optional<Reason> refused = refusal(source, target);
        if (refused.isPresent()) {
            throw new MergeRefusedException(refused.get());
        }
        if (source.getVersion() != expectedVersion) {
            throw new TicketConflictException(fromId);
        }
        publisher.publishEvent(new TicketMerged(fromId, intoId, reads.evidence(fromId), actor));

        // The source's own words open its part of the thread, at the time the customer wrote them.
        String opening = source.getSubject() + "\n\n" + source.getDescription();
        TicketMessage first = new TicketMessage(intoId, AuthorType.CUSTOMER, null, source.getCustomerName(),
                Visibility.PUBLIC, opening.length() > MessageText.MAX_LENGTH ? source.getDescription() : opening,
                source.getCreatedAt());
        first.markMovedFrom(fromId);
        messages.save(first);
        messages.findByTicketIdOrderByCreatedAtAscIdAsc(fromId).forEach(message -> message.moveTo(intoId, fromId));
        maskedKeys.copy(fromId, intoId);
        searchTerms.copy(fromId, intoId);
        tags.add(intoId, tags.of(List.of(fromId)).getOrDefault(fromId, List.of()));

        target.addTaskIds(source.getTaskIds(), MAX_TASK_IDS);

        Instant now = clock.instant();
        TicketStatus before = source.getStatus();
        source.mergeInto(intoId, now);
        target.touch(now);
        // A customer answer on the source that nobody answered yet is one on the target now: the queue marks it.
        if (source.getCustomerRepliedAt() != null && (target.getCustomerRepliedAt() == null
                || source.getCustomerRepliedAt().isAfter(target.getCustomerRepliedAt()))) {
            target.customerReplied(source.getCustomerRepliedAt());
        }
        audit.record(source, AuthorType.STAFF, actor.name(), TicketAction.MERGED_INTO, TicketNumber.format(intoId));
        audit.record(target, AuthorType.STAFF, actor.name(), TicketAction.MERGED_FROM, TicketNumber.format(fromId));
        if (before != TicketStatus.CLOSED) {
            audit.record(source, AuthorType.STAFF, actor.name(), TicketAction.STATUS_CHANGED,
                    before + " → " + TicketStatus.CLOSED);
            publisher.publishEvent(new TicketStatusChanged(fromId, before, TicketStatus.CLOSED, actor.name(), true));
        }
        flush(source);
        flush(target);
        publisher.publishEvent(TicketEvidenceChanged.changed(intoId));
        return TicketNumber.format(intoId);
    }

    /** Why merging {@code fromId} into {@code intoId} would be refused, for the confirmation before it; empty if not. */
    public Optional<Reason> refusal(long fromId, long intoId) {
        return refusal(load(fromId), load(intoId));
    }

    private static Optional<Reason> refusal(Ticket source, Ticket target) {
        if (source.getId().equals(target.getId())) {
            return Optional.of(Reason.SELF);
        }
        if (source.getMergedInto() != null) {
            return Optional.of(Reason.SOURCE_MERGED);
        }
        if (target.getMergedInto() != null) {
            return Optional.of(Reason.TARGET_MERGED);
        }
        // The source's follow link will show the target's thread: never another customer's.
        if (!sameCustomer(source, target)) {
            return Optional.of(Reason.DIFFERENT_CUSTOMER);
        }
        return Optional.empty();
    }

    /**
     * Makes customer message {@code messageId} of ticket {@code fromId} a new ticket of the same customer: its text
     * is the new ticket's description (keys and request IDs are found in it as in any filed text), its files follow
     * it, and both tickets record the split. The message stays in the source's thread, which still tells the story.
     * The customer is sent the new ticket's follow link. Answers the new ticket's number.
     */
    @Transactional
    public String split(long fromId, long messageId, Long expectedVersion, Actor actor) {
        Ticket source = load(fromId);
        if (expectedVersion != null && source.getVersion() != expectedVersion) {
            throw new TicketConflictException(fromId);
        }
        if (source.getMergedInto() != null) {
            throw new MergeRefusedException(Reason.SOURCE_MERGED);
        }
        TicketMessage message = messages.findById(messageId).filter(m -> m.getTicketId() == fromId)
                .orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(fromId) + "/" + messageId));
        if (!message.isFromCustomer()) {
            throw new MergeRefusedException(Reason.NOT_A_CUSTOMER_MESSAGE);
        }
        Instant now = clock.instant();
        String followToken = Hashing.randomToken(32);
        NewTicket filed = new NewTicket(subjectOf(message.getBody(), source.getSubject()), message.getBody(),
                source.getCustomerName(), source.getCustomerEmail(), null, null, null, null, null, List.of(), null,
                null, null, null, null, null);
        Ticket created = tickets.save(new Ticket(filed, null, source.getPriority(), Hashing.sha256Hex(followToken),
                source.getLocale(), now));
        created.splitFrom(fromId);
        long newId = created.getId();
        audit.record(created, AuthorType.STAFF, actor.name(), TicketAction.SPLIT_FROM, TicketNumber.format(fromId));
        audit.record(source, AuthorType.STAFF, actor.name(), TicketAction.SPLIT_TO, TicketNumber.format(newId));
        searchTerms.index(created);
        maskedKeys.recordNew(newId, List.of(message.getBody()), List.of());
        source.touch(now);
        flush(source);
        flush(created);
        publisher.publishEvent(new TicketSplit(fromId, messageId, newId));
        publisher.publishEvent(TicketEvidenceChanged.filed(newId));
        publisher.publishEvent(new FollowLinkIssued(newId, followToken));
        return TicketNumber.format(newId);
    }

    /** The first line of the message, shortened; the source's subject when the message has no words on a line. */
    static String subjectOf(String body, String fallback) {
        String line = body.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (line.isEmpty()) {
            return fallback;
        }
        return line.length() <= SPLIT_SUBJECT_LENGTH ? line : line.substring(0, SPLIT_SUBJECT_LENGTH - 1) + "…";
    }

    private static boolean sameCustomer(Ticket source, Ticket target) {
        return normal(source.getCustomerEmail()).equals(normal(target.getCustomerEmail()));
    }

    private static String normal(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private Ticket load(long id) {
        return tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
    }

    private void flush(Ticket ticket) {
        try {
            tickets.saveAndFlush(ticket);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new TicketConflictException(ticket.getId());
        }
    }
}
