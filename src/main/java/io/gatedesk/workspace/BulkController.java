package io.gatedesk.workspace;

import io.gatedesk.answer.AnswerService;
import io.gatedesk.answer.ShortAnswer;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.triage.ErrorCategory;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import java.util.List;
import java.util.Locale;

/** The queue's bulk bar: loaded into the queue page, and the action it posts, answered with a summary in place. */
@Controller
class BulkController {

    static final String BAR = "workspace/bulk :: bar";
    static final String RESULT = "workspace/bulk :: result";
    static final String RESULT_PAGE = "workspace/bulk-result";

    private final BulkActions bulk;
    private final AnswerService answers;
    private final UserService users;
    private final MessageSource messages;

    BulkController(BulkActions bulk, AnswerService answers, UserService users, MessageSource messages) {
        this.bulk = bulk;
        this.answers = answers;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/desk/bulk/bar")
    String bar(Model model, Locale locale) {
        String language = locale.getLanguage().equals("zh") ? "zh-CN" : "en";
        List<ShortAnswer> inLanguage = answers.list(null, language);
        model.addAttribute("staff", users.activeStaff());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", ErrorCategory.values());
        model.addAttribute("answers", inLanguage.isEmpty() ? answers.list(null, "en") : inLanguage);
        model.addAttribute("maxTickets", BulkActions.MAX_TICKETS);
        return BAR;
    }

    @PostMapping("/desk/bulk")
    String apply(BulkForm form, @AuthenticationPrincipal UserDetails principal, Model model, Locale locale,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        try {
            BulkResult result = bulk.apply(form.toCommand(), actor(principal));
            model.addAttribute("result", result);
            if (htmx != null) {
                // The queue listens for this and reloads its rows; the summary stays where the agent is looking.
                response.setHeader("HX-Trigger", "bulkDone");
            }
        } catch (WorkspaceException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
            response.setStatus(htmx == null ? 422 : 200);
        }
        return htmx == null ? RESULT_PAGE : RESULT;
    }

    private Actor actor(UserDetails principal) {
        return Actor.of(users.findByUsername(principal.getUsername()).orElseThrow());
    }
}
