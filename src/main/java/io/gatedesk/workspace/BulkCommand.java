package io.gatedesk.workspace;

import io.gatedesk.ticket.BulkTarget;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.TicketStatus;

import java.util.List;

/**
 * One bulk action over the queue: the tickets (picked one by one, each with the version the agent saw, or every
 * ticket {@code matching} a queue view) and what to do to each. Every part left {@code null} or empty is left alone.
 *
 * @param assignee    {@code me}, {@code none} or a staff id
 * @param category    a triage category code
 * @param addTags     tags as typed; each is normalised and must pass the secret guard
 * @param answerKey   a short answer sent as a public reply, its placeholders filled per ticket
 */
public record BulkCommand(List<BulkTarget> targets, QueueFilter matching, String assignee, TicketStatus status,
                          Priority priority, String category, List<String> addTags, List<String> removeTags,
                          String answerKey) {

    public BulkCommand {
        targets = targets == null ? List.of() : List.copyOf(targets);
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
        assignee = blankToNull(assignee);
        category = blankToNull(category);
        answerKey = blankToNull(answerKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean changesNothing() {
        return assignee == null && status == null && priority == null && category == null && addTags.isEmpty()
                && removeTags.isEmpty() && answerKey == null;
    }
}
