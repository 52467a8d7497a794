package io.gatedesk.escalation;

/** An engineer's findings as typed, checked by the service for the page and the API alike. */
public record FindingsRequest(String rootCause, String summary, String actions, String suggestedReply,
                              String outcome) {
}
