package io.gatedesk.ticket;

/**
 * Published in the transaction that merges ticket {@code fromId} into {@code intoId}, before the thread moves, so
 * features that keep their own rows per ticket (pinned logs and request IDs, attachments) move theirs in the same
 * transaction. {@code sourceEvidence} is the source's evidence as it was before the merge.
 */
public record TicketMerged(long fromId, long intoId, TicketEvidence sourceEvidence, Actor actor) {
}
