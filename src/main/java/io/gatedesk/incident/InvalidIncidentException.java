package io.gatedesk.incident;

/** A request the incident cannot take; {@code messageKey} names the reason in the incident bundle. */
public class InvalidIncidentException extends RuntimeException {

    private final String messageKey;

    public InvalidIncidentException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
