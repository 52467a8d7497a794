package io.gatedesk.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How the dashboard buckets time: by day, or by ISO week (Monday to Sunday) named by its Monday. */
enum Granularity {
    DAY,
    WEEK;

    LocalDate periodOf(LocalDate day) {
        return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code day} when left out; anything but {@code day} or {@code week} is refused rather than guessed. */
    static Granularity parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> DAY;
            case "week" -> WEEK;
            default -> throw new InvalidMetricsQueryException("metrics.error.granularity");
        };
    }
}
