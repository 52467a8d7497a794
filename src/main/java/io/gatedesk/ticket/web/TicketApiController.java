package io.gatedesk.ticket.web;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.InvalidMessageException;
import io.gatedesk.ticket.InvalidTicketException;
import io.gatedesk.ticket.MergeRefusedException;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.QueueSort;
import io.gatedesk.ticket.SubmissionInFlightException;
import io.gatedesk.ticket.SubmissionKey;
import io.gatedesk.ticket.SubmissionKeyReusedException;
import io.gatedesk.ticket.TicketConflictException;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketEvidenceContributor;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiError;
import io.gatedesk.web.SiteLinks;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ticket JSON API: the same service and the same checks as the pages. */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final TicketService tickets;
    private final UserService users;
    private final MessageSource messages;
    private final SiteLinks links;
    private final List<TicketEvidenceContributor> contributors;
    private final JsonMapper json;

    TicketApiController(TicketService tickets, UserService users, MessageSource messages, SiteLinks links,
                        List<TicketEvidenceContributor> contributors, JsonMapper json) {
        this.tickets = tickets;
        this.users = users;
        this.messages = messages;
        this.links = links;
        this.contributors = List.copyOf(contributors);
        this.json = json;
    }

    /**
     * Files a ticket; with an {@code Idempotency-Key} header at most once per key: a retry with the same key and body
     * gets the first answer again (same number, same follow link), the same key with another body a 409.
     */
    @PostMapping
    ResponseEntity<Created> create(@RequestBody CreateTicketRequest request,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                   Locale locale) {
        SubmissionKey key = null;
        if (idempotencyKey != null) {
            key = SubmissionKey.parse(idempotencyKey).orElseThrow(InvalidSubmissionKeyException::new);
        }
        TicketReceipt receipt = tickets.submitOnce(key, request.toNewTicket(), locale, Map.of(), List.of());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}")
                .buildAndExpand(receipt.number()).toUri();
        return ResponseEntity.created(location).body(new Created(receipt.number(),
                links.followUrl(receipt.followToken()),
                receipt.maskedSecrets().stream().map(finding -> new MaskedSecret(finding.kind().name(),
                        finding.masked(), finding.fingerprint())).toList()));
    }

    /** The ticket as {@link TicketDetail}, plus what other features derive from its evidence. */
    @GetMapping("/{number}")
    Map<String, Object> get(@PathVariable String number) {
        long id = idOf(number);
        Map<String, Object> body = json.convertValue(tickets.detail(id), new TypeReference<LinkedHashMap<String, Object>>() {
        });
        body.put("tags", tickets.tagsOf(List.of(id)).getOrDefault(id, List.of()));
        if (!contributors.isEmpty()) {
            TicketEvidence evidence = tickets.evidence(id);
            contributors.forEach(contributor -> body.putAll(contributor.contribute(evidence)));
        }
        return body;
    }

    @GetMapping
    PageOf list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) Priority priority, @RequestParam(required = false) String assignee,
                @RequestParam(required = false) String category, @RequestParam(required = false) String sla,
                @RequestParam(required = false) String tag, @RequestParam(required = false) Integer idle,
                @RequestParam(required = false) String filedFrom,
                @RequestParam(required = false) String filedTo, @RequestParam(required = false) String client,
                @RequestParam(required = false) String callerType,
                @RequestParam(defaultValue = "0") int page, Authentication authentication) {
        Long me = users.findByUsername(authentication.getName()).map(StaffMember::id).orElse(null);
        Page<QueueRow> result = tickets.queue(new QueueFilter(status == null ? "all" : status, priority, assignee, q,
                QueueSort.UPDATED_DESC, page, category, sla, tag, idle, filedFrom, filedTo, client, callerType), me);
        return new PageOf(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements(),
                result.getTotalPages());
    }

    @PostMapping("/{number}/messages")
    ResponseEntity<MessageView> addMessage(@PathVariable String number, @RequestBody NewMessageRequest request,
                                           Authentication authentication) {
        StaffMember member = users.findByUsername(authentication.getName()).orElseThrow();
        Visibility visibility = request.visibility() == null ? Visibility.PUBLIC : request.visibility();
        MessageView message = tickets.addStaffMessage(idOf(number), request.body(), visibility, request.version(),
                Actor.of(member));
        return ResponseEntity.status(HttpStatus.CREATED).body(message);
    }

    /**
     * Merges ticket {@code number} into {@code into}; {@code version} is the merged ticket's, as last read. Agents and
     * admins only (SecurityConfig), the same rules as the desk.
     */
    @PostMapping("/{number}/merge")
    ResponseEntity<?> merge(@PathVariable String number, @RequestBody MergeRequest request,
                            Authentication authentication, Locale locale) {
        long from = idOf(number);
        if (request.version() == null) {
            return invalidField("version", "ticket.merge.versionRequired", locale);
        }
        var into = TicketNumber.parse(request.into());
        if (into.isEmpty()) {
            return invalidField("into", "ticket.merge.intoInvalid", locale);
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

    private ResponseEntity<ApiError> invalidField(String field, String key, Locale locale) {
        return ResponseEntity.unprocessableContent().body(ApiError.of("VALIDATION_FAILED",
                messages.getMessage("api.validationFailed", null, locale),
                List.of(new ApiError.FieldError(field, messages.getMessage(key, null, locale)))));
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

    @ExceptionHandler(InvalidTicketException.class)
    ResponseEntity<ApiError> invalid(InvalidTicketException invalid, Locale locale) {
        return ResponseEntity.unprocessableContent().body(ApiError.of("VALIDATION_FAILED",
                messages.getMessage("api.validationFailed", null, locale),
                invalid.fieldErrors().entrySet().stream()
                        .map(error -> new ApiError.FieldError(apiFieldName(error.getKey()), error.getValue()))
                        .toList()));
    }

    @ExceptionHandler(InvalidMessageException.class)
    ResponseEntity<ApiError> invalidMessage(InvalidMessageException invalid) {
        return ResponseEntity.unprocessableContent().body(ApiError.of("VALIDATION_FAILED", invalid.getMessage(),
                List.of(new ApiError.FieldError("body", invalid.getMessage()))));
    }

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<ApiError> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of("NOT_FOUND", messages.getMessage("ticket.notFound", null, locale)));
    }

    @ExceptionHandler(InvalidSubmissionKeyException.class)
    ResponseEntity<ApiError> badKey(Locale locale) {
        return ResponseEntity.badRequest().body(ApiError.of("BAD_IDEMPOTENCY_KEY",
                messages.getMessage("api.idempotencyKey.invalid", null, locale)));
    }

    @ExceptionHandler(SubmissionKeyReusedException.class)
    ResponseEntity<ApiError> keyReused(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("IDEMPOTENCY_KEY_REUSED",
                messages.getMessage("ticket.idempotency.reused", null, locale)));
    }

    @ExceptionHandler(SubmissionInFlightException.class)
    ResponseEntity<ApiError> keyInFlight(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "1").body(ApiError.of(
                "IDEMPOTENCY_KEY_IN_FLIGHT", messages.getMessage("ticket.idempotency.inFlight", null, locale)));
    }

    @ExceptionHandler(TicketConflictException.class)
    ResponseEntity<ApiError> conflict(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiError.of("CONFLICT", messages.getMessage("ticket.conflict", null, locale)));
    }

    /** The API names the customer's fields as the issue tracker's users know them. */
    private static String apiFieldName(String field) {
        return switch (field) {
            case "customerName" -> "name";
            case "customerEmail" -> "email";
            default -> field;
        };
    }

    private long idOf(String number) {
        return TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    record CreateTicketRequest(String subject, String description, String name, String email, ClientApp client,
                               String clientVersion, String baseUrl, String model, String maskedKey,
                               List<String> requestIds, Integer statusCode, String errorMessage,
                               OffsetDateTime requestTime, String requestTimeZone, Boolean stream,
                               CallerType callerType, List<String> taskIds, String taskId) {

        NewTicket toNewTicket() {
            LocalDateTime local = null;
            String zone = requestTimeZone;
            if (requestTime != null) {
                local = requestTime.toLocalDateTime();
                if (zone == null || zone.isBlank()) {
                    zone = requestTime.getOffset().getId().equals("Z") ? "UTC" : requestTime.getOffset().getId();
                } else {
                    try {
                        local = requestTime.atZoneSameInstant(ZoneId.of(zone)).toLocalDateTime();
                    } catch (DateTimeException unknownZone) {
                        // Left as given: the service reports the unknown zone under requestTimeZone.
                    }
                }
            }
            return new NewTicket(subject, description, name, email, client, clientVersion, baseUrl, model, maskedKey,
                    requestIds, statusCode, errorMessage, local, zone, stream, callerType, allTaskIds());
        }

        /** {@code taskId} (one) and {@code taskIds} (several) may both be given: one list, as typed. */
        private List<String> allTaskIds() {
            if (taskId == null || taskId.isBlank()) {
                return taskIds;
            }
            List<String> all = new java.util.ArrayList<>();
            all.add(taskId);
            if (taskIds != null) {
                all.addAll(taskIds);
            }
            return all;
        }
    }

    record Created(String number, String followUrl, List<MaskedSecret> maskedSecrets) {
    }

    record MaskedSecret(String kind, String masked, String fingerprint) {
    }

    /** An Idempotency-Key header that is not 16–128 letters, digits, '-' or '_'. */
    static class InvalidSubmissionKeyException extends RuntimeException {
        InvalidSubmissionKeyException() {
            super("Idempotency-Key must be 16-128 letters, digits, '-' or '_'");
        }
    }

    record NewMessageRequest(String body, Visibility visibility, Long version) {
    }

    record PageOf(List<QueueRow> items, int page, int size, long totalElements, int totalPages) {
    }
}
