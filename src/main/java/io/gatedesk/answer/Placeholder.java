package io.gatedesk.answer;

import java.util.Arrays;
import java.util.Optional;

/** Every placeholder an answer may use, by the name written between {@code {{ }}}. */
public enum Placeholder {
    TICKET_NUMBER("ticket.number"),
    TICKET_MODEL("ticket.model"),
    TICKET_MASKED_KEY("ticket.maskedKey"),
    TICKET_REQUEST_ID("ticket.requestId"),
    TICKET_BASE_URL("ticket.baseUrl"),
    TICKET_CLIENT("ticket.client"),
    CUSTOMER_NAME("customer.name"),
    AGENT_NAME("agent.name"),
    SITE_NAME("site.name"),
    SITE_API_BASE_URL("site.apiBaseUrl"),
    EXPECTED_BASE_URL("expected.baseUrl"),
    LOG_STATUS_CODE("log.statusCode"),
    LOG_ERROR_MESSAGE("log.errorMessage"),
    LOG_TIME("log.time"),
    MISSING_FIELDS("missing.fields");

    private final String token;

    Placeholder(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    boolean fromLogs() {
        return this == LOG_STATUS_CODE || this == LOG_ERROR_MESSAGE || this == LOG_TIME;
    }

    public static Optional<Placeholder> of(String token) {
        return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
    }
}
