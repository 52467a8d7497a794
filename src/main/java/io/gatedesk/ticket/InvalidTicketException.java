package io.gatedesk.ticket;

import io.gatedesk.secret.SecretFinding;

import java.util.List;
import java.util.Map;

/**
 * The submission broke a rule. Carries the submission as it is after masking, so the form can be shown again with
 * everything the customer typed except the secrets.
 */
public class InvalidTicketException extends RuntimeException {

    private final transient NewTicket submitted;
    private final Map<String, String> fieldErrors;
    private final transient List<SecretFinding> maskedSecrets;

    public InvalidTicketException(NewTicket submitted, Map<String, String> fieldErrors, List<SecretFinding> maskedSecrets) {
        super("Invalid ticket: " + fieldErrors.keySet());
        this.submitted = submitted;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.maskedSecrets = List.copyOf(maskedSecrets);
    }

    public NewTicket submitted() {
        return submitted;
    }

    /** Field name (as in {@link NewTicket}) to a message already in the user's language. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public List<SecretFinding> maskedSecrets() {
        return maskedSecrets;
    }
}
