package io.gatedesk.knowledge;

import java.util.Map;

/** An article that cannot be saved as written: field → message key. */
class InvalidArticleException extends RuntimeException {

    private final transient Map<String, String> errors;

    InvalidArticleException(Map<String, String> errors) {
        super("Invalid article: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
