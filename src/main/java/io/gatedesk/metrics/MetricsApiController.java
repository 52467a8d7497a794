package io.gatedesk.metrics;

import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The dashboard's figures as JSON and as CSV rows, from the same {@link MetricsService#report} call. */
@RestController
class MetricsApiController {

    private final MetricsService metrics;
    private final MessageSource messages;

    MetricsApiController(MetricsService metrics, MessageSource messages) {
        this.metrics = metrics;
        this.messages = messages;
    }

    @GetMapping(value = "/api/v1/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    MetricsReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String granularity,
                         @RequestParam(required = false) String category,
                         @RequestParam(required = false) String client,
                         @RequestParam(required = false) String callerType) {
        return metrics.report(query(from, to, granularity, category, client, callerType));
    }

    @GetMapping(value = "/api/v1/metrics.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String granularity,
                               @RequestParam(required = false) String category,
                               @RequestParam(required = false) String client,
                               @RequestParam(required = false) String callerType) {
        MetricsReport report = metrics.report(query(from, to, granularity, category, client, callerType));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gatedesk-metrics-" + report.from()
                        + "-" + report.to() + ".csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(MetricsCsv.of(report));
    }

    /** Without dates: the last 30 days up to today, in the site time zone. */
    private MetricsQuery query(String from, String to, String granularity, String category, String client,
                               String callerType) {
        LocalDate end = date(to, metrics.today());
        LocalDate start = date(from, end.minusDays(29));
        return new MetricsQuery(start, end, Granularity.parse(granularity), category, client, callerType);
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidMetricsQueryException("metrics.error.date");
        }
    }

    @ExceptionHandler(InvalidMetricsQueryException.class)
    ResponseEntity<ApiError> invalid(InvalidMetricsQueryException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(ApiError.of("BAD_PARAMETER",
                messages.getMessage(e.messageKey(), null, locale)));
    }
}
