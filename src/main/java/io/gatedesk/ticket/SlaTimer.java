package io.gatedesk.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock of a ticket (first response or resolution). {@code left} is the time until {@code due} while the
 * clock runs, negative once it is overdue; a stopped clock keeps whether it stopped in time.
 */
public record SlaTimer(State state, Instant due, Duration left) {

    public enum State {
        /** Running, more than the warning threshold left. */
        RUNNING,
        /** Running, due within the warning threshold. */
        SOON,
        /** Running and past due. */
        BREACHED,
        /** Stopped before it was due. */
        MET,
        /** Stopped after it was due. */
        MET_LATE
    }

    private static final java.time.format.DateTimeFormatter UTC_MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    /** When the clock is due, to the minute, in UTC (pages label it so, whatever the server's time zone). */
    public String dueUtc() {
        return UTC_MINUTES.format(due);
    }

    public boolean running() {
        return state == State.RUNNING || state == State.SOON || state == State.BREACHED;
    }

    /** The message key that shows {@link #left} in whole days, hours or minutes. */
    public String durationKey() {
        Duration abs = left.abs();
        if (abs.toDays() > 0) {
            return "sla.duration.days";
        }
        return abs.toHours() > 0 ? "sla.duration.hours" : "sla.duration.minutes";
    }

    /**
     * The numbers for {@link #durationKey()}, as text: {@code MessageFormat} builds a new {@code NumberFormat} for
     * every number argument it formats, which was a sixth of everything the queue page allocated (two timers per
     * row). Plain digits read the same in English and Chinese.
     */
    public Object[] durationArgs() {
        Duration abs = left.abs();
        if (abs.toDays() > 0) {
            return new Object[]{Long.toString(abs.toDays()), Integer.toString(abs.toHoursPart())};
        }
        return abs.toHours() > 0 ? new Object[]{Long.toString(abs.toHours()), Integer.toString(abs.toMinutesPart())}
                : new Object[]{Long.toString(abs.toMinutes())};
    }
}
