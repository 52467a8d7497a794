package io.gatedesk.workspace;

import io.gatedesk.answer.AnswerService;
import io.gatedesk.answer.Rendering;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.BulkOutcome;
import io.gatedesk.ticket.BulkReply;
import io.gatedesk.ticket.BulkTarget;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.Tag;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketTagging;
import io.gatedesk.triage.ErrorCategory;
import io.gatedesk.triage.TriageService;
import io.gatedesk.user.UserService;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk actions on the queue. Each ticket is changed through the same paths as one changed by hand, so it gets its own
 * audit lines and events; each keeps its own optimistic lock, so a ticket someone else changed meanwhile is skipped
 * and reported, never overwritten.
 */
@Service
public class BulkActions {

    /** "Select all matching" acts on at most this many tickets of the view, the first in its order. */
    public static final int MAX_TICKETS = 1000;

    private final TicketService tickets;
    private final TriageService triage;
    private final AnswerService answers;
    private final UserService users;
    private final SecretGuard secretGuard;

    BulkActions(TicketService tickets, TriageService triage, AnswerService answers, UserService users,
                SecretGuard secretGuard) {
        this.tickets = tickets;
        this.triage = triage;
        this.answers = answers;
        this.users = users;
        this.secretGuard = secretGuard;
    }

    public BulkResult apply(BulkCommand command, Actor actor) {
        if (command.changesNothing()) {
            throw new WorkspaceException("bulk.error.nothing");
        }
        List<BulkTarget> targets = targets(command, actor);
        if (targets.isEmpty()) {
            throw new WorkspaceException("bulk.error.noTickets");
        }
        ErrorCategory category = category(command.category());
        TicketChange change = change(command, actor);
        TicketTagging tagging = new TicketTagging(tags(command.addTags()), tags(command.removeTags()));
        if (command.answerKey() != null && answers.find(command.answerKey(), "en").isEmpty()
                && answers.find(command.answerKey(), "zh-CN").isEmpty()) {
            throw new WorkspaceException("bulk.error.unknownAnswer");
        }

        Map<Long, String> refused = new LinkedHashMap<>();
        Set<Long> conflicted = new LinkedHashSet<>();
        List<Long> ok = targets.stream().map(BulkTarget::ticketId).toList();
        if (change != null || !tagging.isEmpty()) {
            BulkOutcome outcome = tickets.bulkChange(targets, change == null ? NO_CHANGE : change, tagging, actor);
            conflicted.addAll(outcome.conflicted());
            outcome.missing().forEach(id -> refused.put(id, "notFound"));
            outcome.refused().forEach(id -> refused.put(id, "refused"));
            ok = outcome.done();
        }
        if (category != null) {
            ok.forEach(id -> triage.override(id, category, actor));
        }
        if (command.answerKey() != null && !ok.isEmpty()) {
            ok = reply(command.answerKey(), ok, actor, refused, conflicted);
        }
        return new BulkResult(targets.size(), numbers(ok), numbers(conflicted),
                refused.entrySet().stream()
                        .map(entry -> skipped(entry.getKey(), entry.getValue())).toList());
    }

    private static final String UNFILLED = "unfilled:";

    private static BulkResult.Skipped skipped(long id, String why) {
        return why.startsWith(UNFILLED)
                ? new BulkResult.Skipped(TicketNumber.format(id), "unfilled", why.substring(UNFILLED.length()).strip())
                : new BulkResult.Skipped(TicketNumber.format(id), why, null);
    }

    private static final TicketChange NO_CHANGE = new TicketChange(null, null, null, false);

    /** Fills the answer per ticket; tickets with a placeholder left empty are refused and listed, the rest sent. */
    private List<Long> reply(String answerKey, List<Long> ids, Actor actor, Map<Long, String> refused,
                             Set<Long> conflicted) {
        Map<Long, Rendering> rendered = answers.renderAnswerForEach(answerKey, ids, actor.name());
        List<BulkReply> replies = new ArrayList<>();
        for (long id : ids) {
            Rendering rendering = rendered.get(id);
            if (rendering == null) {
                refused.put(id, "notFound");
            } else if (!rendering.complete()) {
                refused.put(id, UNFILLED + String.join(", ",
                        rendering.unresolved().stream().map(name -> "{{" + name + "}}").toList()));
            } else {
                replies.add(new BulkReply(id, rendering.text()));
            }
        }
        if (replies.isEmpty()) {
            return List.of();
        }
        BulkOutcome outcome = tickets.addPublicReplies(replies, null, null, actor);
        conflicted.addAll(outcome.conflicted());
        outcome.missing().forEach(id -> refused.put(id, "notFound"));
        outcome.refused().forEach(id -> refused.put(id, "refused"));
        return outcome.done();
    }

    private List<BulkTarget> targets(BulkCommand command, Actor actor) {
        if (command.matching() != null) {
            return tickets.export(command.matching(), actor.userId(), MAX_TICKETS).stream()
                    .map(QueueRow::id).map(id -> new BulkTarget(id, null)).toList();
        }
        Map<Long, BulkTarget> distinct = new LinkedHashMap<>();
        command.targets().forEach(target -> distinct.putIfAbsent(target.ticketId(), target));
        if (distinct.size() > MAX_TICKETS) {
            throw new WorkspaceException("bulk.error.tooMany", MAX_TICKETS);
        }
        return List.copyOf(distinct.values());
    }

    private TicketChange change(BulkCommand command, Actor actor) {
        Long assigneeId = null;
        boolean unassign = false;
        if (command.assignee() != null) {
            switch (command.assignee()) {
                case "me" -> assigneeId = actor.userId();
                case "none" -> unassign = true;
                default -> assigneeId = staffId(command.assignee());
            }
        }
        if (assigneeId == null && !unassign && command.status() == null && command.priority() == null) {
            return null;
        }
        return new TicketChange(command.status(), command.priority(), assigneeId, unassign);
    }

    private Long staffId(String value) {
        try {
            long id = Long.parseLong(value);
            if (users.find(id).filter(member -> member.enabled()).isPresent()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below, as any unknown assignee.
        }
        throw new WorkspaceException("bulk.error.unknownAssignee");
    }

    private static ErrorCategory category(String code) {
        if (code == null) {
            return null;
        }
        try {
            return ErrorCategory.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException("bulk.error.unknownCategory");
        }
    }

    /** Tags as stored; one that is no tag, or that holds a secret, refuses the whole action before anything runs. */
    private List<String> tags(List<String> typed) {
        List<String> tags = new ArrayList<>();
        for (String raw : typed) {
            for (String part : raw.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                if (secretGuard.redact(part).masked()) {
                    throw new WorkspaceException("bulk.error.tagSecret");
                }
                tags.add(Tag.normalise(part)
                        .orElseThrow(() -> new WorkspaceException("bulk.error.badTag", Tag.MAX_LENGTH)));
            }
        }
        return tags.stream().distinct().toList();
    }

    private static List<String> numbers(java.util.Collection<Long> ids) {
        return ids.stream().map(TicketNumber::format).toList();
    }
}
