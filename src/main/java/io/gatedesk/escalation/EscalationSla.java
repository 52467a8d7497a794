package io.gatedesk.escalation;

import io.gatedesk.ticket.SlaTimer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The two clocks of an escalation round, as {@link SlaTimer}s so pages show them like the ticket SLAs. */
@Component
class EscalationSla {

    private final EscalationSlaProperties properties;
    private final Clock clock;

    EscalationSla(EscalationSlaProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    SlaTimer firstLook(Escalation escalation) {
        return timer(escalation.getEscalatedAt(), properties.firstLook().get(escalation.getSeverity()),
                escalation.getFirstLookAt() != null ? escalation.getFirstLookAt() : escalation.getFindingsAt());
    }

    SlaTimer findings(Escalation escalation) {
        return timer(escalation.getEscalatedAt(), properties.findings().get(escalation.getSeverity()),
                escalation.getFindingsAt());
    }

    private SlaTimer timer(Instant from, Duration target, Instant stoppedAt) {
        Instant due = from.plus(target);
        if (stoppedAt != null) {
            return new SlaTimer(stoppedAt.isAfter(due) ? SlaTimer.State.MET_LATE : SlaTimer.State.MET, due,
                    Duration.between(stoppedAt, due));
        }
        Duration left = Duration.between(clock.instant(), due);
        SlaTimer.State state = left.isNegative() ? SlaTimer.State.BREACHED
                : left.compareTo(properties.warnBefore()) <= 0 ? SlaTimer.State.SOON : SlaTimer.State.RUNNING;
        return new SlaTimer(state, due, left);
    }
}
