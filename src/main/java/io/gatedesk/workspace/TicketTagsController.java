package io.gatedesk.workspace;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.BulkTarget;
import io.gatedesk.ticket.Tag;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tags panel of the ticket page: its chips, each with a remove button, and a field that suggests tags in use.
 * A tag change goes the bulk bar's way for one ticket (same normalising, secret guard, audit lines) and, being a set
 * operation, checks no version; it raises {@code tagsChanged} so the page refreshes the regions it moved (history,
 * the reply form's version).
 */
@Controller
class TicketTagsController {

    static final String PANEL = "workspace/ticket-tags :: panel";

    private final TicketService tickets;
    private final BulkActions bulk;
    private final UserService users;
    private final MessageSource messages;

    TicketTagsController(TicketService tickets, BulkActions bulk, UserService users, MessageSource messages) {
        this.tickets = tickets;
        this.bulk = bulk;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/desk/tickets/{number}/tags")
    String panel(@PathVariable String number, Model model) {
        fill(idOf(number), model);
        return PANEL;
    }

    @PostMapping("/desk/tickets/{number}/tags")
    String add(@PathVariable String number, @RequestParam(defaultValue = "") String tag,
               @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
               Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        return change(number, List.of(tag), List.of(), principal, model, response, locale, htmx, tag);
    }

    @PostMapping("/desk/tickets/{number}/tags/remove")
    String remove(@PathVariable String number, @RequestParam(defaultValue = "") String tag,
                  @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                  Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        return change(number, List.of(), List.of(tag), principal, model, response, locale, htmx, null);
    }

    private String change(String number, List<String> add, List<String> remove, UserDetails principal, Model model,
                          HttpServletResponse response, Locale locale, String htmx, String typed) {
        long id = idOf(number);
        try {
            bulk.apply(new BulkCommand(List.of(new BulkTarget(id, null)), null, null, null, null, null, add, remove,
                    null), Actor.of(users.findByUsername(principal.getUsername()).orElseThrow()));
        } catch (WorkspaceException refused) {
            fill(id, model);
            // A tag refused for holding a key is not shown again.
            model.addAttribute("typed", "bulk.error.tagSecret".equals(refused.messageKey()) ? null : typed);
            model.addAttribute("tagError", messages.getMessage(refused.messageKey(), refused.arguments(), locale));
            response.setStatus(htmx == null ? 422 : 200);
            return PANEL;
        }
        if (htmx == null) {
            return "redirect:/desk/tickets/" + number;
        }
        response.setHeader("HX-Trigger", "tagsChanged");
        fill(id, model);
        return PANEL;
    }

    private void fill(long id, Model model) {
        List<String> tags = tickets.tagsOf(List.of(id)).getOrDefault(id, List.of());
        Map<String, String> colours = tags.isEmpty() ? Map.of() : tickets.tagColours();
        model.addAttribute("number", TicketNumber.format(id));
        model.addAttribute("tags", tags.stream()
                .map(tag -> new Chip(tag, colours.getOrDefault(tag, Tag.colourOf(tag)))).toList());
    }

    /** Public so the template's expressions may read it. */
    public record Chip(String name, String colour) {
    }

    private static long idOf(String number) {
        return TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
