package io.gatedesk.escalation;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.triage.ErrorCategory;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The engineers' side: the queue of escalated tickets at {@code /engineering} (htmx in place, like the desk), the
 * evidence bundle of one ticket with its Markdown download, and the findings form that hands the ticket back or
 * resolves it.
 */
@Controller
class EngineeringController {

    static final String QUEUE_VIEW = "escalation/engineering-queue";
    static final String QUEUE_FRAGMENT = QUEUE_VIEW + " :: results";
    static final String BUNDLE_VIEW = "escalation/bundle";

    private final EscalationService escalations;
    private final EvidenceBundleService bundles;
    private final BundleMarkdown markdown;
    private final TicketService tickets;
    private final UserService users;

    EngineeringController(EscalationService escalations, EvidenceBundleService bundles, BundleMarkdown markdown,
                          TicketService tickets, UserService users) {
        this.escalations = escalations;
        this.bundles = bundles;
        this.markdown = markdown;
        this.tickets = tickets;
        this.users = users;
    }

    @GetMapping("/engineering")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
                 @RequestParam(required = false) String category, @RequestParam(required = false) String model,
                 @RequestParam(required = false) String engineer, @RequestParam(required = false) String sort,
                 @RequestParam(required = false) Integer page, @AuthenticationPrincipal UserDetails principal,
                 Model view) {
        fillQueue(EngineeringFilter.of(status, severity, category, model, engineer, sort, page), principal, view);
        return QUEUE_VIEW;
    }

    @HxRequest
    @GetMapping("/engineering")
    String queueResults(@RequestParam(required = false) String status,
                        @RequestParam(required = false) String severity,
                        @RequestParam(required = false) String category, @RequestParam(required = false) String model,
                        @RequestParam(required = false) String engineer, @RequestParam(required = false) String sort,
                        @RequestParam(required = false) Integer page, @AuthenticationPrincipal UserDetails principal,
                        Model view) {
        fillQueue(EngineeringFilter.of(status, severity, category, model, engineer, sort, page), principal, view);
        return QUEUE_FRAGMENT;
    }

    /** "Assign to me" from the queue (htmx: the queue again, in its view) or from the bundle page. */
    @PostMapping("/engineering/tickets/{number}/assign")
    String assign(@PathVariable String number, @RequestParam(defaultValue = "") String from,
                  @AuthenticationPrincipal UserDetails principal, Model view, HttpServletResponse response,
                  Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        try {
            escalations.assign(id, actor(principal));
        } catch (EscalationConflictException conflict) {
            view.addAttribute("conflict", conflict.messageKey());
            response.setStatus(htmx == null ? 409 : 200);
        }
        String query = from.isBlank() ? "" : from;
        if (htmx != null) {
            EngineeringFilter filter = filterOf(query);
            fillQueue(filter, principal, view);
            return QUEUE_FRAGMENT;
        }
        if (view.containsAttribute("conflict")) {
            fillBundle(id, principal, view, locale);
            return BUNDLE_VIEW;
        }
        return "redirect:/engineering/tickets/" + TicketNumber.format(id) + (query.isEmpty() ? "" : "?from="
                + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    @GetMapping("/engineering/tickets/{number}")
    String bundle(@PathVariable String number, @RequestParam(required = false) String from,
                  @AuthenticationPrincipal UserDetails principal, Model view, Locale locale) {
        long id = idOf(number);
        if (mayWork(principal)) {
            escalations.looked(id);
        }
        view.addAttribute("from", from);
        fillBundle(id, principal, view, locale);
        return BUNDLE_VIEW;
    }

    @GetMapping(value = "/engineering/tickets/{number}/bundle.md")
    ResponseEntity<String> download(@PathVariable String number, Locale locale) {
        long id = idOf(number);
        String text = markdown.render(bundles.bundle(id, locale), locale);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("gatedesk-" + TicketNumber.format(id) + "-bundle.md").build().toString())
                .body(text);
    }

    @PostMapping("/engineering/tickets/{number}/findings")
    String findings(@PathVariable String number, @RequestParam(defaultValue = "") String rootCause,
                    @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String actions,
                    @RequestParam(defaultValue = "") String suggestedReply,
                    @RequestParam(defaultValue = "") String outcome,
                    @AuthenticationPrincipal UserDetails principal, Model view, HttpServletResponse response,
                    Locale locale) {
        long id = idOf(number);
        try {
            escalations.recordFindings(id, new FindingsRequest(rootCause, summary, actions, suggestedReply, outcome),
                    actor(principal));
        } catch (InvalidEscalationException invalid) {
            view.addAttribute("errors", invalid.errors());
            view.addAttribute("findingsForm", invalid.kept());
            response.setStatus(422);
            fillBundle(id, principal, view, locale);
            return BUNDLE_VIEW;
        } catch (EscalationConflictException conflict) {
            view.addAttribute("conflict", conflict.messageKey());
            view.addAttribute("findingsForm", new FindingsRequest(rootCause, summary, actions, suggestedReply,
                    outcome));
            response.setStatus(409);
            fillBundle(id, principal, view, locale);
            return BUNDLE_VIEW;
        }
        return "redirect:/engineering/tickets/" + TicketNumber.format(id) + "?recorded=" + outcome.toUpperCase(
                Locale.ROOT);
    }

    @ExceptionHandler({TicketNotFoundException.class, EvidenceBundleService.NoBundleException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "escalation.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    private void fillQueue(EngineeringFilter filter, UserDetails principal, Model view) {
        Page<EngineeringRow> page = escalations.queue(filter, actor(principal).userId());
        view.addAttribute("filter", filter);
        view.addAttribute("page", page);
        view.addAttribute("rows", page.getContent());
        view.addAttribute("severities", Severity.values());
        view.addAttribute("statuses", EscalationStatus.values());
        view.addAttribute("categories", ErrorCategory.values());
        view.addAttribute("models", escalations.models());
        view.addAttribute("sorts", EngineeringFilter.SortOrder.values());
        view.addAttribute("mayWork", mayWork(principal));
    }

    private void fillBundle(long id, UserDetails principal, Model view, Locale locale) {
        EvidenceBundle bundle = bundles.bundle(id, locale);
        view.addAttribute("bundle", bundle);
        view.addAttribute("current", bundle.current());
        view.addAttribute("clocks", escalations.latestRow(id).orElse(null));
        view.addAttribute("markdown", markdown.render(bundle, locale));
        view.addAttribute("rootCauses", RootCause.values());
        view.addAttribute("mayWork", mayWork(principal));
        view.addAttribute("myId", actor(principal).userId());
        if (!view.containsAttribute("findingsForm")) {
            view.addAttribute("findingsForm", new FindingsRequest("", "", "", "", ""));
        }
    }

    private static EngineeringFilter filterOf(String query) {
        var params = org.springframework.web.util.UriComponentsBuilder.newInstance().query(query).build()
                .getQueryParams();
        java.util.function.Function<String, String> one = name -> {
            String value = params.getFirst(name);
            return value == null ? null : java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        };
        String page = one.apply("page");
        Integer pageNumber = null;
        if (page != null && page.matches("\\d{1,6}")) {
            pageNumber = Integer.valueOf(page);
        }
        return EngineeringFilter.of(one.apply("status"), one.apply("severity"), one.apply("category"),
                one.apply("model"), one.apply("engineer"), one.apply("sort"), pageNumber);
    }

    private boolean mayWork(UserDetails principal) {
        return principal.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.ENGINEER)
                || a.getAuthority().equals("ROLE_" + Role.ADMIN));
    }

    private long idOf(String number) {
        return tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private Actor actor(UserDetails principal) {
        StaffMember member = users.findByUsername(principal.getUsername()).orElseThrow();
        return Actor.of(member);
    }
}
