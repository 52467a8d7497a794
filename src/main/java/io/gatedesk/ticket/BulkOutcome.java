package io.gatedesk.ticket;

import java.util.List;

/**
 * What a bulk action did to each ticket, by id.
 *
 * @param done       tickets written (replied to, or moved to the new status)
 * @param conflicted tickets someone changed after they were read in this transaction: nothing was written to them, so
 *                   the caller can read them again and retry
 * @param missing    tickets that do not exist
 * @param refused    tickets whose reply is empty or too long once the secret guard has masked it
 */
public record BulkOutcome(List<Long> done, List<Long> conflicted, List<Long> missing, List<Long> refused) {
}
