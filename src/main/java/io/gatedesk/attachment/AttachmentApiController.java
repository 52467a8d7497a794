package io.gatedesk.attachment;

import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Attachments through the JSON API: {@code POST /api/v1/tickets/{number}/attachments} (multipart, part name
 * {@code files}) stores files as staff would on the ticket page; the ticket's JSON lists them.
 */
@RestController
@RequestMapping("/api/v1/tickets/{number}/attachments")
class AttachmentApiController {

    private final AttachmentService attachments;
    private final TicketService tickets;
    private final UserService users;
    private final MessageSource messages;

    AttachmentApiController(AttachmentService attachments, TicketService tickets, UserService users,
                            MessageSource messages) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.users = users;
        this.messages = messages;
    }

    /** An attachment in the API: no bytes, a link to fetch them. */
    record ApiAttachment(long id, String fileName, String mediaType, String kind, long size, int maskedSecrets,
                         String uploadedBy, boolean fromCustomer, boolean internal, Instant createdAt, String url) {

        static ApiAttachment of(AttachmentView view) {
            return new ApiAttachment(view.id(), view.fileName(), view.mediaType(), view.kind().name(), view.size(),
                    view.maskedCount(), view.uploadedBy(), view.fromCustomer(), view.internal(), view.createdAt(),
                    "/api/v1/tickets/" + TicketNumber.format(view.ticketId()) + "/attachments/" + view.id());
        }
    }

    record Uploaded(List<ApiAttachment> attachments, List<String> maskedSecrets) {
    }

    /**
     * Stores the files; {@code internal=true} keeps them from the customer. Answers 201 with the ticket's attachments,
     * 422 with the reason when a file is refused (nothing is stored then).
     */
    @PostMapping
    ResponseEntity<?> upload(@PathVariable String number,
                             @RequestParam(name = "files", required = false) List<MultipartFile> files,
                             @RequestParam(defaultValue = "false") boolean internal, Authentication authentication,
                             Locale locale) {
        long id = idOf(number);
        List<Upload> uploads = Upload.of(files);
        Optional<String> refusal = uploads.isEmpty() ? Optional.of(attachments.noFileMessage(locale))
                : attachments.refusal(uploads, locale);
        if (refusal.isPresent()) {
            return ResponseEntity.unprocessableContent().body(ApiError.of("ATTACHMENT_REFUSED", refusal.get()));
        }
        String uploader = users.findByUsername(authentication.getName()).orElseThrow().displayName();
        var masked = attachments.attach(id, null, uploads, uploader, false, internal);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Uploaded(
                attachments.forStaff(id).stream().map(ApiAttachment::of).toList(),
                masked.stream().map(finding -> finding.masked()).toList()));
    }

    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable long attachmentId) {
        return attachments.content(idOf(number), attachmentId, true)
                .map(file -> AttachmentResponses.file(file, true))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<ApiError> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of("NOT_FOUND", messages.getMessage("ticket.notFound", null, locale)));
    }

    private long idOf(String number) {
        return tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
