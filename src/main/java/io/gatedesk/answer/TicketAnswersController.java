package io.gatedesk.answer;

import io.gatedesk.secret.SecretGuard;
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

import java.util.List;
import java.util.Locale;

/**
 * The answers panel on the desk's ticket page (suggested answers, preview, insert, checklist), loaded with htmx; and
 * a page of its own without htmx, with a reply box, so the same steps work without JavaScript.
 */
@Controller
class TicketAnswersController {

    static final String PAGE = "answer/ticket-answers";
    static final String CONTENT = "answer/ticket-answers :: content";
    static final String PREVIEW = "answer/ticket-answers :: preview";
    static final String INSERTED = "answer/ticket-answers :: inserted";
    static final String REFUSED = "answer/ticket-answers :: refused";
    static final String CHECKLIST = "answer/ticket-answers :: checklist";
    static final String REQUEST_MISSING_EVIDENCE = "request-missing-evidence";

    private final AnswerService answers;
    private final ChecklistService checklists;
    private final TicketService tickets;
    private final UserService users;
    private final SecretGuard secretGuard;

    TicketAnswersController(AnswerService answers, ChecklistService checklists, TicketService tickets,
                            UserService users, SecretGuard secretGuard) {
        this.answers = answers;
        this.checklists = checklists;
        this.tickets = tickets;
        this.users = users;
        this.secretGuard = secretGuard;
    }

    @GetMapping("/desk/tickets/{number}/answers")
    String panel(@PathVariable String number, Locale locale, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        fill(model, number, idOf(number), locale);
        return htmx == null ? PAGE : CONTENT;
    }

    @GetMapping("/desk/tickets/{number}/answers/{answerId}/preview")
    String preview(@PathVariable String number, @PathVariable long answerId,
                   @AuthenticationPrincipal UserDetails principal, Locale locale, Model model,
                   @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        ShortAnswer answer = answers.find(answerId);
        String agent = actor(principal).name();
        Rendering rendering = answers.render(answer, id, agent);
        model.addAttribute("previewed", answer);
        model.addAttribute("previewHtml", answers.previewHtml(answer, id, agent));
        model.addAttribute("refusal", rendering.complete() ? null : answers.unresolvedMessage(rendering, locale));
        if (htmx != null) {
            model.addAttribute("number", number);
            return PREVIEW;
        }
        fill(model, number, id, locale);
        return PAGE;
    }

    /**
     * Puts the filled-in answer at the end of the agent's draft, after a blank line. htmx gets a notice and, out of
     * band, the reply box with the new text; an answer that cannot be filled gets the refusal and the box stays.
     */
    @PostMapping("/desk/tickets/{number}/answers/{answerId}/insert")
    String insert(@PathVariable String number, @PathVariable long answerId,
                  @RequestParam(name = "body", defaultValue = "") String draft,
                  @AuthenticationPrincipal UserDetails principal, Locale locale, Model model,
                  HttpServletResponse response, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        ShortAnswer answer = answers.find(answerId);
        // The draft comes back into the page, so it passes the guard like every text that reaches GateDesk.
        String kept = secretGuard.redact(draft).text().stripTrailing();
        Rendering rendering = answers.insert(answerId, id, actor(principal));
        model.addAttribute("number", number);
        model.addAttribute("inserted", answer);
        if (rendering.complete()) {
            model.addAttribute("draft", kept.isEmpty() ? rendering.text() : kept + "\n\n" + rendering.text());
        } else {
            model.addAttribute("refusal", answers.unresolvedMessage(rendering, locale));
            model.addAttribute("draft", kept);
            response.setStatus(htmx == null ? 422 : 200);
        }
        if (htmx != null) {
            return rendering.complete() ? INSERTED : REFUSED;
        }
        fill(model, number, id, locale);
        return PAGE;
    }

    @PostMapping("/desk/tickets/{number}/checklist/{itemId}")
    String tick(@PathVariable String number, @PathVariable long itemId, @RequestParam boolean done,
                @AuthenticationPrincipal UserDetails principal, Locale locale, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        TicketChecklist checklist = checklists.tick(id, itemId, done, actor(principal), Languages.of(locale));
        if (htmx == null) {
            return "redirect:/desk/tickets/" + number + "/answers";
        }
        model.addAttribute("number", number);
        model.addAttribute("checklist", checklist);
        return CHECKLIST;
    }

    @ExceptionHandler({NoSuchTicket.class, AnswerNotFoundException.class})
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "answer.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    private void fill(Model model, String number, long id, Locale locale) {
        model.addAttribute("number", number);
        String customerLanguage = answers.customerLanguage(id);
        List<String> missing = answers.missingEvidence(id);
        // "Request missing evidence" only where something is missing: offered otherwise, it is refused on insert.
        List<ShortAnswer> suggested = answers.suggestionsFor(id).stream()
                .filter(answer -> !missing.isEmpty() || !REQUEST_MISSING_EVIDENCE.equals(answer.key())).toList();
        model.addAttribute("answers", suggested.stream()
                .filter(answer -> answer.language().equals(customerLanguage)).toList());
        model.addAttribute("otherAnswers", suggested.stream()
                .filter(answer -> !answer.language().equals(customerLanguage)).toList());
        model.addAttribute("customerLanguage", customerLanguage);
        model.addAttribute("missing", missing);
        model.addAttribute("checklist", checklists.forTicket(id, Languages.of(locale)));
        model.addAttribute("ticketVersion", tickets.detail(id).version());
    }

    private Actor actor(UserDetails principal) {
        StaffMember member = users.findByUsername(principal.getUsername()).orElseThrow();
        return Actor.of(member);
    }

    private long idOf(String number) {
        return tickets.idOf(number).orElseThrow(NoSuchTicket::new);
    }

    static final class NoSuchTicket extends RuntimeException {
    }
}
