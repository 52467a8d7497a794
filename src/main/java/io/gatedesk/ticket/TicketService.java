package io.gatedesk.ticket;

import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.ticket.filing.TicketFiling;
import io.gatedesk.ticket.read.QueueReads;
import io.gatedesk.ticket.read.TicketReads;
import io.gatedesk.ticket.work.TicketMerging;
import io.gatedesk.ticket.work.TicketWork;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * The public face of tickets for the desk's pages and for other features. It only delegates, one use case per
 * inner package: filing and the customer's side ({@code filing.TicketFiling}), working a ticket
 * ({@code work.TicketWork}), reading the queue ({@code read.QueueReads}) and single tickets
 * ({@code read.TicketReads}); each of those documents its methods and holds their transactions.
 */
@Service
public class TicketService {

    private final TicketFiling filing;
    private final TicketWork work;
    private final QueueReads queue;
    private final TicketReads reads;
    private final TicketMerging merging;

    TicketService(TicketFiling filing, TicketWork work, QueueReads queue, TicketReads reads, TicketMerging merging) {
        this.merging = merging;
        this.filing = filing;
        this.work = work;
        this.queue = queue;
        this.reads = reads;
    }

    public TicketReceipt submit(NewTicket submission, Locale locale) {
        return filing.submit(submission, locale);
    }

    public TicketReceipt submit(NewTicket submission, Locale locale, Map<String, String> readingErrors,
                                List<SecretFinding> maskedBefore) {
        return filing.submit(submission, locale, readingErrors, maskedBefore);
    }

    public TicketReceipt submitOnce(SubmissionKey key, NewTicket submission, Locale locale,
                                    Map<String, String> readingErrors, List<SecretFinding> maskedBefore) {
        return filing.submitOnce(key, submission, locale, readingErrors, maskedBefore);
    }

    public Optional<CustomerTicketView> forCustomer(String followToken) {
        return filing.forCustomer(followToken);
    }

    public List<SecretFinding> customerReply(String followToken, String body) {
        return filing.customerReply(followToken, body);
    }

    public Page<QueueRow> queue(QueueFilter filter, Long currentUserId) {
        return queue.queue(filter, currentUserId);
    }

    public long changedSince(QueueFilter filter, Long currentUserId, Instant since) {
        return queue.changedSince(filter, currentUserId, since);
    }

    public List<QueueRow> rows(List<Long> ids) {
        return queue.rows(ids);
    }

    public List<QueueRow> export(QueueFilter filter, Long currentUserId, int limit) {
        return queue.export(filter, currentUserId, limit);
    }

    public List<CategoryCount> categoryCounts(QueueFilter filter, Long currentUserId) {
        return queue.categoryCounts(filter, currentUserId);
    }

    public SlaStatus sla(TicketDetail ticket) {
        return reads.sla(ticket);
    }

    public void applyCategory(long id, String category, Priority suggestedPriority, String actorName, String detail) {
        work.applyCategory(id, category, suggestedPriority, actorName, detail);
    }


    /** A category inferred for a ticket, the priority suggested with it, and what the audit line adds about why. */
    public record CategoryUpdate(long ticketId, String category, Priority suggestedPriority, String detail) {
    }

    public void applyCategories(List<CategoryUpdate> updates, String actorName) {
        work.applyCategories(updates, actorName);
    }

    public void setChecklistProgress(long id, String progress) {
        work.setChecklistProgress(id, progress);
    }

    public void recordAudit(long id, Actor actor, TicketAction action, String detail) {
        work.recordAudit(id, actor, action, detail);
    }

    public List<MaskedKey> maskedKeys(long id) {
        return reads.maskedKeys(id);
    }

    public TicketDetail detail(long id) {
        return reads.detail(id);
    }

    public List<TicketDetail> details(java.util.Collection<Long> ids) {
        return reads.details(ids);
    }

    public MessageView addStaffMessage(long id, String body, Visibility visibility, Long expectedVersion, Actor actor) {
        return work.addStaffMessage(id, body, visibility, expectedVersion, actor);
    }

    public MessageView reply(long id, String body, Visibility visibility, long expectedVersion, Actor actor,
                             TicketStatus then) {
        return work.reply(id, body, visibility, expectedVersion, actor, then);
    }

    public Optional<String> nextInView(QueueFilter filter, Long currentUserId, long currentId) {
        return queue.nextInView(filter, currentUserId, currentId);
    }

    public void change(long id, TicketChange change, long expectedVersion, Actor actor) {
        work.change(id, change, expectedVersion, actor);
    }

    public boolean changeStatus(long id, TicketStatus status, Actor actor, String why) {
        return work.changeStatus(id, status, actor, why);
    }

    public BulkOutcome addPublicReplies(List<BulkReply> replies, TicketStatus then, String why, Actor actor) {
        return work.addPublicReplies(replies, then, why, actor);
    }

    public BulkOutcome changeStatuses(List<Long> ids, TicketStatus status, Actor actor, String why) {
        return work.changeStatuses(ids, status, actor, why);
    }

    public void moveFor(long id, TicketStatus status, TicketAction action, String detail, Actor actor) {
        work.moveFor(id, status, action, detail, actor);
    }

    public TicketEvidence evidence(long id) {
        return reads.evidence(id);
    }

    public List<TicketEvidence> evidence(java.util.Collection<Long> ids) {
        return reads.evidence(ids);
    }

    public void recordEvidenceAction(long id, TicketAction action, String detail, Actor actor) {
        work.recordEvidenceAction(id, action, detail, actor);
    }

    public List<Long> uncategorizedSince(Instant since, long afterId, int limit) {
        return reads.uncategorizedSince(since, afterId, limit);
    }

    public Optional<Long> idOf(String number) {
        return reads.idOf(number);
    }

    public BulkOutcome bulkChange(List<BulkTarget> targets, TicketChange change, TicketTagging tagging, Actor actor) {
        return work.bulkChange(targets, change, tagging, actor);
    }

    public long count(QueueFilter filter, Long currentUserId) {
        return queue.count(filter, currentUserId);
    }

    public Map<Long, List<String>> tagsOf(Collection<Long> ids) {
        return reads.tagsOf(ids);
    }

    public List<String> tagsStartingWith(String prefix, int limit) {
        return reads.tagsStartingWith(prefix, limit);
    }

    public Map<String, String> tagColours() {
        return reads.tagColours();
    }

    public void setTagColour(String tag, String colour) {
        work.setTagColour(tag, colour);
    }

    public String merge(long fromId, long intoId, long expectedVersion, Actor actor) {
        return merging.merge(fromId, intoId, expectedVersion, actor);
    }

    public String split(long fromId, long messageId, Long expectedVersion, Actor actor) {
        return merging.split(fromId, messageId, expectedVersion, actor);
    }

    public Optional<MergeRefusedException.Reason> mergeRefusal(long fromId, long intoId) {
        return merging.refusal(fromId, intoId);
    }
}
