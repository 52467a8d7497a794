package io.gatedesk.workspace;

import io.gatedesk.ticket.BulkTarget;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.TicketStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The queue's bulk bar as posted: {@code ticket} is one {@code id:version} per ticked row; {@code matching} is the
 * view's query string when the agent chose "select all N matching".
 */
record BulkForm(List<String> ticket, String matching, String assignee, TicketStatus status, Priority priority,
                String category, String addTags, String answer, String removeTags) {

    BulkCommand toCommand() {
        List<BulkTarget> targets = new ArrayList<>();
        for (String value : ticket == null ? List.<String>of() : ticket) {
            targets.add(target(value));
        }
        QueueFilter view = matching == null || matching.isBlank() ? null : QueueFilter.parse(matching);
        return new BulkCommand(targets, view, assignee, status, priority, category,
                addTags == null ? List.of() : List.of(addTags), removeTags == null ? List.of() : List.of(removeTags),
                answer);
    }

    private static BulkTarget target(String value) {
        String[] parts = value.split(":", 2);
        try {
            return new BulkTarget(Long.parseLong(parts[0].strip()),
                    parts.length > 1 ? Long.valueOf(parts[1].strip()) : null);
        } catch (NumberFormatException e) {
            throw new WorkspaceException("bulk.error.noTickets");
        }
    }
}
