package io.gatedesk.ticket;

/** What an audit-trail line records. */
public enum TicketAction {
    CREATED,
    STATUS_CHANGED,
    PRIORITY_CHANGED,
    ASSIGNED,
    PUBLIC_REPLY,
    INTERNAL_NOTE,
    CUSTOMER_REPLY,
    REOPENED,
    SECRET_MASKED,
    CATEGORY_OVERRIDDEN,
    PRIORITY_SUGGESTED
}
