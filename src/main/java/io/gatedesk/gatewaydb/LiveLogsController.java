package io.gatedesk.gatewaydb;

import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/**
 * The ticket page's "gateway logs (live)" section, loaded after the page beside the imported logs: the rows each
 * gateway database's own log table holds for the ticket. Empty (and dropped by the page) with no source configured.
 */
@Controller
class LiveLogsController {

    static final String FRAGMENT = "gatewaydb/live-logs :: panel";

    private final GatewayLogs logs;
    private final TicketService tickets;

    LiveLogsController(GatewayLogs logs, TicketService tickets) {
        this.logs = logs;
        this.tickets = tickets;
    }

    @GetMapping("/desk/tickets/{number}/live-logs")
    String panel(@PathVariable String number, Model model) {
        long id = tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
        model.addAttribute("configured", logs.configured());
        model.addAttribute("answers", logs.configured() ? logs.forTicket(tickets.evidence(id)) : List.of());
        return FRAGMENT;
    }

    /** An unknown ticket is a 404, not the error page (a panel is loaded into a page that is already shown). */
    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<Void> notFound() {
        return ResponseEntity.notFound().build();
    }
}
