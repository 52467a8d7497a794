package io.gatedesk.ticket;

/** A public staff reply to one ticket of a bulk action (an incident's reply), already filled in for that ticket. */
public record BulkReply(long ticketId, String body) {
}
