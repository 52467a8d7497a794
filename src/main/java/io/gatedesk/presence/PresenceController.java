package io.gatedesk.presence;

import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * "Zhang Wei is viewing" on the ticket page: the panel polls {@code GET …/presence} every few seconds, which also
 * reports the poller as viewing; {@code presence.js} posts {@code …/presence/typing} while the reply box changes.
 */
@Controller
class PresenceController {

    static final String PANEL_FRAGMENT = "presence/panel :: content";

    private final PresenceService presence;
    private final TicketService tickets;
    private final UserService users;

    PresenceController(PresenceService presence, TicketService tickets, UserService users) {
        this.presence = presence;
        this.tickets = tickets;
        this.users = users;
    }

    @GetMapping("/desk/tickets/{number}/presence")
    String panel(@PathVariable String number, @AuthenticationPrincipal UserDetails principal, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        if (htmx == null) {
            return "redirect:/desk/tickets/" + TicketNumber.format(id);
        }
        StaffMember me = me(principal);
        presence.report(id, me.id(), me.displayName(), false);
        model.addAttribute("others", presence.others(id, me.id()));
        model.addAttribute("number", TicketNumber.format(id));
        return PANEL_FRAGMENT;
    }

    @PostMapping("/desk/tickets/{number}/presence/typing")
    ResponseEntity<Void> typing(@PathVariable String number, @AuthenticationPrincipal UserDetails principal) {
        StaffMember me = me(principal);
        presence.report(idOf(number), me.id(), me.displayName(), true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/desk/tickets/{number}/presence/leave")
    ResponseEntity<Void> leave(@PathVariable String number, @AuthenticationPrincipal UserDetails principal) {
        presence.leave(idOf(number), me(principal).id());
        return ResponseEntity.noContent().build();
    }

    private StaffMember me(UserDetails principal) {
        return users.findByUsername(principal.getUsername()).orElseThrow();
    }

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<Void> notFound() {
        return ResponseEntity.notFound().build();
    }

    private long idOf(String number) {
        return tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
