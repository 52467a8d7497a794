package io.gatedesk.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How the dashboard buckets time: by day, or by ISO week (Monday to Sunday) named by its Monday. */
enum Granularity {
    DAY,
    WEEK;

    LocalDate periodOf(LocalDate day) {
        return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Granularity parse(String value) {
        return "week".equalsIgnoreCase(value) ? WEEK : DAY;
    }
}
