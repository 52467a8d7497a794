package io.gatedesk.mail;

import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.SlaTimer;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.data.domain.Page;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for tickets whose SLA clock is about to breach (the queue's "soon" view, {@code gatedesk.sla.warn-before})
 * and warns each one's assignee once per clock, unless they switched that mail off.
 */
@Component
class SlaWarnings {

    private static final int MAX_PAGES = 20;

    private final TicketService tickets;
    private final TicketMail mail;
    private final MailSettings settings;

    SlaWarnings(TicketService tickets, TicketMail mail, MailSettings settings) {
        this.tickets = tickets;
        this.mail = mail;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${gatedesk.mail.sla-check-interval:60s}",
            initialDelayString = "${gatedesk.mail.sla-check-interval:60s}")
    @SchedulerLock(name = "mail-sla-warnings", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    void scheduled() {
        if (settings.enabled()) {
            warn();
        }
    }

    /** Returns how many warnings were queued. */
    int warn() {
        int queued = 0;
        QueueFilter soon = new QueueFilter("active", null, null, null, null, 0, null, "soon");
        for (int page = 0; page < MAX_PAGES; page++) {
            Page<QueueRow> rows = tickets.queue(soon.withPage(page), null);
            for (QueueRow row : rows) {
                TicketDetail ticket = tickets.detail(row.id());
                SlaTimer firstResponse = row.sla().firstResponse();
                SlaTimer resolution = row.sla().resolution();
                if (firstResponse != null && firstResponse.state() == SlaTimer.State.SOON
                        && mail.slaWarning(ticket, "first-response", firstResponse)) {
                    queued++;
                }
                if (resolution != null && resolution.state() == SlaTimer.State.SOON
                        && mail.slaWarning(ticket, "resolution", resolution)) {
                    queued++;
                }
            }
            if (!rows.hasNext()) {
                break;
            }
        }
        return queued;
    }
}
