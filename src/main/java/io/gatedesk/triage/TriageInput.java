package io.gatedesk.triage;

import java.util.List;

/**
 * Everything known about a failing request: what the customer reported (status code, error message, free text,
 * client, base URL, model) and the gateway log entries matched to it. Every field may be missing.
 */
public record TriageInput(Integer statusCode, String errorMessage, String text, String client, String baseUrl,
                          String model, List<LogEvidence> logEvidence) {

    public TriageInput {
        logEvidence = logEvidence == null ? List.of() : List.copyOf(logEvidence);
    }

    public static TriageInput ofText(String text) {
        return new TriageInput(null, null, text, null, null, null, List.of());
    }
}
