package io.gatedesk.escalation;

import io.gatedesk.ticket.QueueRowMarker;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Marks agent-queue rows whose findings an engineer handed back and no agent has read yet. */
@Component
class UnreadFindingsMarker implements QueueRowMarker {

    static final String BADGE = "desk.findingsUnread";

    private final EscalationService escalations;

    UnreadFindingsMarker(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public Map<Long, String> marks(Collection<Long> ticketIds) {
        Map<Long, String> marks = new LinkedHashMap<>();
        escalations.withUnreadFindings(ticketIds).forEach(id -> marks.put(id, BADGE));
        return marks;
    }
}
