package io.gatedesk.escalation;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The escalation JSON API: the same services and checks as the pages. */
@RestController
@RequestMapping("/api/v1")
class EscalationApiController {

    static final int MAX_ITEMS = 500;

    private final EscalationService escalations;
    private final EvidenceBundleService bundles;
    private final BundleMarkdown markdown;
    private final TicketService tickets;
    private final UserService users;
    private final MessageSource messages;

    EscalationApiController(EscalationService escalations, EvidenceBundleService bundles, BundleMarkdown markdown,
                            TicketService tickets, UserService users, MessageSource messages) {
        this.escalations = escalations;
        this.bundles = bundles;
        this.markdown = markdown;
        this.tickets = tickets;
        this.users = users;
        this.messages = messages;
    }

    record EscalateBody(String reason, String severity, String engineer) {
    }

    record FindingsBody(String rootCause, String summary, String actions, String suggestedReply, String outcome) {
    }

    record Items(List<EscalationView> items) {
    }

    @PostMapping("/tickets/{number}/escalation")
    ResponseEntity<EscalationView> escalate(@PathVariable String number, @RequestBody EscalateBody body,
                                            Authentication authentication) {
        EscalationView created = escalations.escalate(idOf(number),
                new EscalationRequest(body.reason(), body.severity(), body.engineer()), actor(authentication));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/escalations")
    Items list(@RequestParam(required = false) String status, @RequestParam(required = false) String severity,
               @RequestParam(required = false) String engineer, @RequestParam(required = false) String category,
               @RequestParam(required = false) String model, Authentication authentication) {
        EngineeringFilter filter = EngineeringFilter.of(status == null ? "all" : status, severity, category, model,
                engineer, "NEWEST", 0);
        return new Items(escalations.list(filter, actor(authentication).userId(), MAX_ITEMS));
    }

    @GetMapping("/tickets/{number}/bundle")
    EvidenceBundle bundle(@PathVariable String number, Locale locale) {
        return bundles.bundle(idOf(number), locale);
    }

    @GetMapping("/tickets/{number}/bundle.md")
    ResponseEntity<String> bundleMarkdown(@PathVariable String number, Locale locale) {
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .body(markdown.render(bundles.bundle(idOf(number), locale), locale));
    }

    @PostMapping("/tickets/{number}/findings")
    ResponseEntity<EscalationView> findings(@PathVariable String number, @RequestBody FindingsBody body,
                                            Authentication authentication) {
        EscalationView recorded = escalations.recordFindings(idOf(number), new FindingsRequest(body.rootCause(),
                body.summary(), body.actions(), body.suggestedReply(), body.outcome()), actor(authentication));
        return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
    }

    @ExceptionHandler(InvalidEscalationException.class)
    ResponseEntity<ApiError> invalid(InvalidEscalationException invalid, Locale locale) {
        return ResponseEntity.unprocessableContent().body(ApiError.of("VALIDATION_FAILED",
                messages.getMessage("escalation.invalid", null, locale), invalid.errors().entrySet().stream()
                        .map(error -> new ApiError.FieldError(error.getKey(), error.getValue())).toList()));
    }

    @ExceptionHandler(EscalationConflictException.class)
    ResponseEntity<ApiError> conflict(EscalationConflictException conflict, Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(
                "escalation.already".equals(conflict.messageKey()) ? "ALREADY_ESCALATED" : "NOT_ESCALATED",
                messages.getMessage(conflict.messageKey(), null, locale)));
    }

    @ExceptionHandler({TicketNotFoundException.class, EvidenceBundleService.NoBundleException.class})
    ResponseEntity<ApiError> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of("NOT_FOUND", messages.getMessage("escalation.notFound", null, locale)));
    }

    private long idOf(String number) {
        return tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private Actor actor(Authentication authentication) {
        return Actor.of(users.findByUsername(authentication.getName()).orElseThrow());
    }
}
