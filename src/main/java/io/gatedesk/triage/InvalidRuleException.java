package io.gatedesk.triage;

import java.util.Map;

/** A rule form with problems: field name to the message, already in the admin's language. */
class InvalidRuleException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidRuleException(Map<String, String> fieldErrors) {
        super("invalid rule: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
