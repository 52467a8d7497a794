package io.gatedesk.ticket;

/**
 * Published in the transaction that adds a staff reply the customer sees (never for an internal note), so a feature
 * that tells the customer (the reply mail) writes its record in the same transaction.
 */
public record PublicReplyAdded(long ticketId, long messageId, String authorName) {
}
