package io.gatedesk.incident;

import java.time.Instant;
import java.util.List;

/** An incident with its linked tickets and its update timeline, for the incident page. */
public record IncidentDetail(IncidentSummary summary, List<LinkedTicket> tickets, List<Update> updates) {

    /** A linked ticket; {@code automatic} when the detector linked it rather than an agent. */
    public record LinkedTicket(long ticketId, String number, String subject, String status, boolean automatic) {
    }

    public record Update(IncidentStatus status, String body, String author, Instant at) {
    }
}
