package io.gatedesk.ticket;

enum AuthorType {
    CUSTOMER,
    STAFF,
    SYSTEM
}
