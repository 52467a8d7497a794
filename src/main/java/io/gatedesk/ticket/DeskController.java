package io.gatedesk.ticket;

import io.gatedesk.secret.SecretGuard;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import java.io.IOException;
import java.util.Locale;
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

/** The agent desk: the queue and the ticket page. Every action answers htmx with the fragment it changed. */
@Controller
class DeskController {

    static final String QUEUE_VIEW = "ticket/desk-queue";
    static final String QUEUE_FRAGMENT = "ticket/desk-queue :: results";
    static final String TICKET_VIEW = "ticket/desk-ticket";
    static final String TICKET_FRAGMENT = "ticket/desk-ticket :: panel";

    private final TicketService tickets;
    private final UserService users;
    private final SecretGuard secretGuard;
    private final QueueCsvExport csvExport;
    private final QueueRowViews rowViews;

    DeskController(TicketService tickets, UserService users, SecretGuard secretGuard, QueueCsvExport csvExport,
                   QueueRowViews rowViews) {
        this.rowViews = rowViews;
        this.tickets = tickets;
        this.csvExport = csvExport;
        this.users = users;
        this.secretGuard = secretGuard;
    }

    @GetMapping("/desk")
    String queue(QueueFilter filter, @AuthenticationPrincipal UserDetails principal, Model model, Locale locale,
                 HttpServletRequest request) {
        fillQueue(filter, principal, model, locale, request);
        return QUEUE_VIEW;
    }

    @HxRequest
    @GetMapping("/desk")
    String queueResults(QueueFilter filter, @AuthenticationPrincipal UserDetails principal, Model model,
                        Locale locale, HttpServletRequest request) {
        fillQueue(filter, principal, model, locale, request);
        return QUEUE_FRAGMENT;
    }

    @GetMapping(value = "/desk/export.csv", produces = "text/csv;charset=UTF-8")
    void export(QueueFilter filter, @AuthenticationPrincipal UserDetails principal, Locale locale,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"gatedesk-queue.csv\"");
        csvExport.write(tickets.export(filter, actor(principal).userId(), QueueCsvExport.MAX_ROWS), locale,
                response.getWriter());
    }

    @GetMapping("/desk/tickets/{number}")
    String ticket(@PathVariable String number, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        fillTicket(idOf(number), model);
        return htmx == null ? TICKET_VIEW : TICKET_FRAGMENT;
    }

    @PostMapping("/desk/tickets/{number}/messages")
    String addMessage(@PathVariable String number, @RequestParam(defaultValue = "") String body,
                      @RequestParam(defaultValue = "PUBLIC") Visibility visibility, @RequestParam long version,
                      @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                      @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        try {
            tickets.addStaffMessage(id, body, visibility, version, actor(principal));
        } catch (TicketConflictException conflict) {
            return conflict(id, body, visibility, model, response, htmx);
        } catch (InvalidMessageException invalid) {
            fillTicket(id, model);
            model.addAttribute("draft", invalid.maskedBody());
            model.addAttribute("draftVisibility", visibility);
            model.addAttribute("messageError", invalid.getMessage());
            response.setStatus(htmx == null ? 422 : 200);
            return htmx == null ? TICKET_VIEW : TICKET_FRAGMENT;
        }
        return afterChange(id, model, response, htmx);
    }

    @PostMapping("/desk/tickets/{number}/changes")
    String change(@PathVariable String number, @RequestParam(required = false) TicketStatus status,
                  @RequestParam(required = false) Priority priority,
                  @RequestParam(required = false) String assignee, @RequestParam long version,
                  @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        Long assigneeId = null;
        boolean unassign = false;
        if ("me".equals(assignee)) {
            assigneeId = actor(principal).userId();
        } else if ("none".equals(assignee)) {
            unassign = true;
        } else if (assignee != null && !assignee.isBlank()) {
            assigneeId = Long.valueOf(assignee);
        }
        try {
            tickets.change(id, new TicketChange(status, priority, assigneeId, unassign), version, actor(principal));
        } catch (TicketConflictException conflict) {
            return conflict(id, null, null, model, response, htmx);
        }
        return afterChange(id, model, response, htmx);
    }

    @ExceptionHandler(TicketNotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "ticket.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    private String afterChange(long id, Model model, HttpServletResponse response, String htmx) {
        if (htmx == null) {
            return "redirect:/desk/tickets/" + id;
        }
        response.setHeader("HX-Trigger", "ticketUpdated");
        fillTicket(id, model);
        model.addAttribute("saved", true);
        return TICKET_FRAGMENT;
    }

    /** Shows the ticket as it is now, with the agent's unsent text kept in the reply box. */
    private String conflict(long id, String draft, Visibility visibility, Model model, HttpServletResponse response,
                            String htmx) {
        fillTicket(id, model);
        model.addAttribute("conflict", true);
        model.addAttribute("draft", secretGuard.redact(draft).text());
        model.addAttribute("draftVisibility", visibility);
        response.setStatus(htmx == null ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_OK);
        return htmx == null ? TICKET_VIEW : TICKET_FRAGMENT;
    }

    private void fillQueue(QueueFilter filter, UserDetails principal, Model model, Locale locale,
                           HttpServletRequest request) {
        Long me = actor(principal).userId();
        Page<QueueRow> page = tickets.queue(filter, me);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("rows", rowViews.of(page.getContent(), locale, request.getContextPath()));
        model.addAttribute("staff", users.activeStaff());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("sorts", QueueSort.values());
        var categoryCounts = tickets.categoryCounts(filter, me);
        model.addAttribute("categoryCounts", categoryCounts);
        model.addAttribute("categoryLinks", rowViews.categoryLinks(categoryCounts, filter, locale,
                request.getContextPath()));
    }

    private void fillTicket(long id, Model model) {
        TicketDetail ticket = tickets.detail(id);
        model.addAttribute("ticket", ticket);
        model.addAttribute("sla", tickets.sla(ticket));
        model.addAttribute("staff", users.activeStaff());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
    }

    private long idOf(String number) {
        return TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private Actor actor(UserDetails principal) {
        StaffMember member = users.findByUsername(principal.getUsername()).orElseThrow();
        return Actor.of(member);
    }
}
