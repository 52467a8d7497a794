package io.gatedesk.ticket.web;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.MergeRefusedException;
import io.gatedesk.ticket.TicketConflictException;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiError;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Merge and split through the JSON API: agents and admins only (see SecurityConfig), the same rules as the desk. */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketMergeApiController {

    private final TicketService tickets;
    private final UserService users;
    private final MessageSource messages;

    TicketMergeApiController(TicketService tickets, UserService users, MessageSource messages) {
        this.tickets = tickets;
        this.users = users;
        this.messages = messages;
    }

    /** Merges ticket {@code number} into {@code into}; {@code version} is the merged ticket's, as last read. */
    @PostMapping("/{number}/merge")
    ResponseEntity<?> merge(@PathVariable String number, @RequestBody MergeRequest request,
                            Authentication authentication, Locale locale) {
        long from = idOf(number);
        if (request.version() == null) {
            return invalid("version", "ticket.merge.versionRequired", locale);
        }
        var into = TicketNumber.parse(request.into());
        if (into.isEmpty()) {
            return invalid("into", "ticket.merge.intoInvalid", locale);
        }
        String target = tickets.merge(from, into.get(), request.version(), actor(authentication));
        return ResponseEntity.ok(new Merged(target, TicketNumber.format(from)));
    }

    /** Makes customer message {@code id} of ticket {@code number} a new ticket; the body and its version are optional. */
    @PostMapping("/{number}/messages/{id}/split")
    ResponseEntity<Split> split(@PathVariable String number, @PathVariable long id,
                                @RequestBody(required = false) SplitRequest request, Authentication authentication) {
        long from = idOf(number);
        String created = tickets.split(from, id, request == null ? null : request.version(), actor(authentication));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Split(created, TicketNumber.format(from)));
    }

    @ExceptionHandler(MergeRefusedException.class)
    ResponseEntity<ApiError> refused(MergeRefusedException refused, Locale locale) {
        return ResponseEntity.unprocessableContent().body(ApiError.of("MERGE_REFUSED_" + refused.reason().name(),
                messages.getMessage(refused.messageKey(), null, locale)));
    }

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<ApiError> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of("NOT_FOUND", messages.getMessage("ticket.notFound", null, locale)));
    }

    @ExceptionHandler(TicketConflictException.class)
    ResponseEntity<ApiError> conflict(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiError.of("CONFLICT", messages.getMessage("ticket.conflict", null, locale)));
    }

    private ResponseEntity<ApiError> invalid(String field, String key, Locale locale) {
        String message = messages.getMessage(key, null, locale);
        return ResponseEntity.unprocessableContent().body(ApiError.of("VALIDATION_FAILED",
                messages.getMessage("api.validationFailed", null, locale),
                List.of(new ApiError.FieldError(field, message))));
    }

    private long idOf(String number) {
        return TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private Actor actor(Authentication authentication) {
        return Actor.of(users.findByUsername(authentication.getName()).orElseThrow());
    }

    record MergeRequest(String into, Long version) {
    }

    record SplitRequest(Long version) {
    }

    record Merged(String number, String merged) {
    }

    record Split(String number, String splitFrom) {
    }
}
