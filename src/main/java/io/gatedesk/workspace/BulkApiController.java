package io.gatedesk.workspace;

import io.gatedesk.ticket.BulkTarget;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.Actor;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code POST /api/v1/tickets/bulk}: the queue's bulk actions for scripts and other tools. */
@RestController
class BulkApiController {

    /** A ticket by number, with the version the caller saw ({@code null}: only changes made meanwhile conflict). */
    record TicketRef(String number, Long version) {
    }

    /**
     * The request: {@code tickets} or {@code matching} (a queue filter as query string, e.g.
     * {@code status=active&tag=billing}), and any of the actions.
     */
    record Request(List<TicketRef> tickets, String matching, String assignee, TicketStatus status, Priority priority,
                   String category, List<String> addTags, List<String> removeTags, String answer) {
    }

    private final BulkActions bulk;
    private final UserService users;
    private final MessageSource messages;

    BulkApiController(BulkActions bulk, UserService users, MessageSource messages) {
        this.bulk = bulk;
        this.users = users;
        this.messages = messages;
    }

    @PostMapping("/api/v1/tickets/bulk")
    BulkResult apply(@RequestBody Request request, Authentication authentication) {
        List<BulkTarget> targets = new ArrayList<>();
        for (TicketRef ref : request.tickets() == null ? List.<TicketRef>of() : request.tickets()) {
            long id = TicketNumber.parse(ref.number()).orElseThrow(() -> new WorkspaceException("bulk.error.badNumber",
                    ref.number()));
            targets.add(new BulkTarget(id, ref.version()));
        }
        QueueFilter view = request.matching() == null || request.matching().isBlank() ? null
                : QueueFilter.parse(request.matching());
        return bulk.apply(new BulkCommand(targets, view, request.assignee(), request.status(), request.priority(),
                request.category(), request.addTags(), request.removeTags(), request.answer()),
                Actor.of(users.findByUsername(authentication.getName()).orElseThrow()));
    }

    @ExceptionHandler(WorkspaceException.class)
    ResponseEntity<ApiError> invalid(WorkspaceException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ApiError.of("INVALID_BULK_ACTION",
                messages.getMessage(e.messageKey(), e.arguments(), locale)));
    }
}
