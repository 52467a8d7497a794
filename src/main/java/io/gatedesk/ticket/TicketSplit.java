package io.gatedesk.ticket;

/**
 * Published in the transaction that splits message {@code messageId} of ticket {@code fromId} off into the new ticket
 * {@code newId}, so the files that came with the message follow it there.
 */
public record TicketSplit(long fromId, long messageId, long newId) {
}
