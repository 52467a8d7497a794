package io.gatedesk.demo;

/** The trouble a generated ticket reports: the families that fill a gateway help desk day after day. */
public enum ProblemFamily {
    INVALID_TOKEN,
    QUOTA_EXHAUSTED,
    RATE_LIMITED,
    MODEL_NOT_AVAILABLE,
    DOUBLED_V1,
    HTML_INSTEAD_OF_JSON,
    UPSTREAM_TIMEOUT,
    STREAM_CUT_OFF,
    CONTEXT_LENGTH_EXCEEDED
}
