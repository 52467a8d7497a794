package io.gatedesk.knowledge;

import io.gatedesk.answer.AnswerInserted;
import io.gatedesk.answer.ChecklistItemTicked;
import io.gatedesk.selfservice.HelpPageViewed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts short answers, checklists and client help-page views in the use ledger, from the answer and self-service
 * packages' events: once the insertion or the tick is committed, so a rolled-back insert is not counted.
 */
@Component
class AnswerUseCounter {

    private final UsageLedger ledger;

    AnswerUseCounter(UsageLedger ledger) {
        this.ledger = ledger;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void answerInserted(AnswerInserted event) {
        ledger.record(UsageLedger.ANSWER, event.key(), event.language(), UsageLedger.Event.ANSWER_INSERTED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void checklistTicked(ChecklistItemTicked event) {
        ledger.record(UsageLedger.CHECKLIST, event.category(), event.language(), UsageLedger.Event.CHECKLIST_TICKED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void helpPageViewed(HelpPageViewed event) {
        ledger.record(UsageLedger.HELP_PAGE, event.slug(), event.language(), UsageLedger.Event.VIEW);
    }
}
