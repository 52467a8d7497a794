package io.gatedesk.ticket;

/**
 * Published when a new ticket is stored, in the request that filed it, so features that care whether a ticket
 * followed something the same visitor did (self-service deflection) can tell.
 */
public record TicketFiled(long ticketId) {
}
