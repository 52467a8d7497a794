package io.gatedesk.ticket;

/**
 * Published in the transaction that files a ticket, with the only copy of the private follow token outside the
 * customer's response, for a feature that tells the customer their link (the confirmation mail). A listener keeps
 * the token only where the customer is told it; the ticket itself stores just its hash.
 */
public record FollowLinkIssued(long ticketId, String followToken) {
}
