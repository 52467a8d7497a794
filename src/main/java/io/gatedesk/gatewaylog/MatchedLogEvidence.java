package io.gatedesk.gatewaylog;

import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.triage.LogEvidence;
import io.gatedesk.triage.LogEvidenceSource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Hands triage what the gateway logged for a ticket's requests: the failed entries among the ticket's best matches.
 * Successful rows carry no error signal, so they are left out rather than diluting the evidence.
 */
@Component
class MatchedLogEvidence implements LogEvidenceSource {

    static final int MAX_ENTRIES = 10;

    private final LogMatchService matches;

    MatchedLogEvidence(LogMatchService matches) {
        this.matches = matches;
    }

    @Override
    public List<LogEvidence> evidenceFor(TicketEvidence evidence) {
        return matches.forTicket(evidence).stream()
                .map(LogMatch::entry)
                .filter(entry -> (entry.statusCode() != null && entry.statusCode() >= 400)
                        || entry.errorType() != null || entry.errorCode() != null)
                .limit(MAX_ENTRIES)
                .map(entry -> new LogEvidence(entry.statusCode(), entry.errorType(), entry.errorCode(),
                        entry.errorMessage()))
                .toList();
    }
}
