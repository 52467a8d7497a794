package io.gatedesk.ticket.store;

public enum AuthorType {
    CUSTOMER,
    STAFF,
    SYSTEM
}
