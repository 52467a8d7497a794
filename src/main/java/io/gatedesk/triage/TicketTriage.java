package io.gatedesk.triage;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's category as agents see it. {@code category} is what the ticket counts as; when {@code overridden}, that
 * is the agent's choice and {@code inferredCategory}, {@code confidence} and {@code reasons} are what the classifier
 * says now.
 */
public record TicketTriage(long ticketId, ErrorCategory category, ErrorCategory inferredCategory, double confidence,
                           List<Reason> reasons, Instant inferredAt, boolean overridden, String overriddenBy,
                           Instant overriddenAt) {

    public int confidencePercent() {
        return (int) Math.round(confidence * 100);
    }
}
