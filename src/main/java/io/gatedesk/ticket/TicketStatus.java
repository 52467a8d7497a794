package io.gatedesk.ticket;

import java.util.EnumSet;
import java.util.Set;

public enum TicketStatus {
    NEW,
    OPEN,
    WAITING_ON_CUSTOMER,
    ESCALATED,
    RESOLVED,
    CLOSED;

    /** Statuses an agent still has to act on or wait for: the queue's default view. */
    public static final Set<TicketStatus> ACTIVE = EnumSet.of(NEW, OPEN, WAITING_ON_CUSTOMER, ESCALATED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
