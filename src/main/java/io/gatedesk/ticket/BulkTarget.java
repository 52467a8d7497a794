package io.gatedesk.ticket;

/**
 * A ticket a bulk action is meant for, with the version the agent saw when they picked it ({@code null}: "select all
 * matching", where only changes made while the action runs count as conflicts).
 */
public record BulkTarget(long ticketId, Long expectedVersion) {
}
