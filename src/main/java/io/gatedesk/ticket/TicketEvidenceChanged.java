package io.gatedesk.ticket;

/**
 * Published after a ticket is filed or gains text (a reply, a note, a customer answer), once the transaction commits.
 * Features that derive something from the evidence (matched logs, the inferred category) listen for it.
 */
public record TicketEvidenceChanged(long ticketId) {
}
