package io.gatedesk.ticket;

/**
 * Published after a ticket is filed or gains text (a reply, a note, a customer answer), once the transaction commits.
 * Features that derive something from the evidence (matched logs, the inferred category) listen for it.
 *
 * @param newTicket {@code true} when the ticket was just filed: nobody has it open yet, so derived values may follow
 *                  a moment later; {@code false} when someone changed a ticket they are looking at
 */
public record TicketEvidenceChanged(long ticketId, boolean newTicket) {

    public static TicketEvidenceChanged filed(long ticketId) {
        return new TicketEvidenceChanged(ticketId, true);
    }

    public static TicketEvidenceChanged changed(long ticketId) {
        return new TicketEvidenceChanged(ticketId, false);
    }
}
