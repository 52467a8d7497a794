package io.gatedesk.ticket.work;

import io.gatedesk.ticket.BulkTarget;
import io.gatedesk.ticket.Tag;
import io.gatedesk.ticket.TicketTagging;
import io.gatedesk.ticket.store.TicketTags;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.BulkOutcome;
import io.gatedesk.ticket.BulkReply;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.PublicReplyAdded;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketAssigned;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketConflictException;
import io.gatedesk.ticket.TicketEvidenceChanged;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.TicketStatusChanged;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.ticket.store.AuditTrail;
import io.gatedesk.ticket.store.AuthorType;
import io.gatedesk.ticket.store.MaskedKeyEvidence;
import io.gatedesk.ticket.store.MessageText;
import io.gatedesk.ticket.store.Ticket;
import io.gatedesk.ticket.store.TicketMessage;
import io.gatedesk.ticket.store.TicketMessageRepository;
import io.gatedesk.ticket.store.TicketRepository;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.ticket.read.TicketReads;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;

/** Working a ticket: replies and notes, status, priority and assignee, and what other features record on it. */
@Service
@Transactional(readOnly = true)
public class TicketWork {

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final UserService users;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final MaskedKeyEvidence maskedKeys;
    private final TicketCategoryWriter categoryWriter;
    private final TicketBulkWriter bulk;
    private final AuditTrail audit;
    private final MessageText messageText;
    private final TicketTags tags;
    private final TransactionTemplate perTicket;

    TicketWork(TicketRepository tickets, TicketMessageRepository messages, UserService users, Clock clock,
               ApplicationEventPublisher publisher, MaskedKeyEvidence maskedKeys, TicketCategoryWriter categoryWriter,
               TicketBulkWriter bulk, AuditTrail audit, MessageText messageText, TicketTags tags,
               PlatformTransactionManager transactions) {
        this.tags = tags;
        this.perTicket = new TransactionTemplate(transactions);
        this.tickets = tickets;
        this.messages = messages;
        this.users = users;
        this.clock = clock;
        this.publisher = publisher;
        this.maskedKeys = maskedKeys;
        this.categoryWriter = categoryWriter;
        this.bulk = bulk;
        this.audit = audit;
        this.messageText = messageText;
    }

    /**
     * Stores the category another feature inferred for the ticket and, unless a person has chosen the priority, the
     * priority suggested with it. Neither counts as an edit: the version and the last-updated time stay as they were,
     * so an agent working on the ticket meets no conflict. A priority it changes is recorded in the audit trail.
     */
    @Transactional
    public void applyCategory(long id, String category, Priority suggestedPriority, String actorName, String detail) {
        if (categoryWriter.apply(List.of(new TicketService.CategoryUpdate(id, category, suggestedPriority, detail)), actorName) == 0) {
            throw new TicketNotFoundException(TicketNumber.format(id));
        }
    }

    /**
     * As {@link #applyCategory} for many tickets at once, with one statement per kind of change; tickets that no
     * longer exist are skipped.
     */
    @Transactional
    public void applyCategories(List<TicketService.CategoryUpdate> updates, String actorName) {
        categoryWriter.apply(updates, actorName);
    }

    /**
     * Stores the ticket's checklist progress ("done/total", or {@code null} for none) for the queue. Derived like the
     * category, so neither the version nor the last-updated time moves.
     */
    @Transactional
    public void setChecklistProgress(long id, String progress) {
        if (!tickets.existsById(id)) {
            throw new TicketNotFoundException(TicketNumber.format(id));
        }
        tickets.setChecklistProgress(id, progress);
    }

