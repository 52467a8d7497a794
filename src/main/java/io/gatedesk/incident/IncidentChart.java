package io.gatedesk.incident;

import io.gatedesk.gatewaylog.LogErrorRates;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The incident's error series from the gateway logs, drawn on the server as an SVG bar chart with a table beside it
 * (no script, so it survives a strict Content-Security-Policy and reads in a screen reader).
 */
@Component
class IncidentChart {

    static final int WIDTH = 480;
    static final int HEIGHT = 120;
    private static final int BUCKETS = 24;

    /** One bar: its place and height in the SVG, and the figures the table shows. */
    record Bar(Instant start, long requests, long errors, int x, int width, int y, int height) {
    }

    record Chart(List<Bar> bars, boolean empty, int width, int height) {
    }

    private final LogErrorRates rates;
    private final Clock clock;

    IncidentChart(LogErrorRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    /** From an hour before the incident started to now (or an hour after it was resolved). */
    Chart forIncident(IncidentSummary incident) {
        Instant from = incident.startedAt().minus(Duration.ofHours(1));
        Instant to = incident.resolvedAt() != null ? incident.resolvedAt().plus(Duration.ofHours(1)) : clock.instant();
        if (!to.isAfter(from)) {
            to = from.plus(Duration.ofHours(2));
        }
        Duration bucket = Duration.ofMillis(Math.max(60_000, Duration.between(from, to).toMillis() / BUCKETS));
        List<LogErrorRates.Bucket> series = rates.series(incident.models(), from, to, bucket);
        long max = series.stream().mapToLong(LogErrorRates.Bucket::errors).max().orElse(0);
        int width = WIDTH / Math.max(1, series.size());
        List<Bar> bars = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            LogErrorRates.Bucket b = series.get(i);
            int height = max == 0 ? 0 : (int) Math.round((double) b.errors() / max * (HEIGHT - 10));
            bars.add(new Bar(b.start(), b.requests(), b.errors(), i * width, Math.max(1, width - 2), HEIGHT - height,
                    height));
        }
        boolean empty = series.stream().allMatch(b -> b.requests() == 0);
        return new Chart(bars, empty, WIDTH, HEIGHT);
    }
}
