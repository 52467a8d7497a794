package io.gatedesk.attachment;

import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The attachments panel on the staff ticket page (htmx): the list, a standalone upload (staff only, like an internal
 * note), and the files themselves.
 */
@Controller
class DeskAttachmentController {

    static final String PANEL_FRAGMENT = "attachment/panel :: content";
    static final String REFUSED_VIEW = "attachment/refused";

    private final AttachmentService attachments;
    private final TicketService tickets;
    private final UserService users;

    DeskAttachmentController(AttachmentService attachments, TicketService tickets, UserService users) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.users = users;
    }

    @GetMapping("/desk/tickets/{number}/attachments")
    String panel(@PathVariable String number, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        if (htmx == null) {
            return "redirect:/desk/tickets/" + TicketNumber.format(id);
        }
        fill(model, id);
        return PANEL_FRAGMENT;
    }

    @PostMapping("/desk/tickets/{number}/attachments")
    String upload(@PathVariable String number, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @AuthenticationPrincipal UserDetails principal, Model model, Locale locale,
                  HttpServletResponse response, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = idOf(number);
        List<Upload> uploads = Upload.of(files);
        Optional<String> refusal = uploads.isEmpty()
                ? Optional.of(attachments.noFileMessage(locale)) : attachments.refusal(uploads, locale);
        if (refusal.isPresent()) {
            response.setStatus(htmx == null ? 422 : 200);
            model.addAttribute("uploadError", refusal.get());
            model.addAttribute("backHref", "/desk/tickets/" + TicketNumber.format(id));
            if (htmx == null) {
                return REFUSED_VIEW;
            }
        } else {
            String uploader = users.findByUsername(principal.getUsername()).orElseThrow().displayName();
            model.addAttribute("maskedSecrets", attachments.attach(id, null, uploads, uploader, false, true));
            model.addAttribute("uploaded", uploads.size());
            if (htmx == null) {
                return "redirect:/desk/tickets/" + TicketNumber.format(id);
            }
        }
        fill(model, id);
        return PANEL_FRAGMENT;
    }

    @GetMapping("/desk/tickets/{number}/attachments/{attachmentId}")
    ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable long attachmentId,
                                @RequestParam(defaultValue = "false") boolean download) {
        return attachments.content(idOf(number), attachmentId, true)
                .map(file -> AttachmentResponses.file(file, download))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/desk/tickets/{number}/attachments/{attachmentId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable String number, @PathVariable long attachmentId) {
        return attachments.thumbnail(idOf(number), attachmentId, true).map(AttachmentResponses::thumbnail)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private void fill(Model model, long ticketId) {
        String number = TicketNumber.format(ticketId);
        model.addAttribute("attachments", attachments.forStaff(ticketId));
        model.addAttribute("panelUrl", "/desk/tickets/" + number + "/attachments");
        model.addAttribute("fileBase", "/desk/tickets/" + number + "/attachments/");
        model.addAttribute("staffView", true);
        model.addAttribute("maxFiles", attachments.maxFiles());
        model.addAttribute("maxMegabytes", attachments.maxFileSize().toMegabytes());
    }

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<Void> notFound() {
        return ResponseEntity.notFound().build();
    }

    private long idOf(String number) {
        return tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
