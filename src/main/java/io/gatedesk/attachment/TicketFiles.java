package io.gatedesk.attachment;

import io.gatedesk.secret.SecretFinding;
import io.gatedesk.ticket.TicketAttachments;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Lets the ticket's own forms (the public form, the reply form) carry files, and their texts count as evidence. */
@Component
class TicketFiles implements TicketAttachments {

    private final AttachmentService attachments;

    TicketFiles(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public int maxFiles() {
        return attachments.maxFiles();
    }

    @Override
    public Optional<String> refusal(List<MultipartFile> files, Locale locale) {
        return attachments.refusal(Upload.of(files), locale);
    }

    @Override
    public List<SecretFinding> attach(long ticketId, Long messageId, List<MultipartFile> files, String uploader,
                                      boolean fromCustomer, boolean internal) {
        return attachments.attach(ticketId, messageId, Upload.of(files), uploader, fromCustomer, internal);
    }

    @Override
    public Map<Long, List<String>> evidenceTexts(Collection<Long> ticketIds) {
        return attachments.evidenceTexts(ticketIds);
    }
}
