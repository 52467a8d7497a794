package io.gatedesk.gatewaylog;

import io.gatedesk.gatewaylog.match.TicketLogService;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketEvidenceContributor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Puts the ticket's effective request IDs and its pinned log entries into the ticket's JSON. */
@Component
class RequestIdsContributor implements TicketEvidenceContributor {

    private final TicketLogService ticketLogs;

    RequestIdsContributor(TicketLogService ticketLogs) {
        this.ticketLogs = ticketLogs;
    }

    @Override
    public Map<String, Object> contribute(TicketEvidence evidence) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("requestIds", ticketLogs.requestIds(evidence));
        extra.put("pinnedLogEntries", ticketLogs.pins(evidence.id()));
        return extra;
    }
}
