package io.gatedesk.ticket;

/**
 * Published when staff move a ticket from one status to another, in the transaction that moved it, so features with
 * their own workflow on a status (escalation rounds) can follow a move made outside it.
 */
public record TicketStatusChanged(long ticketId, TicketStatus from, TicketStatus to, String actorName) {
}
