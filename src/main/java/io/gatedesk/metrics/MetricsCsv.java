package io.gatedesk.metrics;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV rows {@code measure,key,period,value}: one row per figure, series rows with their period, totals
 * without. An empty value is a ratio or percentile with nothing to compute over (null in the JSON).
 */
final class MetricsCsv {

    static final String HEADER = "measure,key,period,value";

    private MetricsCsv() {
    }

    /** The report as a CSV file to save, named by its period; the API and the dashboard both answer with this. */
    static ResponseEntity<String> download(MetricsReport report) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gatedesk-metrics-" + report.from()
                        + "-" + report.to() + ".csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(of(report));
    }

    static String of(MetricsReport report) {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(row("tickets", "", "", report.tickets()));
        report.categories().forEach(c -> rows.add(row("categories", c.category(), c.period().toString(), c.count())));
        report.configTickets().forEach(c -> rows.add(row("configTickets", "", c.period().toString(), c.count())));
        rows.add(row("repeatRatio", "libraryAnswered", "", report.repeatRatio().libraryAnswered()));
        rows.add(row("repeatRatio", "returning", "", report.repeatRatio().returning()));
        rows.add(row("followUpRatio", "", "", report.followUpRatio()));
        rows.add(row("firstReplySeconds", "median", "", report.firstReplySeconds().median()));
        rows.add(row("firstReplySeconds", "p90", "", report.firstReplySeconds().p90()));
        rows.add(row("resolutionSeconds", "median", "", report.resolutionSeconds().median()));
        rows.add(row("resolutionSeconds", "p90", "", report.resolutionSeconds().p90()));
        rows.add(row("oneTouchRate", "", "", report.oneTouchRate()));
        rows.add(row("reopenRate", "", "", report.reopenRate()));
        rows.add(row("slaBreaches", "firstResponse", "", report.slaBreaches().firstResponse()));
        rows.add(row("slaBreaches", "resolution", "", report.slaBreaches().resolution()));
        report.backlog().forEach(b -> rows.add(row("backlog", "", b.period().toString(), b.count())));
        rows.add(row("escalations", "", "", report.escalations()));
        rows.add(row("incidents", "", "", report.incidents()));
        report.usage().shortAnswers().forEach(a -> {
            rows.add(row("shortAnswerUses", a.key(), "", a.uses()));
            rows.add(row("shortAnswerSends", a.key(), "", a.sends()));
        });
        report.usage().checklists().forEach(c -> rows.add(row("checklistTicks", c.key(), "", c.ticks())));
        report.usage().helpPages().forEach(h -> rows.add(row("helpPageViews", h.key(), "", h.views())));
        rows.add(row("configChecks", "", "", report.usage().configChecks()));
        rows.add(row("diagnoses", "", "", report.usage().diagnoses()));
        rows.add(row("deflections", "", "", report.usage().deflections()));
        return String.join("\r\n", rows) + "\r\n";
    }

    /** Keys are category codes, client slugs and answer keys; quoted anyway, so a comma in one cannot shift columns. */
    private static String row(String measure, String key, String period, Object value) {
        return measure + "," + quote(key) + "," + period + "," + (value == null ? "" : value);
    }

    private static String quote(String value) {
        return value.isEmpty() ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
