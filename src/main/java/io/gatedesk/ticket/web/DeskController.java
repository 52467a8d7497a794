package io.gatedesk.ticket.web;

import io.gatedesk.ticket.RelativeTime;
import io.gatedesk.ticket.read.DeskProperties;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.HistoryLines;
import io.gatedesk.ticket.InvalidMessageException;
import io.gatedesk.ticket.CategoryCount;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueDefaults;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketConflictException;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.MergeRefusedException;
import io.gatedesk.ticket.TicketAttachments;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import java.io.IOException;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The agent desk: the queue and the ticket page. Every action answers htmx with the fragment it changed. */
@Controller
class DeskController {

    static final String QUEUE_VIEW = "ticket/desk-queue";
    static final String QUEUE_FRAGMENT = "ticket/desk-queue :: results";
    static final String TICKET_VIEW = "ticket/desk-ticket";
    static final String AFTER_REPLY = TICKET_VIEW + " :: afterReply";
    static final String AFTER_WORKFLOW = TICKET_VIEW + " :: afterWorkflow";

    private final TicketService tickets;
    private final UserService users;
    private final SecretGuard secretGuard;
    private final QueueCsvExport csvExport;
    private final QueueRowViews rowViews;
    private final QueueRowsHtml rowsHtml;
    private final RelativeTime relativeTime;
    private final HistoryLines history;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration pollInterval;
    private final List<QueueDefaults> queueDefaults;
    private final ObjectProvider<TicketAttachments> attachments;
    private final TransactionTemplate queueReads;

    DeskController(TicketService tickets, UserService users, SecretGuard secretGuard, QueueCsvExport csvExport,
                   QueueRowViews rowViews, QueueRowsHtml rowsHtml, RelativeTime relativeTime, HistoryLines history, MessageSource messages,
                   Clock clock, DeskProperties properties, List<QueueDefaults> queueDefaults,
                   ObjectProvider<TicketAttachments> attachments, PlatformTransactionManager transactions) {
        // The queue's reads (acting user, default view, rows, tag colours, marks, staff, counts) share one read-only
        // transaction: each opened its own, seven per page, most of them around a cached read.
        this.queueReads = new TransactionTemplate(transactions);
        this.queueReads.setReadOnly(true);
        this.queueDefaults = List.copyOf(queueDefaults);
        this.clock = clock;
        this.attachments = attachments;
        this.pollInterval = properties.pollInterval();
        this.rowViews = rowViews;
        this.rowsHtml = rowsHtml;
        this.relativeTime = relativeTime;
        this.history = history;
        this.messages = messages;
        this.tickets = tickets;
        this.csvExport = csvExport;
        this.users = users;
        this.secretGuard = secretGuard;
    }

    @GetMapping("/desk")
    String queue(QueueFilter filter, @AuthenticationPrincipal UserDetails principal, Model model, Locale locale,
                 HttpServletRequest request) {
        return queueReads.execute(status -> {
            Long me = actor(principal).userId();
            if (request.getQueryString() == null) {
                // The bare queue address opens the agent's default view, when they chose one.
                Optional<String> query = queueDefaults.stream()
                        .flatMap(defaults -> defaults.defaultQuery(me).stream()).findFirst();
                if (query.isPresent()) {
                    return "redirect:/desk?" + query.get();
                }
            }
            fillQueue(filter, me, model, locale, request);
            return QUEUE_VIEW;
        });
    }

    @HxRequest
    @GetMapping("/desk")
    String queueResults(QueueFilter filter, @AuthenticationPrincipal UserDetails principal, Model model,
                        Locale locale, HttpServletRequest request) {
        return queueReads.execute(status -> {
            fillQueue(filter, actor(principal).userId(), model, locale, request);
            return QUEUE_FRAGMENT;
        });
    }

