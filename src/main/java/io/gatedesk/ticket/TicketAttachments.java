package io.gatedesk.ticket;

import io.gatedesk.secret.SecretFinding;
import org.springframework.web.multipart.MultipartFile;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the ticket needs from the attachment feature, which builds on tickets and so cannot be called by name: files
 * that arrive with a ticket form or a reply, and the text those files add to the ticket's evidence.
 */
public interface TicketAttachments {

    /** How many files one form, reply or mail may carry. */
    int maxFiles();

    /** Why these files cannot be attached (too many, too large, empty, a refused type), in the user's language. */
    Optional<String> refusal(List<MultipartFile> files, Locale locale);

    /**
     * Stores the files on the ticket, every text passed through the secret guard first; answers what was masked.
     *
     * @param messageId the reply or note they came with, or {@code null}
     * @param internal  whether only staff may see them (files on an internal note)
     */
    List<SecretFinding> attach(long ticketId, Long messageId, List<MultipartFile> files, String uploader,
                               boolean fromCustomer, boolean internal);

    /** Per ticket, the lines of its attached texts that carry evidence (request IDs), already masked. */
    Map<Long, List<String>> evidenceTexts(Collection<Long> ticketIds);
}
