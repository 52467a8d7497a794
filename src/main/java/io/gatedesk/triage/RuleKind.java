package io.gatedesk.triage;

/** Which piece of evidence a rule looks at, and how its value is read. */
enum RuleKind {
    /** Comma-separated HTTP status codes; matched against the reported code, log codes and codes quoted in texts. */
    STATUS_CODE,
    /** Comma-separated error codes or types ({@code insufficient_quota}); matched as whole words anywhere. */
    ERROR_CODE,
    /** A regular expression, case-insensitive, matched against error messages, ticket text and log messages. */
    MESSAGE_PATTERN,
    /** A regular expression, case-insensitive, matched against the base URL the customer configured. */
    BASE_URL_SYMPTOM
}
