package io.gatedesk.escalation;

import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The escalation panel on the desk's ticket page, loaded with htmx: escalate with a reason and a severity, see the
 * open round, and read the findings an engineer handed back, whose suggested reply goes into the reply box the way a
 * short answer does. Without htmx the panel is a page of its own with a reply box.
 */
@Controller
class TicketEscalationController {

    static final String PAGE = "escalation/ticket-escalation";
    static final String CONTENT = PAGE + " :: content";
    static final String INSERTED = PAGE + " :: inserted";

    private final EscalationService escalations;
    private final TicketService tickets;
    private final UserService users;
    private final SecretGuard secretGuard;

    TicketEscalationController(EscalationService escalations, TicketService tickets, UserService users,
                               SecretGuard secretGuard) {
        this.escalations = escalations;
        this.tickets = tickets;
        this.users = users;
        this.secretGuard = secretGuard;
    }

    @GetMapping("/desk/tickets/{number}/escalation")
    String panel(@PathVariable String number, @AuthenticationPrincipal UserDetails principal, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        Optional<EscalationView> latest = escalations.latest(id);
        // Seeing the handed-back findings is reading them; the engineer who wrote them does not count.
        if (latest.isPresent() && latest.get().findings() != null
                && !actor(principal).name().equals(latest.get().findings().by())) {
            escalations.markFindingsRead(id);
        }
        fill(model, number, id);
        return htmx == null ? PAGE : CONTENT;
    }

    @PostMapping("/desk/tickets/{number}/escalation")
    String escalate(@PathVariable String number, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(defaultValue = "") String severity,
                    @RequestParam(defaultValue = "") String engineer,
                    @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                    @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        try {
            escalations.escalate(id, new EscalationRequest(reason, severity, engineer), actor(principal));
        } catch (InvalidEscalationException invalid) {
            model.addAttribute("errors", invalid.errors());
            model.addAttribute("form", invalid.kept());
            response.setStatus(htmx == null ? 422 : 200);
            fill(model, number, id);
            return htmx == null ? PAGE : CONTENT;
        } catch (EscalationConflictException conflict) {
            model.addAttribute("conflict", conflict.messageKey());
            response.setStatus(htmx == null ? 409 : 200);
            fill(model, number, id);
            return htmx == null ? PAGE : CONTENT;
        }
        if (htmx == null) {
            return "redirect:/desk/tickets/" + TicketNumber.format(id);
        }
        // The ticket page refreshes its status, history and workflow regions on this event.
        response.setHeader("HX-Trigger", "escalationChanged");
        model.addAttribute("escalated", true);
        fill(model, number, id);
        return CONTENT;
    }

    /**
     * Puts the suggested reply of the latest findings at the end of the agent's draft, after a blank line, exactly as
     * a short answer is inserted: htmx gets a notice and, out of band, the reply box. Never sent.
     */
    @PostMapping("/desk/tickets/{number}/escalation/insert-reply")
    String insertReply(@PathVariable String number, @RequestParam(name = "body", defaultValue = "") String draft,
                       Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        String kept = secretGuard.redact(draft).text().stripTrailing();
        String reply = escalations.latest(id).map(EscalationView::findings)
                .map(EscalationView.Findings::suggestedReply).orElse(null);
        model.addAttribute("draft", reply == null ? kept : kept.isEmpty() ? reply : kept + "\n\n" + reply);
        model.addAttribute("number", number);
        if (htmx != null) {
            return INSERTED;
        }
        fill(model, number, id);
        return PAGE;
    }

    @ExceptionHandler(TicketNotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "ticket.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    private void fill(Model model, String number, long id) {
        List<EscalationView> rounds = escalations.rounds(id);
        model.addAttribute("number", TicketNumber.format(id));
        model.addAttribute("latest", rounds.isEmpty() ? null : rounds.get(rounds.size() - 1));
        List<EscalationView> earlier = new ArrayList<>(rounds.subList(0, Math.max(0, rounds.size() - 1)));
        Collections.reverse(earlier);
        model.addAttribute("earlier", earlier);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("engineers", escalations.engineers());
        model.addAttribute("ticketVersion", tickets.detail(id).version());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EscalationRequest("", "", ""));
        }
    }

    private long idOf(String number) {
        return tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private Actor actor(UserDetails principal) {
        return Actor.of(users.findByUsername(principal.getUsername()).orElseThrow());
    }
}
