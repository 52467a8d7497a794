package io.gatedesk.metrics;

/** A report request that cannot be answered; {@code messageKey} says why in the metrics bundle. */
class InvalidMetricsQueryException extends RuntimeException {

    private final String messageKey;

    InvalidMetricsQueryException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
