package io.gatedesk.ticket;

/** Staff changes to a ticket's workflow fields; {@code null} leaves a field as it is. */
public record TicketChange(TicketStatus status, Priority priority, Long assigneeId, boolean unassign) {
}
