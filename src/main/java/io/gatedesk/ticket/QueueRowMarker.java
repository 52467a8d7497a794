package io.gatedesk.ticket;

import java.util.Collection;
import java.util.Map;

/**
 * Lets another feature put a badge on rows of the agent queue without the ticket feature knowing that feature. The
 * escalation feature, for one, marks tickets whose findings were handed back and no agent has read yet.
 */
public interface QueueRowMarker {

    /** Of these tickets (one queue page), those to mark, each with the message key of its badge. */
    Map<Long, String> marks(Collection<Long> ticketIds);
}
