package io.gatedesk.ticket;

import java.time.Instant;

public record MessageView(Long id, boolean fromCustomer, String authorName, Visibility visibility, String body,
                          Instant createdAt) {

    public boolean internal() {
        return visibility == Visibility.INTERNAL;
    }
}
