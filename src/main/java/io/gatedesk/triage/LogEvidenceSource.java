package io.gatedesk.triage;

import io.gatedesk.ticket.TicketEvidence;

import java.util.List;

/**
 * The gateway log entries matched to a ticket, as triage weighs them. Triage does not know where logs come from: the
 * gateway-log feature implements this as a bean, and every such bean is asked. With none, triage works from the
 * ticket's own text ({@link #NONE}).
 */
public interface LogEvidenceSource {

    LogEvidenceSource NONE = evidence -> List.of();

    /** The matched entries for the ticket, best match first; empty when none matched. Never {@code null}. */
    List<LogEvidence> evidenceFor(TicketEvidence evidence);
}
