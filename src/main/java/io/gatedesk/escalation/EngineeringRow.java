package io.gatedesk.escalation;

import io.gatedesk.ticket.SlaTimer;

import java.time.Duration;
import java.time.Instant;

/**
 * One escalation round in the engineer queue, with its two clocks; {@code age} since the ticket was filed and
 * {@code waiting} since it was escalated, as of when the row was read.
 */
public record EngineeringRow(String number, String subject, Severity severity, EscalationStatus status, int round,
                             String category, String model, String engineer, Long engineerId, Instant ticketCreatedAt,
                             Instant escalatedAt, SlaTimer firstLook, SlaTimer findings, Duration age,
                             Duration waiting) {

    /** The message key ({@code sla.duration.*}) that shows a duration in days, hours or minutes. */
    static String durationKey(Duration duration) {
        Duration abs = duration.abs();
        if (abs.toDays() > 0) {
            return "sla.duration.days";
        }
        return abs.toHours() > 0 ? "sla.duration.hours" : "sla.duration.minutes";
    }

    static Object[] durationArgs(Duration duration) {
        Duration abs = duration.abs();
        if (abs.toDays() > 0) {
            return new Object[]{Long.toString(abs.toDays()), Integer.toString(abs.toHoursPart())};
        }
        return abs.toHours() > 0 ? new Object[]{Long.toString(abs.toHours()), Integer.toString(abs.toMinutesPart())}
                : new Object[]{Long.toString(abs.toMinutes())};
    }

    public String ageKey() {
        return durationKey(age);
    }

    public Object[] ageArgs() {
        return durationArgs(age);
    }

    public String waitingKey() {
        return durationKey(waiting);
    }

    public Object[] waitingArgs() {
        return durationArgs(waiting);
    }

    /** The worst running clock, for the row's styling. */
    public String slaWorst() {
        SlaTimer.State worst = SlaTimer.State.RUNNING;
        for (SlaTimer timer : new SlaTimer[]{firstLook, findings}) {
            if (timer != null && timer.running() && timer.state().ordinal() > worst.ordinal()) {
                worst = timer.state();
            }
        }
        return worst.name();
    }
}
