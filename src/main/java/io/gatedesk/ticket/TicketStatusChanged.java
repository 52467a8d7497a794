package io.gatedesk.ticket;

/**
 * Published when staff move a ticket from one status to another, in the transaction that moved it, so features with
 * their own workflow on a status (escalation rounds) can follow a move made outside it. {@code merge} says the ticket
 * was closed because it was merged into another: the customer's thread goes on there, so nobody tells them it closed.
 */
public record TicketStatusChanged(long ticketId, TicketStatus from, TicketStatus to, String actorName, boolean merge) {

    public TicketStatusChanged(long ticketId, TicketStatus from, TicketStatus to, String actorName) {
        this(ticketId, from, to, actorName, false);
    }
}
