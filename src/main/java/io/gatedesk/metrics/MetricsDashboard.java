package io.gatedesk.metrics;

import io.gatedesk.triage.ErrorCategory;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A report as the dashboard shows it: one chart per measure, each drawn in the browser from the table it carries
 * (static/js/metrics.js reads the table; no data travels in a script). Values are in the unit the table shows:
 * counts, percent (0–100) or hours. Labels are message keys or literal text (dates, answer keys, page slugs).
 */
final class MetricsDashboard {

    private MetricsDashboard() {
    }

    /** How a chart draws its table: columns are series, rows are the x axis (the y axis for {@code hbar}). */
    enum Kind { BAR, STACKED, LINE, HBAR }

    enum Unit { COUNT, PERCENT, HOURS }

    record Label(String key, String text) {
        static Label message(String key) {
            return new Label(key, null);
        }

        static Label literal(String text) {
            return new Label(null, text);
        }
    }

    /** A column of the table; {@code link} is the queue view of its tickets, when the queue can express it. */
    record Series(Label label, String link) {
    }

    record Row(Label label, List<Double> values) {
    }

    record Chart(String id, String titleKey, Kind kind, Unit unit, String axisKey, List<Series> series,
                 List<Row> rows, String queueLink, String queueLinkKey) {

        public String kindCode() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String unitCode() {
            return unit.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static List<Chart> charts(MetricsReport report) {
        String period = "week".equals(report.granularity()) ? "metrics.axis.week" : "metrics.axis.day";
        String filter = report.filters().category();
        MetricsReport.Usage usage = report.usage();
        return List.of(
                categories(report, period),
                new Chart("config", "metrics.configTickets", Kind.BAR, Unit.COUNT, period,
                        List.of(new Series(Label.message("metrics.configTickets.series"), null)),
                        periodRows(report.configTickets()),
                        queue(report, "all", "WRONG_BASE_URL", null, true), "metrics.queue.config"),
                new Chart("backlog", "metrics.backlog", Kind.LINE, Unit.COUNT, period,
                        List.of(new Series(Label.message("metrics.backlog.series"), null)),
                        periodRows(report.backlog()), queue(report, "active", filter, null, false),
                        "metrics.queue.backlog"),
                new Chart("ratios", "metrics.ratios", Kind.HBAR, Unit.PERCENT, "metrics.axis.measure",
                        List.of(new Series(Label.message("metrics.ratios.series"), null)),
                        List.of(percent("metrics.libraryAnswered", report.repeatRatio().libraryAnswered()),
                                percent("metrics.returning", report.repeatRatio().returning()),
                                percent("metrics.followUp", report.followUpRatio()),
                                percent("metrics.oneTouch", report.oneTouchRate()),
                                percent("metrics.reopen", report.reopenRate())),
                        null, null),
                new Chart("times", "metrics.times", Kind.BAR, Unit.HOURS, "metrics.axis.measure",
                        List.of(new Series(Label.message("metrics.median"), null),
                                new Series(Label.message("metrics.p90"), null)),
                        List.of(hours("metrics.firstReply", report.firstReplySeconds()),
                                hours("metrics.resolution", report.resolutionSeconds())),
                        null, null),
                new Chart("sla", "metrics.slaBreaches", Kind.BAR, Unit.COUNT, "metrics.axis.measure",
                        List.of(new Series(Label.message("metrics.slaBreaches.series"), null)),
                        List.of(count("metrics.sla.firstResponse", report.slaBreaches().firstResponse()),
                                count("metrics.sla.resolution", report.slaBreaches().resolution())),
                        queue(report, "active", filter, "breached", false), "metrics.queue.sla"),
                new Chart("handoffs", "metrics.handoffs", Kind.BAR, Unit.COUNT, "metrics.axis.measure",
                        List.of(new Series(Label.message("metrics.count"), null)),
                        List.of(count("metrics.handoffs.escalations", report.escalations()),
                                count("metrics.handoffs.incidents", report.incidents())),
                        null, null),
                new Chart("answers", "metrics.usage.answers", Kind.HBAR, Unit.COUNT, "metrics.axis.answer",
                        List.of(new Series(Label.message("metrics.usage.inserted"), null),
                                new Series(Label.message("metrics.usage.sent"), null)),
                        usage.shortAnswers().stream().map(a -> new Row(Label.literal(a.key()),
                                List.of((double) a.uses(), (double) a.sends()))).toList(),
                        null, null),
                new Chart("checklists", "metrics.usage.checklists", Kind.HBAR, Unit.COUNT, "metrics.axis.checklist",
                        List.of(new Series(Label.message("metrics.usage.ticks"), null)),
                        usage.checklists().stream().map(c -> new Row(categoryLabel(c.key()),
                                List.of((double) c.ticks()))).toList(),
                        null, null),
                new Chart("help", "metrics.usage.helpPages", Kind.HBAR, Unit.COUNT, "metrics.axis.helpPage",
                        List.of(new Series(Label.message("metrics.usage.views"), null)),
                        usage.helpPages().stream().map(h -> new Row(Label.literal(h.key()),
                                List.of((double) h.views()))).toList(),
                        null, null),
                new Chart("selfservice", "metrics.usage.selfService", Kind.BAR, Unit.COUNT, "metrics.axis.measure",
                        List.of(new Series(Label.message("metrics.count"), null)),
                        List.of(count("metrics.usage.configChecks", usage.configChecks()),
                                count("metrics.usage.diagnoses", usage.diagnoses()),
                                count("metrics.usage.deflections", usage.deflections())),
                        null, null));
    }

    /**
     * Tickets per category and period: the five named categories always (so a lead sees their trend even at zero),
     * then every other category that had tickets, in the report's order.
     */
    private static Chart categories(MetricsReport report, String period) {
        Set<String> shown = new LinkedHashSet<>(MetricsService.NAMED_CATEGORIES);
        report.categories().forEach(c -> shown.add(c.category()));
        if (report.filters().category() != null) {
            shown.retainAll(Set.of(report.filters().category()));
            shown.add(report.filters().category());
        }
        Map<String, Map<LocalDate, Long>> counts = report.categories().stream().collect(Collectors.groupingBy(
                MetricsReport.CategoryCount::category, Collectors.toMap(MetricsReport.CategoryCount::period,
                        MetricsReport.CategoryCount::count)));
        List<Series> series = shown.stream()
                .map(c -> new Series(categoryLabel(c), queue(report, "all", c, null, true))).toList();
        List<Row> rows = new ArrayList<>();
        for (LocalDate day : report.periods()) {
            rows.add(new Row(Label.literal(day.toString()), shown.stream()
                    .map(c -> (double) counts.getOrDefault(c, Map.of()).getOrDefault(day, 0L)).toList()));
        }
        return new Chart("categories", "metrics.categories", Kind.STACKED, Unit.COUNT, period, series, rows,
                queue(report, "all", report.filters().category(), null, true), "metrics.queue.categories");
    }

    private static Label categoryLabel(String category) {
        boolean known = Arrays.stream(ErrorCategory.values()).anyMatch(c -> c.name().equals(category));
        return known ? Label.message("category." + category + ".name")
                : MetricsService.UNCLASSIFIED.equals(category) ? Label.message("metrics.category.none")
                : Label.literal(category);
    }

    private static List<Row> periodRows(List<MetricsReport.PeriodCount> counts) {
        return counts.stream().map(c -> new Row(Label.literal(c.period().toString()), List.of((double) c.count())))
                .toList();
    }

    private static Row percent(String key, Double ratio) {
        return new Row(Label.message(key), nullable(ratio, r -> r * 100));
    }

    private static Row hours(String key, MetricsReport.Percentiles seconds) {
        List<Double> values = new ArrayList<>(nullable(seconds.median(), s -> s / 3600));
        values.addAll(nullable(seconds.p90(), s -> s / 3600));
        return new Row(Label.message(key), values);
    }

    private static Row count(String key, long value) {
        return new Row(Label.message(key), List.of((double) value));
    }

    /** A one-value list that may hold null (List.of refuses null): a ratio with nothing to count over. */
    private static List<Double> nullable(Double value, Function<Double, Double> scale) {
        List<Double> values = new ArrayList<>(1);
        values.add(value == null ? null : scale.apply(value));
        return values;
    }

    /**
     * The queue showing a chart's tickets: its status, category and SLA state, the report's client and caller type,
     * and, for figures about tickets filed in the period, the period's days as the filing window. Backlog and SLA
     * links show the tickets open now, which is what an agent can act on.
     */
    static String queue(MetricsReport report, String status, String category, String sla, boolean filedInPeriod) {
        return UriComponentsBuilder.fromPath("/desk").queryParam("status", status)
                .queryParamIfPresent("category", java.util.Optional.ofNullable(category))
                .queryParamIfPresent("sla", java.util.Optional.ofNullable(sla))
                .queryParamIfPresent("filedFrom", java.util.Optional.ofNullable(filedInPeriod ? report.from() : null))
                .queryParamIfPresent("filedTo", java.util.Optional.ofNullable(filedInPeriod ? report.to() : null))
                .queryParamIfPresent("client", java.util.Optional.ofNullable(report.filters().client()))
                .queryParamIfPresent("callerType", java.util.Optional.ofNullable(report.filters().callerType()))
                .build().toUriString();
    }
}
