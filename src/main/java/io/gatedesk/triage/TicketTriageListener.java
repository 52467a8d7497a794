package io.gatedesk.triage;

import io.gatedesk.ticket.TicketEvidenceChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-classifies a ticket whenever its evidence changes. After commit, so a ticket whose filing rolled back is never
 * classified and the classifier reads committed text. A change to a ticket someone is working on is classified at
 * once, so the next page shows the category; a newly filed ticket goes to the {@link TriageWorker}'s queue, so the
 * customer's request does not wait for it. A failure is logged and never reaches the customer or agent whose change
 * triggered it: the ticket is classified again on its next change or view.
 */
@Component
class TicketTriageListener {

    private final TriageWorker worker;

    TicketTriageListener(TriageWorker worker) {
        this.worker = worker;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void evidenceChanged(TicketEvidenceChanged event) {
        if (event.newTicket()) {
            worker.submit(event.ticketId());
        } else {
            worker.classifyNow(event.ticketId());
        }
    }
}
