package io.gatedesk.ticket;

import java.time.Instant;

/** One message on a ticket; {@code movedFrom} is the number of the merged ticket it was moved from, or {@code null}. */
public record MessageView(Long id, boolean fromCustomer, String authorName, Visibility visibility, String body,
                          Instant createdAt, String movedFrom) {

    public MessageView(Long id, boolean fromCustomer, String authorName, Visibility visibility, String body,
                       Instant createdAt) {
        this(id, fromCustomer, authorName, visibility, body, createdAt, null);
    }

    public boolean internal() {
        return visibility == Visibility.INTERNAL;
    }
}
