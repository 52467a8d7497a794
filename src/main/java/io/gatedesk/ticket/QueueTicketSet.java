package io.gatedesk.ticket;

import java.util.Collection;

/**
 * Lets another feature name a set of tickets the queue can be narrowed to ({@code /desk?linked=<key>}) without the
 * ticket feature knowing that feature. The incident feature, for one, answers with the tickets linked to an open
 * incident: the "by incident" view.
 */
public interface QueueTicketSet {

    /** The value of the queue's {@code linked} filter that picks this set. */
    String key();

    /** The ids of the tickets in the set now. */
    Collection<Long> ticketIds();
}
