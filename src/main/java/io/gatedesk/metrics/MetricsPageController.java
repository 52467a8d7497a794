package io.gatedesk.metrics;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.triage.ErrorCategory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The support lead's dashboard: the figures of one {@link MetricsService#report} call, as tables with CSV links. */
@Controller
class MetricsPageController {

    static final String VIEW = "metrics/dashboard";
    static final String RESULTS_FRAGMENT = "metrics/dashboard :: results";
    static final List<String> PERIODS = List.of("7", "30", "90", "custom");

    private final MetricsService metrics;

    MetricsPageController(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/desk/metrics")
    String dashboard(@RequestParam(defaultValue = "30") String period, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
                     @RequestParam(required = false) String category, @RequestParam(required = false) String client,
                     @RequestParam(required = false) String callerType, HttpServletRequest request, Model model) {
        String chosen = PERIODS.contains(period) ? period : "30";
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("granularity", Granularity.parse(granularity).code());
        model.addAttribute("category", category);
        model.addAttribute("client", client);
        model.addAttribute("callerType", callerType);
        model.addAttribute("categories", ErrorCategory.values());
        model.addAttribute("clients", ClientApp.values());
        model.addAttribute("callerTypes", CallerType.values());
        model.addAttribute("timeZone", metrics.zone().getId());
        try {
            LocalDate end = "custom".equals(chosen) ? date(to) : metrics.today();
            LocalDate start = "custom".equals(chosen) ? date(from) : end.minusDays(Integer.parseInt(chosen) - 1L);
            MetricsReport report = metrics.report(new MetricsQuery(start, end, Granularity.parse(granularity),
                    category, client, callerType));
            model.addAttribute("report", report);
            model.addAttribute("csvQuery", "from=" + report.from() + "&to=" + report.to() + "&granularity="
                    + report.granularity() + param("category", category) + param("client", client)
                    + param("callerType", callerType));
        } catch (InvalidMetricsQueryException e) {
            model.addAttribute("error", e.messageKey());
        }
        return "true".equals(request.getHeader("HX-Request")) ? RESULTS_FRAGMENT : VIEW;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidMetricsQueryException("metrics.error.period");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidMetricsQueryException("metrics.error.date");
        }
    }

    private static String param(String name, String value) {
        return value == null || value.isBlank() || !value.matches("[A-Za-z_]+") ? "" : "&" + name + "=" + value;
    }
}
