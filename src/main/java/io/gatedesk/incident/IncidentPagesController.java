package io.gatedesk.incident;

import io.gatedesk.answer.AnswerService;
import io.gatedesk.knowledge.KnowledgeBase;
import io.gatedesk.answer.ShortAnswer;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff pages: the suggestion banner on the desk, the incident list and the incident page. Every change is a
 * plain form post answered with a redirect back to the page, so a reload never repeats it; bulk replies are safe to
 * repeat anyway.
 */
@Controller
class IncidentPagesController {

    static final String LIST_VIEW = "incident/list";
    static final String PAGE_VIEW = "incident/page";
    static final String BANNER_FRAGMENT = "incident/banner :: banner";

    static final String TICKET_PANEL_FRAGMENT = "incident/ticket-incidents :: content";

    private final IncidentService incidents;
    private final IncidentChart chart;
    private final AnswerService answers;
    private final UserService users;
    private final IncidentEscalationLink cases;
    private final TicketService tickets;
    private final KnowledgeBase knowledge;

    IncidentPagesController(IncidentService incidents, IncidentChart chart, AnswerService answers, UserService users,
                            IncidentEscalationLink cases, TicketService tickets, KnowledgeBase knowledge) {
        this.incidents = incidents;
        this.knowledge = knowledge;
        this.cases = cases;
        this.tickets = tickets;
        this.chart = chart;
        this.answers = answers;
        this.users = users;
    }

    @GetMapping("/desk/incidents/banner")
    String banner(Model model) {
        model.addAttribute("suggestions", incidents.suggestions());
        return BANNER_FRAGMENT;
    }

    @GetMapping("/desk/incidents")
    String list(@RequestParam(required = false) String status, Model model) {
        Set<IncidentStatus> wanted = EnumSet.noneOf(IncidentStatus.class);
        IncidentStatus.WORKFLOW.stream().filter(s -> s.name().equalsIgnoreCase(status)).forEach(wanted::add);
        model.addAttribute("incidents", incidents.list(wanted));
        model.addAttribute("status", wanted.isEmpty() ? "" : wanted.iterator().next().name());
        model.addAttribute("statuses", IncidentStatus.WORKFLOW);
        return LIST_VIEW;
    }

    @GetMapping("/desk/incidents/{id}")
    String page(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        IncidentDetail detail = incidents.detail(id, page);
        model.addAttribute("incident", detail);
        model.addAttribute("chart", chart.forIncident(detail.summary()));
        model.addAttribute("statuses", IncidentStatus.WORKFLOW);
        model.addAttribute("knownIncident", answers.find(KNOWN_INCIDENT, "en").map(ShortAnswer::key).orElse(null));
        model.addAttribute("engineeringCase", cases.caseOf(id).orElse(null));
        // Escalated tickets on this page of linked tickets: the likely cases, offered as suggestions.
        model.addAttribute("caseCandidates", detail.tickets().stream()
                .filter(t -> TicketStatus.ESCALATED.name().equals(t.status()))
                .map(IncidentDetail.LinkedTicket::number).toList());
        return PAGE_VIEW;
    }

    /** The incidents a ticket belongs to, for the panel on the ticket's page and the engineer's case page (htmx). */
    @GetMapping("/desk/tickets/{number}/incidents")
    String ticketPanel(@PathVariable String number, Model model,
                       @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long ticketId = tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (htmx == null) {
            return "redirect:/desk/tickets/" + TicketNumber.format(ticketId);
        }
        model.addAttribute("number", TicketNumber.format(ticketId));
        model.addAttribute("memberships", cases.membershipsOf(ticketId));
        return TICKET_PANEL_FRAGMENT;
    }

    @PostMapping("/desk/incidents/{id}/escalation")
    String linkCase(@PathVariable long id, @RequestParam(defaultValue = "") String ticket,
                    @AuthenticationPrincipal UserDetails principal) {
        cases.link(id, ticket, actor(principal));
        return redirect(id);
    }

    @PostMapping("/desk/incidents/{id}/escalation/unlink")
    String unlinkCase(@PathVariable long id, @AuthenticationPrincipal UserDetails principal) {
        cases.unlink(id, actor(principal));
        return redirect(id);
    }

    static final String KNOWN_INCIDENT = "known-incident";

    @PostMapping("/desk/incidents/{id}/confirm")
    String confirm(@PathVariable long id, @AuthenticationPrincipal UserDetails principal) {
        incidents.confirm(id, actor(principal));
        return redirect(id);
    }