    /** Polled by the queue: a notice when tickets in this view changed since the page showed them. */
    @GetMapping("/desk/changes")
    String queueChanges(QueueFilter filter, @RequestParam long since, @AuthenticationPrincipal UserDetails principal,
                        Model model) {
        long changed = tickets.changedSince(filter, actor(principal).userId(), Instant.ofEpochMilli(since));
        model.addAttribute("changed", changed);
        model.addAttribute("filter", filter);
        return QUEUE_VIEW + " :: news";
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
    String ticket(@PathVariable String number, @RequestParam(required = false) String from,
                  @AuthenticationPrincipal UserDetails principal, Model model, Locale locale,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        fillTicket(idOf(number), from, principal, model, locale);
        return htmx == null ? TICKET_VIEW : TICKET_VIEW + " :: refreshed";
    }

    /** The regions a change elsewhere on the page (a category set on the triage panel) may have changed. */
    @GetMapping("/desk/tickets/{number}/regions")
    String regions(@PathVariable String number, @RequestParam(required = false) String from,
                   @AuthenticationPrincipal UserDetails principal, Model model, Locale locale) {
        fillTicket(idOf(number), from, principal, model, locale);
        return TICKET_VIEW + " :: refreshed";
    }

    @PostMapping("/desk/tickets/{number}/messages")
    String addMessage(@PathVariable String number, @RequestParam(defaultValue = "") String body,
                      @RequestParam(defaultValue = "PUBLIC") Visibility visibility, @RequestParam long version,
                      @RequestParam(required = false) TicketStatus then,
                      @RequestParam(defaultValue = "false") boolean next,
                      @RequestParam(required = false) String from,
                      @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                      @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                      Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        Actor actor = actor(principal);
        TicketAttachments files = attachments.getIfAvailable();
        try {
            if (files != null) {
                files.refusal(uploads, locale).ifPresent(refusal -> {
                    throw new InvalidMessageException(refusal, secretGuard.redact(body).text());
                });
            }
            MessageView sent = tickets.reply(id, body, visibility, version, actor, then);
            if (files != null && uploads != null) {
                files.attach(id, sent.id(), uploads, actor.name(), false, visibility == Visibility.INTERNAL);
            }
        } catch (TicketConflictException conflict) {
            fillTicket(id, from, principal, model, locale);
            keepDraft(model, secretGuard.redact(body).text(), visibility, next);
            model.addAttribute("conflict", true);
            model.addAttribute("draftKept", true);
            response.setStatus(htmx == null ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_OK);
            return htmx == null ? TICKET_VIEW : AFTER_REPLY;
        } catch (InvalidMessageException invalid) {
            fillTicket(id, from, principal, model, locale);
            keepDraft(model, invalid.maskedBody(), visibility, next);
            model.addAttribute("messageError", invalid.getMessage());
            response.setStatus(htmx == null ? 422 : 200);
            return htmx == null ? TICKET_VIEW : AFTER_REPLY;
        }
        if (next) {
            Optional<String> following = tickets.nextInView(QueueFilter.parse(from), actor.userId(), id);
            if (following.isPresent()) {
                String target = ticketHref(following.get(), from);
                if (htmx == null) {
                    return "redirect:" + target;
                }
                response.setHeader("HX-Redirect", target);
                return null;
            }
        }
        if (htmx == null) {
            return "redirect:" + ticketHref(number, from);
        }
        response.setHeader("HX-Trigger", "ticketUpdated");
        fillTicket(id, from, principal, model, locale);
        model.addAttribute("saved", true);
        model.addAttribute("savedText", then == null ? messages.getMessage("message.sent", null, locale)
                : messages.getMessage("message.sentAndSet",
                        new Object[]{messages.getMessage("status." + then, null, locale)}, locale));
        model.addAttribute("draftSent", true);
        model.addAttribute("openNext", next);
        return AFTER_REPLY;
    }

    @PostMapping("/desk/tickets/{number}/changes")
    String change(@PathVariable String number, @RequestParam(required = false) TicketStatus status,
                  @RequestParam(required = false) Priority priority,
                  @RequestParam(required = false) String assignee, @RequestParam long version,
                  @RequestParam(required = false) String from,
                  @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                  Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Long assigneeId = null;
        boolean unassign = false;
        if ("none".equals(assignee)) {
            unassign = true;
        } else if ("me".equals(assignee)) {
            assigneeId = actor(principal).userId();
        } else if (assignee != null && !assignee.isBlank()) {
            try {
                assigneeId = Long.valueOf(assignee);
            } catch (NumberFormatException e) {
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.BAD_REQUEST, "not a staff id: " + assignee);
            }
        }
        return applyChange(number, new TicketChange(status, priority, assigneeId, unassign), version, from, principal,
                model, response, locale, htmx);
    }

    @PostMapping("/desk/tickets/{number}/assign-to-me")
    String assignToMe(@PathVariable String number, @RequestParam long version,
                      @RequestParam(required = false) String from,
                      @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                      Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        TicketChange change = new TicketChange(null, null, actor(principal).userId(), false);
        return applyChange(number, change, version, from, principal, model, response, locale, htmx);
    }

