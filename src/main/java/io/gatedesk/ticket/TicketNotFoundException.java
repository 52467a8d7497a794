package io.gatedesk.ticket;

public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String reference) {
        super("No ticket " + reference);
    }
}
