package io.gatedesk.incident;

import io.gatedesk.gatewaylog.LogErrorRates;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests an incident from imported and ingested gateway logs before the tickets come: a spike of error rows for
 * one model and channel (see {@link IncidentProperties}). Two aggregate statements per check, whatever the row count.
 */
@Component
class LogSpikeDetector {

    private static final Logger log = LoggerFactory.getLogger(LogSpikeDetector.class);

    private final LogErrorRates rates;
    private final IncidentStore store;
    private final IncidentProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LogSpikeDetector(LogErrorRates rates, IncidentStore store, IncidentProperties properties,
                     PlatformTransactionManager transactions, Clock clock) {
        this.rates = rates;
        this.store = store;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gatedesk.incident.spike-check-interval:60s}", initialDelay = 60_000)
    @SchedulerLock(name = "incident-log-spikes", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    void checkNow() {
        try {
            check(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Log spike check failed: {}", e.toString());
        }
    }

    /** Checks the spike window ending at {@code end}; returns the ids of the incidents it suggested. */
    synchronized List<Long> check(Instant end) {
        Instant start = end.minus(properties.spikeWindow());
        Map<String, LogErrorRates.PatternCount> baseline = new HashMap<>();
        for (LogErrorRates.PatternCount count : rates.counts(start.minus(properties.spikeBaseline()), start)) {
            baseline.put(count.model() + "|" + count.channel(), count);
        }
        return transaction.execute(status -> rates.counts(start, end).stream()
                .filter(now -> isSpike(now, baseline.get(now.model() + "|" + now.channel())))
                .filter(now -> store.withLogPattern(now.model(), now.channel(), start.minus(properties.window()))
                        .isEmpty())
                .map(now -> suggest(now, start, end)).toList());
    }

    private boolean isSpike(LogErrorRates.PatternCount now, LogErrorRates.PatternCount before) {
        if (now.errors() < properties.spikeErrors()) {
            return false;
        }
        if (before == null || before.requests() == 0 || before.errors() == 0) {
            return true;
        }
        double rateNow = (double) now.errors() / now.requests();
        double rateBefore = (double) before.errors() / before.requests();
        return rateNow >= properties.spikeFactor() * rateBefore;
    }

    private long suggest(LogErrorRates.PatternCount spike, Instant start, Instant end) {
        String what = spike.model() == null ? "all models" : spike.model();
        String title = what + (spike.channel() == null ? "" : " · channel " + spike.channel()) + " errors in logs";
        long id = store.create(title, null, spike.model(), spike.channel(), true, start, clock.instant());
        store.touchSignal(id, end);
        store.addUpdate(id, IncidentStatus.INVESTIGATING, "Suggested: " + spike.errors() + " error rows of "
                + spike.requests() + " in " + properties.spikeWindow().toMinutes() + " min", IncidentService.DETECTOR,
                clock.instant());
        return id;
    }
}
