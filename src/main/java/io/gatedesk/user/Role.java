package io.gatedesk.user;

/** What a staff member may do. Customers have no account and no role. */
public enum Role {
    AGENT,
    ENGINEER,
    ADMIN
}
