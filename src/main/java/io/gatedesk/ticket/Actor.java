package io.gatedesk.ticket;

/** The staff member making a change, as the audit trail names them. */
public record Actor(Long userId, String name) {
}
