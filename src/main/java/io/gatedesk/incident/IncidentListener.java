package io.gatedesk.incident;

import io.gatedesk.triage.TicketClassified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs detection each time triage stores a ticket's category (a new ticket, a reclassification, an override). After
 * commit, so detection reads the committed category; a failure is logged and never reaches whoever caused it.
 */
@Component
class IncidentListener {

    private static final Logger log = LoggerFactory.getLogger(IncidentListener.class);

    private final IncidentService incidents;

    IncidentListener(IncidentService incidents) {
        this.incidents = incidents;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void ticketClassified(TicketClassified event) {
        try {
            incidents.ticketClassified(event.ticketId(), event.category());
        } catch (RuntimeException e) {
            log.warn("Incident detection failed for ticket {}: {}", event.ticketId(), e.toString());
        }
    }
}
