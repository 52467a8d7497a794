package io.gatedesk.escalation;

import java.util.Locale;
import java.util.Optional;

/** How bad an escalated case is, for engineers; S1 first. Message keys {@code escalation.severity.S1}… */
public enum Severity {
    /** An outage for many customers. */
    S1,
    /** One customer's production is down or badly degraded. */
    S2,
    /** A failure with a workaround, or a single caller. */
    S3,
    /** A question for engineering. */
    S4;

    static Optional<Severity> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
