package io.gatedesk.incident;

import io.gatedesk.ticket.QueueTicketSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;

/** The queue's "by incident" view: the tickets linked to a confirmed incident that is not resolved yet. */
@Component
class OpenIncidentTickets implements QueueTicketSet {

    static final String KEY = "incident";

    private final IncidentStore store;

    OpenIncidentTickets(IncidentStore store) {
        this.store = store;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public Collection<Long> ticketIds() {
        return store.ticketsOfOpenIncidents();
    }
}
