package io.gatedesk.ticket;

/** Someone else saved the ticket since this agent loaded it. */
public class TicketConflictException extends RuntimeException {

    private final long number;

    public TicketConflictException(long number) {
        super("Ticket GD-" + number + " was changed by someone else");
        this.number = number;
    }

    public long number() {
        return number;
    }
}
