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
    PRIORITY_SUGGESTED,
    REQUEST_ID_ADDED,
    REQUEST_ID_REMOVED,
    LOG_PINNED,
    LOG_UNPINNED,
    CHECKLIST_UPDATED
}
