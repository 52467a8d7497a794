package io.gatedesk.triage;

/**
 * Published whenever triage stores a ticket's category (a new ticket classified, evidence changed, an agent's
 * override), so features that group tickets by category (incidents) can follow a ticket that moves.
 */
public record TicketClassified(long ticketId, ErrorCategory category) {
}
