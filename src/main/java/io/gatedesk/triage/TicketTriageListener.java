package io.gatedesk.triage;

import io.gatedesk.ticket.TicketEvidenceChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-classifies a ticket whenever its evidence changes. After commit, so a ticket whose filing rolled back is never
 * classified and the classifier reads committed text; synchronously, in its own transaction, so the agent who files
 * or answers sees the category on the very next page (classifying is in-memory regex work, well under a
 * millisecond per rule set) and nothing is lost to a queue when a node stops. A failure is logged and never
 * reaches the customer or agent whose change triggered it: the ticket is classified again on its next change or view.
 */
@Component
class TicketTriageListener {

    private static final Logger log = LoggerFactory.getLogger(TicketTriageListener.class);

    private final TriageService triage;
    private final TransactionTemplate newTransaction;

    TicketTriageListener(TriageService triage, PlatformTransactionManager transactionManager) {
        this.triage = triage;
        // The filing transaction has committed but is still bound to the thread: joining it would write nothing.
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void evidenceChanged(TicketEvidenceChanged event) {
        try {
            newTransaction.executeWithoutResult(status -> triage.reclassify(event.ticketId()));
        } catch (RuntimeException e) {
            log.warn("Could not classify ticket {}: {}", event.ticketId(), e.toString());
        }
    }
}
