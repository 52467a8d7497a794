package io.gatedesk.incident;

import io.gatedesk.escalation.EscalationService;
import io.gatedesk.escalation.EscalationView;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The incident's pointer at an engineering case: the escalated ticket whose investigation explains the incident.
 * Agents working the incident see how far engineering has got (round, engineer, findings) without leaving its page,
 * and the engineer on the case sees which incident, and how many customers, hang on it. The pointer names a ticket,
 * not a round, so a case sent back for a second round stays linked.
 */
@Service
@Transactional(readOnly = true)
class IncidentEscalationLink {

    /** The case an incident points at, as the incident page shows it. */
    record Case(String ticket, EscalationView latest) {
    }

    /** An incident a ticket belongs to, for the panel on the ticket's and the case's page. */
    record Membership(IncidentSummary incident, boolean pointsAtThisCase) {
    }

    private final IncidentStore store;
    private final IncidentService incidents;
    private final EscalationService escalations;
    private final TicketService tickets;
    private final Clock clock;

    IncidentEscalationLink(IncidentStore store, IncidentService incidents, EscalationService escalations,
                           TicketService tickets, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.escalations = escalations;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The case the incident points at, if any; a case whose rounds are gone is shown without them. */
    Optional<Case> caseOf(long incidentId) {
        return Optional.ofNullable(incidents.require(incidentId).escalationTicketId())
                .map(ticketId -> new Case(TicketNumber.format(ticketId), escalations.latest(ticketId).orElse(null)));
    }

    /**
     * Points the incident at the case of ticket {@code number}, which must have been escalated at least once. The
     * ticket joins the incident's tickets if it was not among them, and the timeline says so.
     */
    @Transactional
    void link(long incidentId, String number, Actor actor) {
        IncidentStore.Row row = incidents.requireWorkable(incidentId);
        long ticketId = tickets.idOf(number == null ? "" : number.strip())
                .orElseThrow(() -> new InvalidIncidentException("incident.error.unknownTicket"));
        if (escalations.latest(ticketId).isEmpty()) {
            throw new InvalidIncidentException("incident.error.notEscalated");
        }
        if (Long.valueOf(ticketId).equals(row.escalationTicketId())) {
            return;
        }
        store.setEscalation(incidentId, ticketId, clock.instant());
        store.link(incidentId, ticketId, false, clock.instant());
        store.addUpdate(incidentId, row.status(), "Engineering case " + TicketNumber.format(ticketId) + " linked",
                actor.name(), clock.instant());
    }

    @Transactional
    void unlink(long incidentId, Actor actor) {
        IncidentStore.Row row = incidents.requireWorkable(incidentId);
        if (row.escalationTicketId() != null) {
            store.setEscalation(incidentId, null, clock.instant());
            store.addUpdate(incidentId, row.status(), "Engineering case "
                    + TicketNumber.format(row.escalationTicketId()) + " unlinked", actor.name(), clock.instant());
        }
    }

    /** The open and recent incidents ticket {@code ticketId} is linked to or whose case it is, newest first. */
    List<Membership> membershipsOf(long ticketId) {
        return store.ofTicket(ticketId).stream()
                .map(row -> new Membership(incidents.summaryOf(row),
                        Long.valueOf(ticketId).equals(row.escalationTicketId())))
                .toList();
    }
}
