package io.gatedesk.escalation;

/** An agent's escalation as typed: the form and the API both hand it over unparsed, the service checks it. */
public record EscalationRequest(String reason, String severity, String engineer) {
}
