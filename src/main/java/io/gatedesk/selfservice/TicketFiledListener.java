package io.gatedesk.selfservice;

import io.gatedesk.ticket.TicketFiled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Runs in the filing request once the ticket is committed, so the visitor's session is at hand. */
@Component
class TicketFiledListener {

    private final DeflectionCounter deflection;

    TicketFiledListener(DeflectionCounter deflection) {
        this.deflection = deflection;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void ticketFiled(TicketFiled event) {
        if (deflection.hasOpenEpisodes()) {
            deflection.ticketFiled(event.ticketId());
        }
    }
}
