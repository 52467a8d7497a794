package io.gatedesk.attachment;

import io.gatedesk.ticket.CustomerTicketView;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.web.PublicRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer's attachments on their follow page: whoever holds the ticket's follow token sees the files they
 * attached and those sent with public replies, and may attach more while the ticket takes replies. A wrong token
 * answers 404, like a missing ticket.
 */
@Controller
class CustomerAttachmentController {

    private final AttachmentService attachments;
    private final TicketService tickets;
    private final PublicRateLimiter rateLimiter;
    private final MessageSource messages;

    CustomerAttachmentController(AttachmentService attachments, TicketService tickets, PublicRateLimiter rateLimiter,
                                 MessageSource messages) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.rateLimiter = rateLimiter;
        this.messages = messages;
    }

    @GetMapping("/t/{token}/attachments")
    String panel(@PathVariable String token, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        CustomerTicketView ticket = ticketOf(token);
        if (htmx == null) {
            return "redirect:/t/" + token;
        }
        fill(model, token, ticket);
        return DeskAttachmentController.PANEL_FRAGMENT;
    }

    @PostMapping("/t/{token}/attachments")
    String upload(@PathVariable String token, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        CustomerTicketView ticket = ticketOf(token);
        List<Upload> uploads = Upload.of(files);
        Optional<String> refusal;
        if (!rateLimiter.tryAcquire(request)) {
            refusal = Optional.of(messages.getMessage("error.rateLimited", null, locale));
        } else if (!ticket.acceptsReplies()) {
            refusal = Optional.of(messages.getMessage("ticket.closed.noReplies", null, locale));
        } else {
            refusal = uploads.isEmpty() ? Optional.of(attachments.noFileMessage(locale))
                    : attachments.refusal(uploads, locale);
        }
        if (refusal.isPresent()) {
            response.setStatus(htmx == null ? 422 : 200);
            model.addAttribute("uploadError", refusal.get());
            model.addAttribute("backHref", "/t/" + token);
            if (htmx == null) {
                return DeskAttachmentController.REFUSED_VIEW;
            }
        } else {
            model.addAttribute("maskedSecrets", attachments.attach(idOf(ticket), null, uploads,
                    messages.getMessage("attachment.customer", null, locale), true, false));
            model.addAttribute("uploaded", uploads.size());
            if (htmx == null) {
                return "redirect:/t/" + token;
            }
        }
        fill(model, token, ticket);
        return DeskAttachmentController.PANEL_FRAGMENT;
    }

    @GetMapping("/t/{token}/attachments/{attachmentId}")
    ResponseEntity<byte[]> file(@PathVariable String token, @PathVariable long attachmentId,
                                @RequestParam(defaultValue = "false") boolean download) {
        return attachments.content(idOf(ticketOf(token)), attachmentId, false)
                .map(file -> AttachmentResponses.file(file, download))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/t/{token}/attachments/{attachmentId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable String token, @PathVariable long attachmentId) {
        return attachments.thumbnail(idOf(ticketOf(token)), attachmentId, false).map(AttachmentResponses::thumbnail)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(TicketNotFoundException.class)
    String missing(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "ticket/follow-missing";
    }

    private void fill(Model model, String token, CustomerTicketView ticket) {
        model.addAttribute("attachments", attachments.forCustomer(idOf(ticket)));
        model.addAttribute("panelUrl", "/t/" + token + "/attachments");
        model.addAttribute("fileBase", "/t/" + token + "/attachments/");
        model.addAttribute("staffView", false);
        model.addAttribute("canUpload", ticket.acceptsReplies());
        model.addAttribute("maxFiles", attachments.maxFiles());
        model.addAttribute("maxMegabytes", attachments.maxFileSize().toMegabytes());
    }

    private CustomerTicketView ticketOf(String token) {
        return tickets.forCustomer(token).orElseThrow(() -> new TicketNotFoundException(token));
    }

    private static long idOf(CustomerTicketView ticket) {
        return TicketNumber.parse(ticket.number()).orElseThrow();
    }
}
