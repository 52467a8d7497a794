package io.gatedesk.escalation;

import java.util.Map;

/**
 * An escalation or findings that cannot be stored: the problems per field, in the user's language, and the input as
 * it is to be shown again (already through the secret guard).
 */
public class InvalidEscalationException extends RuntimeException {

    private final transient Map<String, String> errors;
    private final transient Object kept;

    InvalidEscalationException(Map<String, String> errors, Object kept) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
        this.kept = kept;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public Object kept() {
        return kept;
    }
}
