package io.gatedesk.ticket;

/** Public replies reach the customer; internal notes never leave the desk. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
