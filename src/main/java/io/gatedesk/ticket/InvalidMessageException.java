package io.gatedesk.ticket;

/** A reply or note that cannot be stored; the message is in the user's language. */
public class InvalidMessageException extends RuntimeException {

    private final transient String maskedBody;

    public InvalidMessageException(String message, String maskedBody) {
        super(message);
        this.maskedBody = maskedBody;
    }

    public String maskedBody() {
        return maskedBody;
    }
}
