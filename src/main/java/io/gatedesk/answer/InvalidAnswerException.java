package io.gatedesk.answer;

import java.util.Map;

/** The admin form had problems; {@code errors} maps each field to its message in the admin's language. */
class InvalidAnswerException extends RuntimeException {

    private final transient AnswerForm form;
    private final Map<String, String> errors;

    InvalidAnswerException(AnswerForm form, Map<String, String> errors) {
        super("invalid answer: " + errors.keySet());
        this.form = form;
        this.errors = errors;
    }

    AnswerForm form() {
        return form;
    }

    Map<String, String> errors() {
        return errors;
    }
}