    /**
     * Makes a customer message a ticket of its own. The page stays on this ticket (a reply being typed is kept): htmx
     * gets the changed regions out of band and a notice linking to the new ticket.
     */
    @PostMapping("/desk/tickets/{number}/messages/{messageId}/split")
    String split(@PathVariable String number, @PathVariable long messageId, @RequestParam long version,
                 @RequestParam(required = false) String from, @AuthenticationPrincipal UserDetails principal,
                 Model model, HttpServletRequest request, HttpServletResponse response, Locale locale,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        String created;
        try {
            created = tickets.split(id, messageId, version, actor(principal));
        } catch (TicketConflictException | MergeRefusedException failed) {
            fillTicket(id, from, principal, model, locale);
            if (failed instanceof MergeRefusedException refused) {
                model.addAttribute("splitError", messages.getMessage(refused.messageKey(), null, locale));
            } else {
                model.addAttribute("conflict", true);
            }
            response.setStatus(htmx == null ? (failed instanceof TicketConflictException ? 409 : 422) : 200);
            return htmx == null ? TICKET_VIEW : TICKET_VIEW + " :: refreshed";
        }
        String done = messages.getMessage("ticket.split.done", new Object[]{created}, locale);
        if (htmx == null) {
            var flash = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
            flash.put("saved", true);
            flash.put("savedText", done);
            flash.put("splitInto", created);
            return "redirect:" + ticketHref(number, from);
        }
        response.setHeader("HX-Trigger", "ticketUpdated");
        fillTicket(id, from, principal, model, locale);
        model.addAttribute("saved", true);
        model.addAttribute("savedText", done);
        model.addAttribute("splitInto", created);
        return TICKET_VIEW + " :: refreshed";
    }

    private String applyChange(String number, TicketChange change, long version, String from, UserDetails principal,
                               Model model, HttpServletResponse response, Locale locale, String htmx) {
        long id = idOf(number);
        try {
            tickets.change(id, change, version, actor(principal));
        } catch (TicketConflictException conflict) {
            fillTicket(id, from, principal, model, locale);
            model.addAttribute("conflict", true);
            response.setStatus(htmx == null ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_OK);
            return htmx == null ? TICKET_VIEW : AFTER_WORKFLOW;
        }
        if (htmx == null) {
            return "redirect:" + ticketHref(number, from);
        }
        response.setHeader("HX-Trigger", "ticketUpdated");
        fillTicket(id, from, principal, model, locale);
        model.addAttribute("saved", true);
        return AFTER_WORKFLOW;
    }

    @ExceptionHandler(TicketNotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "ticket.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    private void fillQueue(QueueFilter filter, Long me, Model model, Locale locale, HttpServletRequest request) {
        Page<QueueRow> page = tickets.queue(filter, me);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        long shownAt = clock.millis();
        model.addAttribute("shownAt", shownAt);
        model.addAttribute("pollSeconds", Math.max(1, pollInterval.toSeconds()));
        model.addAttribute("links", rowViews.viewLinks(filter, page, shownAt, request.getContextPath()));
        List<QueueRowView> rows = rowViews.of(page.getContent(), locale, request.getContextPath(), filter,
                page.hasContent() ? tickets.tagColours() : Map.of());
        model.addAttribute("rows", rows);
        model.addAttribute("rowsHtml", rowsHtml.render(rows, locale));
        model.addAttribute("staff", users.activeStaff());
        model.addAttribute("statusChoices", rowViews.statusChoices(filter, locale));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("sortChoices", rowViews.sortChoices(filter, locale));
        var categoryCounts = tickets.categoryCounts(filter, me);
        // The category drop-down offers "not classified yet" and keeps a picked category the counts do not hold.
        model.addAttribute("offerUnclassified",
                categoryCounts.stream().noneMatch(count -> CategoryCount.NONE.equals(count.filterValue())));
        model.addAttribute("keptCategory", rowViews.keptCategory(categoryCounts, filter, locale));
        model.addAttribute("categoryLinks", rowViews.categoryLinks(categoryCounts, filter, locale,
                request.getContextPath()));
    }

    private void fillTicket(long id, String from, UserDetails principal, Model model, Locale locale) {
        TicketDetail ticket = tickets.detail(id);
        QueueFilter view = from == null ? null : QueueFilter.parse(from);
        String back = view == null ? null : view.toQuery();
        model.addAttribute("ticket", ticket);
        model.addAttribute("sla", tickets.sla(ticket));
        model.addAttribute("staff", users.activeStaff());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        Long me = actor(principal).userId();
        model.addAttribute("myId", me);
        model.addAttribute("from", back);
        model.addAttribute("queueHref", back == null ? "/desk" : "/desk?" + back);
        model.addAttribute("nextHref", view == null ? null : tickets.nextInView(view, me, id)
                .map(next -> ticketHref(next, back)).orElse(null));
        model.addAttribute("createdAgo", relativeTime.ago(ticket.createdAt(), locale));
        model.addAttribute("history", history.of(ticket.events(), locale));
    }

    private static void keepDraft(Model model, String draft, Visibility visibility, boolean next) {
        model.addAttribute("draft", draft);
        model.addAttribute("draftVisibility", visibility);
        model.addAttribute("openNext", next);
    }

    private static String ticketHref(String number, String from) {
        return "/desk/tickets/" + number
                + (from == null ? "" : "?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
    }

    private long idOf(String number) {
        return TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private Actor actor(UserDetails principal) {
        StaffMember member = users.findByUsername(principal.getUsername()).orElseThrow();
        return Actor.of(member);
    }
}
