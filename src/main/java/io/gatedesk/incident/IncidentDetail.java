package io.gatedesk.incident;

import java.time.Instant;
import java.util.List;

/**
 * An incident with one page of its linked tickets and its update timeline, for the incident page.
 *
 * @param page  the page of linked tickets shown, from 0
 * @param pages how many pages the linked tickets fill (at least 1)
 */
public record IncidentDetail(IncidentSummary summary, List<LinkedTicket> tickets, int page, int pages,
                             List<Update> updates) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }

    /** A linked ticket; {@code automatic} when the detector linked it rather than an agent. */
    public record LinkedTicket(long ticketId, String number, String subject, String status, boolean automatic) {
    }

    public record Update(IncidentStatus status, String body, String author, Instant at) {

        /** The line GateDesk itself wrote, in the reader's language; {@code null} for an update staff typed. */
        public TimelineText.Line system() {
            return TimelineText.of(body);
        }
    }
}
