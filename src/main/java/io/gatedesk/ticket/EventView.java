package io.gatedesk.ticket;

import java.time.Instant;

public record EventView(String actorName, TicketAction action, String detail, Instant createdAt) {
}
