package io.gatedesk.metrics;

import java.time.LocalDate;

/**
 * What a report covers: the days {@code from} to {@code to} (both included, in the site time zone), the bucket size,
 * and optional ticket filters. {@code category} is a triage category code or {@code none} (not classified yet);
 * {@code client} a {@code ClientApp} name; {@code callerType} a {@code CallerType} name.
 */
record MetricsQuery(LocalDate from, LocalDate to, Granularity granularity, String category, String client,
                    String callerType) {

    /** A report may span at most this many days: a year and a little, enough for any trend a lead compares. */
    static final int MAX_DAYS = 400;

    MetricsQuery {
        category = blankToNull(category);
        client = blankToNull(client);
        callerType = blankToNull(callerType);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
