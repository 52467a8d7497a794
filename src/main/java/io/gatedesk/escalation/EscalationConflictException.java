package io.gatedesk.escalation;

/** The ticket's escalation is not where the request assumed: already escalated, or no open escalation to answer. */
public class EscalationConflictException extends RuntimeException {

    private final transient String messageKey;

    EscalationConflictException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
