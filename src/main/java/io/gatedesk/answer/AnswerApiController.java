package io.gatedesk.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Short answers for staff integrations: list them, and fill one in for a ticket through the same renderer. */
@RestController
class AnswerApiController {

    private final AnswerService answers;
    private final TicketService tickets;
    private final UserService users;
    private final MessageSource messages;

    AnswerApiController(AnswerService answers, TicketService tickets, UserService users, MessageSource messages) {
        this.answers = answers;
        this.tickets = tickets;
        this.users = users;
        this.messages = messages;
    }

    record AnswerJson(String key, String language, String title, String category, String body) {
    }

    record RenderRequest(String ticket, String lang) {
    }

    record RenderJson(String key, String language, String ticket, String text) {
    }

    /** The API's error shape, plus the placeholders that could not be filled. */
    record UnresolvedError(Body error) {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Body(String code, String message, List<String> placeholders) {
        }
    }

    @GetMapping("/api/v1/answers")
    List<AnswerJson> list(@RequestParam(required = false) String category,
                          @RequestParam(required = false) String lang) {
        return answers.list(category, lang).stream()
                .map(a -> new AnswerJson(a.key(), a.language(), a.title(), a.category(), a.body()))
                .toList();
    }

    @PostMapping("/api/v1/answers/{key}/render")
    ResponseEntity<?> render(@PathVariable String key, @RequestBody(required = false) RenderRequest request,
                             @AuthenticationPrincipal UserDetails principal, Locale locale) {
        Optional<Long> ticketId = request == null || request.ticket() == null ? Optional.empty()
                : tickets.idOf(request.ticket().strip());
        if (ticketId.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "TICKET_NOT_FOUND", "ticket.notFound", locale);
        }
        String language = request.lang() == null || request.lang().isBlank()
                ? answers.customerLanguage(ticketId.get()) : Languages.of(request.lang());
        Optional<ShortAnswer> answer = answers.find(key, language).filter(a -> !a.retired());
        if (answer.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "ANSWER_NOT_FOUND", "answer.notFound", locale);
        }
        String agent = users.findByUsername(principal.getUsername()).map(m -> m.displayName())
                .orElse(principal.getUsername());
        Rendering rendering = answers.render(answer.get(), ticketId.get(), agent);
        if (!rendering.complete()) {
            return ResponseEntity.unprocessableContent().body(new UnresolvedError(new UnresolvedError.Body(
                    "PLACEHOLDER_UNRESOLVED", answers.unresolvedMessage(rendering, locale), rendering.unresolved())));
        }
        return ResponseEntity.ok(new RenderJson(answer.get().key(), answer.get().language(),
                request.ticket().strip(), rendering.text()));
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String code, String key, Locale locale) {
        return ResponseEntity.status(status).body(ApiError.of(code, messages.getMessage(key, null, locale)));
    }
}
