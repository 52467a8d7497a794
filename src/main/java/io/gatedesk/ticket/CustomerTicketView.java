package io.gatedesk.ticket;

import java.time.Instant;
import java.util.List;

/** What the customer sees through the follow link: never internal notes, never staff-only fields. */
public record CustomerTicketView(String number, String subject, String description, TicketStatus status,
                                 Instant createdAt, Instant updatedAt, List<MessageView> publicMessages,
                                 boolean keysMasked) {

    public boolean acceptsReplies() {
        return status != TicketStatus.CLOSED;
    }
}
