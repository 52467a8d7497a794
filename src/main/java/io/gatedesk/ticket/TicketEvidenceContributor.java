package io.gatedesk.ticket;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lets another feature add what it derives from a ticket's evidence to the ticket's JSON
 * ({@code GET /api/v1/tickets/{number}}) without the ticket feature knowing that feature. The gateway-log feature,
 * for one, answers with the ticket's effective request IDs.
 */
public interface TicketEvidenceContributor {

    /**
     * Properties to put into the ticket's JSON. A name the ticket already has is replaced: a contributor may refine a
     * field (the effective {@code requestIds} replace the ones the customer typed).
     */
    Map<String, Object> contribute(TicketEvidence evidence);

    /**
     * The same facts for a person reading the ticket's evidence elsewhere (the evidence bundle), in {@code locale};
     * none by default.
     */
    default List<EvidenceSection> sections(TicketEvidence evidence, Locale locale) {
        return List.of();
    }
}