    @PostMapping("/desk/incidents/{id}/dismiss")
    String dismiss(@PathVariable long id, @AuthenticationPrincipal UserDetails principal) {
        incidents.dismiss(id, actor(principal));
        return "redirect:/desk";
    }

    @PostMapping("/desk/incidents/{id}/rename")
    String rename(@PathVariable long id, @RequestParam String title, @AuthenticationPrincipal UserDetails principal) {
        incidents.rename(id, title, actor(principal));
        return redirect(id);
    }

    @PostMapping("/desk/incidents/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long into, @AuthenticationPrincipal UserDetails principal) {
        incidents.merge(id, into, actor(principal));
        return redirect(into);
    }

    @PostMapping("/desk/incidents/{id}/tickets")
    String link(@PathVariable long id, @RequestParam String tickets, @AuthenticationPrincipal UserDetails principal) {
        incidents.link(id, numbers(tickets), actor(principal));
        return redirect(id);
    }

    @PostMapping("/desk/incidents/{id}/tickets/{ticketId}/unlink")
    String unlink(@PathVariable long id, @PathVariable long ticketId, @AuthenticationPrincipal UserDetails principal) {
        incidents.unlink(id, ticketId, actor(principal));
        return redirect(id);
    }

    @PostMapping("/desk/incidents/{id}/status")
    String update(@PathVariable long id, @RequestParam IncidentStatus status,
                  @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal UserDetails principal) {
        incidents.update(id, status, note, actor(principal));
        return redirect(id);
    }

    @PostMapping("/desk/incidents/{id}/public")
    String setPublic(@PathVariable long id, @RequestParam boolean on, @AuthenticationPrincipal UserDetails principal) {
        incidents.setPublic(id, on, actor(principal));
        return redirect(id);
    }

    @PostMapping("/desk/incidents/{id}/reply")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String answer,
                 @RequestParam(defaultValue = "") String body, @AuthenticationPrincipal UserDetails principal,
                 RedirectAttributes flash) {
        flash.addFlashAttribute("replyResult", incidents.reply(id, answer, body, actor(principal)));
        return redirect(id);
    }

    @PostMapping("/desk/incidents/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String reply,
                   @RequestParam(defaultValue = "RESOLVED") TicketStatus ticketStatus,
                   @AuthenticationPrincipal UserDetails principal, RedirectAttributes flash) {
        flash.addFlashAttribute("resolveResult", incidents.resolve(id, reply, ticketStatus, actor(principal)));
        return redirect(id);
    }

    /**
     * Drafts a knowledge-base article from a resolved incident (agents and admins, SecurityConfig) and opens it in the
     * editor. The knowledge base gets plain text and runs its privacy gate; it never reads incidents.
     */
    @PostMapping("/desk/incidents/{id}/article")
    String draftArticle(@PathVariable long id, @RequestParam(name = "articleLang", defaultValue = "") String lang,
                        @AuthenticationPrincipal UserDetails principal, RedirectAttributes flash) {
        if (!lang.isBlank() && !KnowledgeBase.LANGUAGES.contains(lang)) {
            throw new InvalidIncidentException("incident.error.articleLang");
        }
        IncidentService.ArticleSource source = incidents.articleSource(id);
        long article = knowledge.draftFromIncident(source.title(), source.category(), source.reply(),
                source.exampleTicketId(), lang, principal.getUsername());
        flash.addFlashAttribute("notice", "kb.desk.draftedFromIncident");
        return "redirect:/desk/kb/articles/" + article;
    }

    @ExceptionHandler(InvalidIncidentException.class)
    String invalid(InvalidIncidentException e, HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("incidentError", e.messageKey());
        Matcher page = INCIDENT_PATH.matcher(request.getRequestURI());
        return page.find() ? redirect(Long.parseLong(page.group(1))) : "redirect:/desk/incidents";
    }

    private static final Pattern INCIDENT_PATH = Pattern.compile("/desk/incidents/(\\d+)");

    @ExceptionHandler(IncidentNotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("incidents", List.of());
        model.addAttribute("status", "");
        model.addAttribute("statuses", IncidentStatus.WORKFLOW);
        model.addAttribute("incidentError", "incident.error.notFound");
        return LIST_VIEW;
    }

    /** An unknown ticket behind the ticket panel's address: a 404 the panel leaves unswapped (so it stays hidden). */
    @ExceptionHandler(TicketNotFoundException.class)
    String ticketNotFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "ticket.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    static List<String> numbers(String text) {
        return Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String redirect(long id) {
        return "redirect:/desk/incidents/" + id;
    }

    private Actor actor(UserDetails principal) {
        return Actor.of(users.findByUsername(principal.getUsername()).orElseThrow());
    }
}
