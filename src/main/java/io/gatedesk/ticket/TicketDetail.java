package io.gatedesk.ticket;

import io.gatedesk.secret.MaskedKey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything staff see on one ticket. {@code mergedInto} is the number of the ticket this one was merged into,
 * {@code splitFrom} that of the ticket it was split off; {@code null} when there is none.
 */
public record TicketDetail(
        long id,
        String number,
        String subject,
        String description,
        String customerName,
        String customerEmail,
        ClientApp client,
        String clientVersion,
        String baseUrl,
        String model,
        String maskedKey,
        List<String> requestIds,
        Integer statusCode,
        String errorMessage,
        OffsetDateTime requestTime,
        String requestTimeZone,
        Boolean stream,
        CallerType callerType,
        TicketStatus status,
        Priority priority,
        Long assigneeId,
        String assigneeName,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        String locale,
        List<MaskedKey> maskedKeys,
        List<MessageView> messages,
        List<EventView> events,
        List<String> taskIds,
        String mergedInto,
        String splitFrom) {

    public boolean merged() {
        return mergedInto != null;
    }
}
