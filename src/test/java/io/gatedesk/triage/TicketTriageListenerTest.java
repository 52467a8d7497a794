package io.gatedesk.triage;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.gatedesk.ticket.TicketEvidenceChanged;
import org.junit.jupiter.api.Test;

/** A new ticket waits for the worker; a change to a ticket someone is working on is classified at once. */
class TicketTriageListenerTest {

    private final TriageWorker worker = mock(TriageWorker.class);
    private final TicketTriageListener listener = new TicketTriageListener(worker);

    @Test
    void aNewTicketIsQueuedForTheWorker() {
        listener.evidenceChanged(new TicketEvidenceChanged(41, true));

        verify(worker).submit(41);
        verifyNoMoreInteractions(worker);
    }

    @Test
    void aChangedTicketIsClassifiedAtOnce() {
        listener.evidenceChanged(new TicketEvidenceChanged(42, false));

        verify(worker).classifyNow(42);
        verifyNoMoreInteractions(worker);
    }
}
