package io.gatedesk.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's filter form as typed, kept on the page even when it cannot be answered. {@code period} is a preset
 * ({@code 7}, {@code 30}, {@code 90}: the last days up to today in the site time zone) or {@code custom} (the
 * {@code from}–{@code to} dates); left out, it is {@code custom} when a date was given and {@code 30} otherwise.
 */
record MetricsForm(String period, String from, String to, String granularity, String category, String client,
                   String callerType) {

    static final List<String> PERIODS = List.of("7", "30", "90", "custom");
    static final String CUSTOM = "custom";

    MetricsForm {
        from = strip(from);
        to = strip(to);
        period = strip(period);
        if (period.isEmpty()) {
            period = from.isEmpty() && to.isEmpty() ? "30" : CUSTOM;
        }
        granularity = strip(granularity);
        category = strip(category);
        client = strip(client);
        callerType = strip(callerType);
    }

    MetricsQuery toQuery(LocalDate today) {
        if (!PERIODS.contains(period)) {
            throw new InvalidMetricsQueryException("metrics.error.choice");
        }
        Granularity buckets = Granularity.parse(granularity);
        if (CUSTOM.equals(period)) {
            return new MetricsQuery(MetricsQuery.date(from, null), MetricsQuery.date(to, null), buckets, category,
                    client, callerType);
        }
        return new MetricsQuery(today.minusDays(Long.parseLong(period) - 1), today, buckets, category, client,
                callerType);
    }

    /** The same form with the dates a preset stood for filled in, so the page names the days it shows. */
    MetricsForm answeredBy(MetricsReport report) {
        return new MetricsForm(period, report.from().toString(), report.to().toString(), report.granularity(),
                category, client, callerType);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
