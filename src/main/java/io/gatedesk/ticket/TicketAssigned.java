package io.gatedesk.ticket;

/**
 * Published in the transaction that gives a ticket to a staff member ({@code assigneeId}, {@code null} when it was
 * unassigned), with who did it, so the new assignee can be told unless they took it themselves.
 */
public record TicketAssigned(long ticketId, Long assigneeId, Long actorUserId, String actorName) {
}
