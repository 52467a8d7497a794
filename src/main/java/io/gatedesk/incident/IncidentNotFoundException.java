package io.gatedesk.incident;

public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long id) {
        super("No incident " + id);
    }
}
