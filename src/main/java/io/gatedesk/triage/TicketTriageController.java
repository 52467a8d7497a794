package io.gatedesk.triage;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/**
 * The category panel on the desk's ticket page, loaded into it with htmx (and a page of its own without), and the
 * agent's override. An override tells the ticket page to refresh ({@code categoryChanged}) so priority and history
 * show it too.
 */
@Controller
class TicketTriageController {

    static final String PAGE = "triage/ticket-triage";
    static final String PANEL = "triage/ticket-triage :: panel";
    static final String AUTO = "AUTO";

    private final TriageService triage;
    private final TicketService tickets;
    private final UserService users;

    TicketTriageController(TriageService triage, TicketService tickets, UserService users) {
        this.triage = triage;
        this.tickets = tickets;
        this.users = users;
    }

    @GetMapping("/desk/tickets/{number}/triage")
    String panel(@PathVariable String number, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        fill(model, number, triage.forTicket(id));
        return htmx == null ? PAGE : PANEL;
    }

    @PostMapping("/desk/tickets/{number}/triage")
    String override(@PathVariable String number, @RequestParam(defaultValue = AUTO) String category,
                    @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                    @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        ErrorCategory chosen = AUTO.equals(category) ? null : ErrorCategory.valueOf(category.toUpperCase(Locale.ROOT));
        StaffMember member = users.findByUsername(principal.getUsername()).orElseThrow();
        TicketTriage result = triage.override(id, chosen, Actor.of(member));
        if (htmx == null) {
            return "redirect:/desk/tickets/" + number;
        }
        response.setHeader("HX-Trigger", "categoryChanged");
        fill(model, number, result);
        model.addAttribute("saved", true);
        return PANEL;
    }

    private static void fill(Model model, String number, TicketTriage result) {
        model.addAttribute("number", number);
        model.addAttribute("triage", result);
        model.addAttribute("categories", ErrorCategory.values());
    }

    @ExceptionHandler(NoSuchTicket.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "ticket.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    private long idOf(String number) {
        return tickets.idOf(number).orElseThrow(NoSuchTicket::new);
    }

    static final class NoSuchTicket extends RuntimeException {
    }
}
