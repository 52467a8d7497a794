package io.gatedesk.incident;

import io.gatedesk.escalation.EscalationView;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The JSON API for staff tools, and the public status feed. */
@RestController
class IncidentApiController {

    /** An incident as the API lists it. */
    record Item(long id, String title, String status, String category, List<String> models, int ticketCount,
                Instant startedAt, boolean suggested) {

        static Item of(IncidentSummary s) {
            return new Item(s.id(), s.title(), s.status().name(), s.category(), s.models(), s.ticketCount(),
                    s.startedAt(), s.suggested());
        }
    }

    record Items(List<Item> items) {
    }

    record CreateRequest(String title, String category, String model, List<String> tickets) {
    }

    record TicketsRequest(List<String> tickets) {
    }

    record ReplyRequest(String answer, String body) {
    }

    record ResolveRequest(String reply, TicketStatus ticketStatus) {
    }

    /** A public incident on the status feed: no ticket numbers, no category codes beyond what the page shows. */
    record StatusItem(long id, String title, String status, List<String> models, Instant startedAt,
                      Instant resolvedAt) {
    }

    record StatusFeed(List<StatusItem> current, List<StatusItem> recent) {
    }

    record CaseRequest(String ticket) {
    }

    /** The engineering case an incident points at: its ticket and latest round; both {@code null} when none. */
    record CaseLink(String ticket, EscalationView latest) {
    }

    private final IncidentService incidents;
    private final IncidentEscalationLink cases;
    private final UserService users;
    private final MessageSource messages;

    IncidentApiController(IncidentService incidents, IncidentEscalationLink cases, UserService users,
                          MessageSource messages) {
        this.incidents = incidents;
        this.cases = cases;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/api/v1/incidents")
    Items list(@RequestParam(required = false) String status) {
        Set<IncidentStatus> wanted = EnumSet.noneOf(IncidentStatus.class);
        if (status != null && !status.isBlank()) {
            wanted.add(parseStatus(status));
        }
        return new Items(incidents.list(wanted).stream().map(Item::of).toList());
    }

    @PostMapping("/api/v1/incidents")
    ResponseEntity<Item> create(@RequestBody CreateRequest request, Authentication authentication) {
        long id = incidents.create(request.title(), request.category(), request.model(), request.tickets(),
                actor(authentication));
        return ResponseEntity.created(URI.create("/desk/incidents/" + id)).body(item(id));
    }

    @PostMapping("/api/v1/incidents/{id}/confirm")
    Item confirm(@PathVariable long id, Authentication authentication) {
        incidents.confirm(id, actor(authentication));
        return item(id);
    }

    @PostMapping("/api/v1/incidents/{id}/tickets")
    Item link(@PathVariable long id, @RequestBody TicketsRequest request, Authentication authentication) {
        incidents.link(id, request.tickets(), actor(authentication));
        return item(id);
    }

    @PostMapping("/api/v1/incidents/{id}/replies")
    BulkResult reply(@PathVariable long id, @RequestBody ReplyRequest request, Authentication authentication) {
        return incidents.reply(id, request.answer(), request.body(), actor(authentication));
    }

    @PostMapping("/api/v1/incidents/{id}/resolve")
    BulkResult resolve(@PathVariable long id, @RequestBody ResolveRequest request, Authentication authentication) {
        TicketStatus then = request.ticketStatus() == null ? TicketStatus.RESOLVED : request.ticketStatus();
        return incidents.resolve(id, request.reply(), then, actor(authentication));
    }

    @GetMapping("/api/v1/incidents/{id}/escalation")
    CaseLink engineeringCase(@PathVariable long id) {
        return caseLink(id);
    }

    @PutMapping("/api/v1/incidents/{id}/escalation")
    CaseLink linkCase(@PathVariable long id, @RequestBody CaseRequest request, Authentication authentication) {
        cases.link(id, request.ticket(), actor(authentication));
        return caseLink(id);
    }

    @DeleteMapping("/api/v1/incidents/{id}/escalation")
    ResponseEntity<Void> unlinkCase(@PathVariable long id, Authentication authentication) {
        cases.unlink(id, actor(authentication));
        return ResponseEntity.noContent().build();
    }

    private CaseLink caseLink(long id) {
        return cases.caseOf(id).map(c -> new CaseLink(c.ticket(), c.latest())).orElse(new CaseLink(null, null));
    }

    @GetMapping("/api/v1/status")
    StatusFeed status() {
        List<StatusItem> all = incidents.publicStatus().stream().map(s -> new StatusItem(s.id(), s.title(),
                s.status().name(), s.models(), s.startedAt(), s.resolvedAt())).toList();
        return new StatusFeed(all.stream().filter(i -> !i.status().equals("RESOLVED")).toList(),
                all.stream().filter(i -> i.status().equals("RESOLVED")).toList());
    }

    @ExceptionHandler(InvalidIncidentException.class)
    ResponseEntity<ApiError> invalid(InvalidIncidentException e, Locale locale) {
        return ResponseEntity.unprocessableContent().body(ApiError.of("VALIDATION_FAILED",
                messages.getMessage(e.messageKey(), null, locale)));
    }

    @ExceptionHandler(IncidentNotFoundException.class)
    ResponseEntity<ApiError> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of("NOT_FOUND", messages.getMessage("incident.error.notFound", null, locale)));
    }

    private static IncidentStatus parseStatus(String status) {
        return IncidentStatus.WORKFLOW.stream().filter(s -> s.name().equalsIgnoreCase(status.strip())).findFirst()
                .orElseThrow(() -> new InvalidIncidentException("incident.error.status"));
    }

    private Item item(long id) {
        return Item.of(incidents.detail(id).summary());
    }

    private Actor actor(Authentication authentication) {
        return Actor.of(users.findByUsername(authentication.getName()).orElseThrow());
    }
}
