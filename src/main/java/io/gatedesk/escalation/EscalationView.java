package io.gatedesk.escalation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One escalation round as pages and the JSON API show it. Every text has passed the secret guard. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationView(long id, String ticket, int round, EscalationStatus status, Severity severity,
                             String reason, String escalatedBy, Instant escalatedAt, String engineer,
                             Instant firstLookAt, Findings findings) {

    /** What the engineer found; {@code read} once an agent has seen handed-back findings. */
    public record Findings(RootCause rootCause, String summary, String actions, String suggestedReply, String by,
                           Instant at, boolean read) {
    }

    public boolean open() {
        return status == EscalationStatus.OPEN;
    }
}
