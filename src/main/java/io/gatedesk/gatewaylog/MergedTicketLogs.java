package io.gatedesk.gatewaylog;

import io.gatedesk.gatewaylog.match.TicketLogService;
import io.gatedesk.ticket.TicketMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a merged ticket's log links (request IDs, pinned entries) to the ticket it was merged into, in the merge's
 * transaction: a merge refused later rolls them back with it.
 */
@Component
class MergedTicketLogs {

    private final TicketLogService ticketLogs;

    MergedTicketLogs(TicketLogService ticketLogs) {
        this.ticketLogs = ticketLogs;
    }

    @EventListener
    void merged(TicketMerged merged) {
        ticketLogs.merged(merged.fromId(), merged.intoId(), merged.sourceEvidence(), merged.actor());
    }
}
