package io.gatedesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * What the customer sees through the follow link: never internal notes, never staff-only fields. {@code mergedFrom}
 * is the number of the ticket whose old link led here after it was merged into this one, or {@code null}.
 */
public record CustomerTicketView(String number, String subject, String description, TicketStatus status,
                                 Instant createdAt, Instant updatedAt, List<MessageView> publicMessages,
                                 boolean keysMasked, String mergedFrom) {

    public CustomerTicketView(String number, String subject, String description, TicketStatus status,
                              Instant createdAt, Instant updatedAt, List<MessageView> publicMessages,
                              boolean keysMasked) {
        this(number, subject, description, status, createdAt, updatedAt, publicMessages, keysMasked, null);
    }

    public boolean acceptsReplies() {
        return status != TicketStatus.CLOSED;
    }
}
