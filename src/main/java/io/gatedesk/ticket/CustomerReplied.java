package io.gatedesk.ticket;

/** Published in the transaction that stores a customer's answer on the follow page, for whoever tells the assignee. */
public record CustomerReplied(long ticketId, long messageId) {
}
