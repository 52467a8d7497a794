package io.gatedesk.metrics;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.triage.ErrorCategory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Locale;
import java.util.Optional;

/**
 * The support lead's dashboard: one {@link MetricsService#report} call drawn as charts with their tables, and the
 * same report as CSV under the browser session (the {@code /api/v1} chain is stateless and does not read it).
 */
@Controller
class MetricsPageController {

    static final String VIEW = "metrics/dashboard";

    private final MetricsService metrics;
    private final MessageSource messages;

    MetricsPageController(MetricsService metrics, MessageSource messages) {
        this.metrics = metrics;
        this.messages = messages;
    }

    /** A query it cannot answer is shown with its reason and the form as typed, with 400. */
    @GetMapping("/desk/metrics")
    String dashboard(MetricsForm form, Model model, HttpServletResponse response) {
        model.addAttribute("periods", MetricsForm.PERIODS);
        model.addAttribute("categories", ErrorCategory.values());
        model.addAttribute("clients", ClientApp.values());
        model.addAttribute("callerTypes", CallerType.values());
        model.addAttribute("timeZone", metrics.zone().getId());
        try {
            MetricsReport report = metrics.report(form.toQuery(metrics.today()));
            model.addAttribute("form", form.answeredBy(report));
            model.addAttribute("report", report);
            model.addAttribute("charts", MetricsDashboard.charts(report));
            model.addAttribute("csvLink", csvLink(report));
            model.addAttribute("freshness", metrics.freshness());
        } catch (InvalidMetricsQueryException e) {
            model.addAttribute("form", form);
            model.addAttribute("error", e.messageKey());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return VIEW;
    }

    @GetMapping("/desk/metrics.csv")
    ResponseEntity<String> csv(MetricsForm form, Locale locale) {
        try {
            return MetricsCsv.download(metrics.report(form.toQuery(metrics.today())));
        } catch (InvalidMetricsQueryException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
                    .body(messages.getMessage(e.messageKey(), null, locale));
        }
    }

    /** The CSV of exactly the days shown, so a preset downloaded tomorrow still names the same days. */
    private static String csvLink(MetricsReport report) {
        MetricsReport.Filters filters = report.filters();
        return UriComponentsBuilder.fromPath("/desk/metrics.csv")
                .queryParam("period", MetricsForm.CUSTOM)
                .queryParam("from", report.from())
                .queryParam("to", report.to())
                .queryParam("granularity", report.granularity())
                .queryParamIfPresent("category", Optional.ofNullable(filters.category()))
                .queryParamIfPresent("client", Optional.ofNullable(filters.client()))
                .queryParamIfPresent("callerType", Optional.ofNullable(filters.callerType()))
                .build().toUriString();
    }
}
