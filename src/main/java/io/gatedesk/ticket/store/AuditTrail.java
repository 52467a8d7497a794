package io.gatedesk.ticket.store;

import io.gatedesk.secret.SecretFinding;
import io.gatedesk.ticket.TicketAction;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** A ticket's audit trail: one line per thing done to it, and one per secret masked on the way in. */
@Component
public class AuditTrail {

    private final TicketEventRepository events;
    private final Clock clock;

    AuditTrail(TicketEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(Ticket ticket, AuthorType actorType, String actorName, TicketAction action, String detail) {
        events.save(new TicketEvent(ticket.getId(), actorType, actorName, action, detail, clock.instant()));
    }

    public void recordMasking(Ticket ticket, AuthorType actorType, String actorName, List<SecretFinding> findings) {
        for (SecretFinding finding : findings) {
            record(ticket, actorType, actorName, TicketAction.SECRET_MASKED,
                    finding.kind() + " " + finding.masked() + " sha256:" + finding.fingerprint());
        }
    }
}
