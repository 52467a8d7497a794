package io.gatedesk.triage;

/** One gateway log entry matched to the ticket, reduced to the fields that say what went wrong. All fields optional. */
public record LogEvidence(Integer statusCode, String errorType, String errorCode, String errorMessage) {
}