    /** Adds a line to the ticket's audit trail for something another feature did to it (a category override, …). */
    @Transactional
    public void recordAudit(long id, Actor actor, TicketAction action, String detail) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
        audit.record(ticket, AuthorType.STAFF, actor.name(), action, detail);
    }

    /**
     * Adds a staff reply or internal note. {@code expectedVersion} is the version the agent saw; {@code null} (API
     * callers that do not track versions) skips the check but still loses nothing to a concurrent save.
     */
    @Transactional
    public MessageView addStaffMessage(long id, String body, Visibility visibility, Long expectedVersion, Actor actor) {
        Ticket ticket = load(id, expectedVersion);
        List<SecretFinding> findings = new ArrayList<>();
        String text = messageText.checked(body, findings);
        Instant now = clock.instant();
        TicketMessage saved = messages.save(new TicketMessage(ticket.getId(), AuthorType.STAFF, actor.userId(),
                actor.name(), visibility, text, now));
        if (visibility == Visibility.PUBLIC) {
            ticket.staffReplied(now);
            audit.record(ticket, AuthorType.STAFF, actor.name(), TicketAction.PUBLIC_REPLY, null);
        } else {
            ticket.touch(now);
            audit.record(ticket, AuthorType.STAFF, actor.name(), TicketAction.INTERNAL_NOTE, null);
        }
        List<SecretFinding> distinct = SecretFinding.distinct(findings);
        audit.recordMasking(ticket, AuthorType.STAFF, actor.name(), distinct);
        maskedKeys.record(ticket.getId(), List.of(text), distinct);
        flush(ticket);
        publisher.publishEvent(TicketEvidenceChanged.changed(ticket.getId()));
        if (visibility == Visibility.PUBLIC) {
            publisher.publishEvent(new PublicReplyAdded(ticket.getId(), saved.toView().id(), actor.name()));
        }
        return saved.toView();
    }

    /**
     * Sends a reply or note and, in the same transaction, sets the status ({@code then}, or {@code null} to leave it):
     * "send and resolve" is one action, so it cannot half-happen.
     */
    @Transactional
    public MessageView reply(long id, String body, Visibility visibility, long expectedVersion, Actor actor,
                             TicketStatus then) {
        MessageView sent = addStaffMessage(id, body, visibility, expectedVersion, actor);
        if (then != null) {
            change(tickets.findById(id).orElseThrow(), new TicketChange(then, null, null, false), actor);
        }
        return sent;
    }

    @Transactional
    public void change(long id, TicketChange change, long expectedVersion, Actor actor) {
        change(load(id, expectedVersion), change, actor);
    }

    private void change(Ticket ticket, TicketChange change, Actor actor) {
        Instant now = clock.instant();
        if (change.status() != null && change.status() != ticket.getStatus()) {
            TicketStatus before = ticket.getStatus();
            ticket.changeStatus(change.status(), now);
            audit.record(ticket, AuthorType.STAFF, actor.name(), TicketAction.STATUS_CHANGED, before + " → " + change.status());
            publisher.publishEvent(new TicketStatusChanged(ticket.getId(), before, change.status(), actor.name()));
        }
        if (change.priority() != null && change.priority() != ticket.getPriority()) {
            Priority before = ticket.getPriority();
            ticket.changePriority(change.priority(), now);
            audit.record(ticket, AuthorType.STAFF, actor.name(), TicketAction.PRIORITY_CHANGED,
                    before + " → " + change.priority());
        }
        Long newAssignee = change.unassign() ? null : change.assigneeId();
        if ((change.unassign() || change.assigneeId() != null)
                && !java.util.Objects.equals(newAssignee, ticket.getAssigneeId())) {
            Map<Long, StaffMember> staff = users.staffById();
            if (newAssignee != null && (!staff.containsKey(newAssignee) || !staff.get(newAssignee).enabled())) {
                throw new IllegalArgumentException("Cannot assign to staff member " + newAssignee);
            }
            String before = TicketReads.nameOf(staff, ticket.getAssigneeId());
            ticket.assign(newAssignee, now);
            audit.record(ticket, AuthorType.STAFF, actor.name(), TicketAction.ASSIGNED,
                    (before == null ? "—" : before) + " → " + (newAssignee == null ? "—" : TicketReads.nameOf(staff, newAssignee)));
            publisher.publishEvent(new TicketAssigned(ticket.getId(), newAssignee, actor.userId(), actor.name()));
        }
        flush(ticket);
    }

    /**
     * Sets the status for another feature's action over many tickets (an incident resolved), without a version check:
     * the audit line says why. A ticket already in that status is left alone; returns whether it changed.
     */
    @Transactional
    public boolean changeStatus(long id, TicketStatus status, Actor actor, String why) {
        Ticket ticket = load(id, null);
        if (ticket.getStatus() == status) {
            return false;
        }
        TicketStatus before = ticket.getStatus();
        ticket.changeStatus(status, clock.instant());
        audit.record(ticket, AuthorType.STAFF, actor.name(), TicketAction.STATUS_CHANGED,
                before + " → " + status + " (" + why + ")");
        flush(ticket);
        publisher.publishEvent(new TicketStatusChanged(ticket.getId(), before, status, actor.name()));
        return true;
    }

    /**
     * Adds a public staff reply to each of many tickets and, when {@code then} is given, moves each to that status, in
     * the caller's transaction with one statement per kind of row: the bulk answer to an incident. The same rules
     * and audit lines as {@link #reply} with {@link #changeStatus} (status line "A → B (why)"); every text passes the
     * secret guard. No {@link TicketEvidenceChanged} is published: a public staff reply is an answer, not evidence,
     * and triage does not read it (see {@link TicketEvidence#evidenceBodies()}). A ticket changed by someone else after
     * this transaction read it is reported as conflicted and left untouched.
     */
    @Transactional
    public BulkOutcome addPublicReplies(List<BulkReply> replies, TicketStatus then, String why, Actor actor) {
        return bulk.write(replies, List.of(), then, why, actor);
    }

    /** As {@link #changeStatus} for many tickets, with one statement per kind of row; same outcome rules. */
    @Transactional
    public BulkOutcome changeStatuses(List<Long> ids, TicketStatus status, Actor actor, String why) {
        return bulk.write(List.of(), ids, status, why, actor);
    }

    /**
     * Moves a ticket for another feature's workflow (an escalation and its hand-back) and records why on the audit
     * trail as {@code action}, in one step; the status change is recorded too when the status changes.
     */
    @Transactional
    public void moveFor(long id, TicketStatus status, TicketAction action, String detail, Actor actor) {
        Ticket ticket = load(id, null);
        change(ticket, new TicketChange(status, null, null, false), actor);
        audit.record(ticket, AuthorType.STAFF, actor.name(), action, detail);
    }

    /**
     * Records on the audit trail what an agent did to a ticket's evidence in another feature (a request ID added or
     * struck, a log entry pinned), so the ticket's history stays in one place; what derives from the evidence (the
     * inferred category) is worked out again.
     */
    @Transactional
    public void recordEvidenceAction(long id, TicketAction action, String detail, Actor actor) {
        recordAudit(id, actor, action, detail);
        publisher.publishEvent(TicketEvidenceChanged.changed(id));
    }

    private Ticket load(long id, Long expectedVersion) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
        if (expectedVersion != null && ticket.getVersion() != expectedVersion) {
            throw new TicketConflictException(id);
        }
        return ticket;
    }

    /** Forces the version check now, so a concurrent save surfaces as a conflict rather than at commit. */
    private void flush(Ticket ticket) {
        try {
            tickets.saveAndFlush(ticket);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new TicketConflictException(ticket.getId());
        }
    }

    /**
     * Applies one change (status, priority, assignee, tags) to each of many tickets, each in a transaction of its own
     * through the same path as a single change, so every ticket gets its own audit lines and events. A ticket whose
     * version is not the one the agent saw, or that someone saves meanwhile, is skipped and reported as conflicted,
     * never overwritten; a change the ticket refuses (an assignee who cannot take tickets) reports it as refused.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkOutcome bulkChange(List<BulkTarget> targets, TicketChange change, TicketTagging tagging, Actor actor) {
        List<Long> done = new ArrayList<>();
        List<Long> conflicted = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        for (BulkTarget target : targets) {
            long id = target.ticketId();
            try {
                perTicket.executeWithoutResult(status -> {
                    Ticket ticket = load(id, target.expectedVersion());
                    change(ticket, change, actor);
                    retag(ticket, tagging, actor);
                });
                done.add(id);
            } catch (TicketNotFoundException e) {
                missing.add(id);
            } catch (TicketConflictException | ObjectOptimisticLockingFailureException e) {
                conflicted.add(id);
            } catch (IllegalArgumentException e) {
                refused.add(id);
            }
        }
        return new BulkOutcome(done, conflicted, missing, refused);
    }

    /** Adds and removes the ticket's tags, with an audit line for each; a tag change counts as an edit. */
    private void retag(Ticket ticket, TicketTagging tagging, Actor actor) {
        if (tagging.isEmpty()) {
            return;
        }
        List<String> removed = tags.remove(ticket.getId(), tagging.remove());
        List<String> added = tags.add(ticket.getId(), tagging.add());
        if (!added.isEmpty()) {
            audit.record(ticket, AuthorType.STAFF, actor.name(), TicketAction.TAGGED, String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            audit.record(ticket, AuthorType.STAFF, actor.name(), TicketAction.UNTAGGED, String.join(", ", removed));
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            ticket.touch(clock.instant());
            flush(ticket);
        }
    }

    /** An admin's colour for a tag ({@code #rrggbb}), or {@code null} to go back to the one derived from its name. */
    @Transactional
    public void setTagColour(String tag, String colour) {
        String name = Tag.normalise(tag).orElseThrow(() -> new IllegalArgumentException("not a tag: " + tag));
        if (colour != null && !Tag.isColour(colour)) {
            throw new IllegalArgumentException("not a colour: " + colour);
        }
        tags.setColour(name, colour);
    }
}
