package io.gatedesk.attachment;

import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketEvidenceContributor;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Lists a ticket's attachments in its JSON ({@code GET /api/v1/tickets/{number}} gains {@code attachments}). */
@Component
class AttachmentsContributor implements TicketEvidenceContributor {

    private final AttachmentService attachments;

    AttachmentsContributor(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public Map<String, Object> contribute(TicketEvidence evidence) {
        return Map.of("attachments",
                attachments.forStaff(evidence.id()).stream().map(AttachmentApiController.ApiAttachment::of).toList());
    }
}
