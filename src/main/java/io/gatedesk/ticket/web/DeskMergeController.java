package io.gatedesk.ticket.web;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.MergeRefusedException;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.QueueSort;
import io.gatedesk.ticket.TicketConflictException;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Merging a duplicate into another ticket from the desk: the agent names the target (or picks one of the customer's
 * other tickets), sees both tickets side by side, then merges. Each step answers htmx with the confirmation fragment.
 */
@Controller
class DeskMergeController {

    static final String MERGE_VIEW = "ticket/desk-merge";
    static final String CONFIRM_FRAGMENT = MERGE_VIEW + " :: confirm";
    static final int CANDIDATES = 8;

    private final TicketService tickets;
    private final UserService users;
    private final MessageSource messages;

    DeskMergeController(TicketService tickets, UserService users, MessageSource messages) {
        this.tickets = tickets;
        this.users = users;
        this.messages = messages;
    }

    /** The confirmation: both tickets and whether the merge is allowed; without a target, the customer's others. */
    @GetMapping("/desk/tickets/{number}/merge")
    String review(@PathVariable String number, @RequestParam(required = false) String into, Model model,
                  HttpServletResponse response, Locale locale,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        boolean ok = fill(idOf(number), into, model, locale);
        if (!ok && htmx == null) {
            response.setStatus(422);
        }
        return htmx == null ? MERGE_VIEW : CONFIRM_FRAGMENT;
    }

    @PostMapping("/desk/tickets/{number}/merge")
    String merge(@PathVariable String number, @RequestParam(defaultValue = "") String into,
                 @RequestParam long version, @AuthenticationPrincipal UserDetails principal, Model model,
                 HttpServletRequest request, HttpServletResponse response, Locale locale,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long from = idOf(number);
        Optional<Long> target = TicketNumber.parse(into);
        if (target.isEmpty()) {
            fill(from, into, model, locale);
            response.setStatus(htmx == null ? 422 : 200);
            return htmx == null ? MERGE_VIEW : CONFIRM_FRAGMENT;
        }
        String merged;
        try {
            merged = tickets.merge(from, target.get(), version, actor(principal));
        } catch (MergeRefusedException | TicketConflictException | TicketNotFoundException failed) {
            fill(from, into, model, locale);
            if (failed instanceof TicketConflictException) {
                model.addAttribute("mergeConflict", true);
            }
            response.setStatus(htmx == null ? (failed instanceof TicketConflictException ? 409 : 422) : 200);
            return htmx == null ? MERGE_VIEW : CONFIRM_FRAGMENT;
        }
        String location = "/desk/tickets/" + merged;
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("saved", true);
        flash.put("savedText", messages.getMessage("ticket.merge.done",
                new Object[]{TicketNumber.format(from), merged}, locale));
        if (htmx == null) {
            return "redirect:" + location;
        }
        RequestContextUtils.saveOutputFlashMap(location, request, response);
        response.setHeader("HX-Redirect", request.getContextPath() + location);
        return null;
    }

    /** Puts source, target and the verdict on the model; answers whether a merge could go ahead. */
    private boolean fill(long from, String into, Model model, Locale locale) {
        TicketDetail source = tickets.detail(from);
        model.addAttribute("ticket", source);
        model.addAttribute("into", into);
        if (into == null || into.isBlank()) {
            model.addAttribute("candidates", candidates(source));
            return false;
        }
        Optional<Long> target = TicketNumber.parse(into);
        Optional<TicketDetail> found = target.flatMap(id -> {
            try {
                return Optional.of(tickets.detail(id));
            } catch (TicketNotFoundException missing) {
                return Optional.empty();
            }
        });
        if (found.isEmpty()) {
            model.addAttribute("mergeError", messages.getMessage(target.isEmpty() ? "ticket.merge.intoInvalid"
                    : "ticket.notFound", null, locale));
            model.addAttribute("candidates", candidates(source));
            return false;
        }
        model.addAttribute("target", found.get());
        Optional<MergeRefusedException.Reason> refusal = tickets.mergeRefusal(from, found.get().id());
        refusal.ifPresent(reason -> model.addAttribute("refusal",
                messages.getMessage(new MergeRefusedException(reason).messageKey(), null, locale)));
        return refusal.isEmpty();
    }

    /** The customer's other open tickets, newest first: the likely originals of a duplicate. */
    private List<QueueRow> candidates(TicketDetail source) {
        QueueFilter sameCustomer = new QueueFilter("active", null, null, source.customerEmail(),
                QueueSort.UPDATED_DESC, 0);
        return tickets.queue(sameCustomer, null).getContent().stream().filter(row -> row.id() != source.id())
                .limit(CANDIDATES).toList();
    }

    @ExceptionHandler(TicketNotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "ticket.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    private long idOf(String number) {
        return TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private Actor actor(UserDetails principal) {
        return Actor.of(users.findByUsername(principal.getUsername()).orElseThrow());
    }
}
