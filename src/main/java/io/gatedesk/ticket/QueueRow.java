package io.gatedesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * One line of the agent queue. {@code category} is the triage category code, {@code null} until classified;
 * {@code checklist} is the category checklist's progress as "done/total", {@code null} until an agent opened it;
 * {@code customerRepliedAt} is set while a customer's answer waits for a staff reply; {@code version} is the one a bulk
 * action expects; {@code tags} in name order.
 */
public record QueueRow(long id, String number, String subject, String customerName, TicketStatus status,
                       Priority priority, String assigneeName, ClientApp client, String model, Integer statusCode,
                       Instant createdAt, Instant updatedAt, String category, SlaStatus sla,
                       String checklist, Instant customerRepliedAt, long version, List<String> tags) {
}
