package io.gatedesk.triage;

/**
 * What went wrong for the customer, as support agents group tickets. The constant names are stable codes: they are
 * stored on tickets, sent by the diagnose API and used as message keys ({@code category.<CODE>.name}).
 */
public enum ErrorCategory {
    INVALID_KEY,
    ACCESS_DENIED,
    INSUFFICIENT_QUOTA,
    // A question about money (top-up, invoice, refund, price, double charge), not a call refused for lack of quota.
    BILLING,
    RATE_LIMITED,
    MODEL_NOT_AVAILABLE,
    WRONG_BASE_URL,
    UPSTREAM_TIMEOUT,
    STREAM_INTERRUPTED,
    CONTEXT_LENGTH,
    UPSTREAM_ERROR,
    OTHER;

    public String nameKey() {
        return "category." + name() + ".name";
    }

    public String descriptionKey() {
        return "category." + name() + ".description";
    }
}
