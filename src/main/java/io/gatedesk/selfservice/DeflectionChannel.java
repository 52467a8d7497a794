package io.gatedesk.selfservice;

/** Where a self-service check ran; only browser channels can be linked to a ticket filed afterwards. */
public enum DeflectionChannel {
    PAGE,
    TICKET_FORM,
    API;

    boolean linkable() {
        return this != API;
    }
}
