package io.gatedesk.metrics;

import io.gatedesk.knowledge.KbUsage;
import io.gatedesk.metrics.MetricsRepository.DayCategoryRow;
import io.gatedesk.metrics.MetricsRepository.FiledFigures;
import io.gatedesk.metrics.MetricsRepository.ReplyFigures;
import io.gatedesk.metrics.MetricsRepository.ResolutionFigures;
import io.gatedesk.metrics.MetricsRepository.SelfServiceFigures;
import io.gatedesk.metrics.MetricsRepository.Window;
import io.gatedesk.metrics.MetricsReport.CategoryCount;
import io.gatedesk.metrics.MetricsReport.PeriodCount;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.triage.ErrorCategory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place a metrics report is computed: the dashboard, the JSON API and the CSV all call {@link #report}, so
 * they show the same numbers. Definitions: docs/metrics.md. The ticket figures come from the rollup once it is
 * built ({@link MetricsRollup}, refreshed in the background every few seconds) and from the direct SQL until then.
 * The usage counts (short-answer inserts, checklist ticks, help-page views) come from the knowledge base's use ledger,
 * read through its public face {@link KbUsage}; only the sends of short answers need the tickets.
 */
@Service
class MetricsService {

    /** The field report's five named error families, drawn first in the category trend. */
    static final List<String> NAMED_CATEGORIES = List.of(ErrorCategory.INVALID_KEY.name(),
            ErrorCategory.INSUFFICIENT_QUOTA.name(), ErrorCategory.RATE_LIMITED.name(),
            ErrorCategory.MODEL_NOT_AVAILABLE.name(), ErrorCategory.UPSTREAM_TIMEOUT.name());
    static final String UNCLASSIFIED = "none";

    private final MetricsRepository repository;
    private final RollupMetricsRepository rollupFigures;
    private final MetricsRollup rollup;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration deflectionWindow;
    private final KbUsage ledger;

    MetricsService(MetricsRepository repository, RollupMetricsRepository rollupFigures, MetricsRollup rollup,
                   KbUsage ledger, PlatformTransactionManager transactions, Clock clock,
                   @Value("${gatedesk.site.time-zone:UTC}") String zone,
                   @Value("${gatedesk.self-service.deflection-window:2h}") Duration deflectionWindow) {
        this.repository = repository;
        this.rollupFigures = rollupFigures;
        this.rollup = rollup;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // One snapshot for the whole report: its figures come from several statements (and the percentiles from a
        // histogram, then the facts it points at), which a rollup pass committing in between must not split.
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.deflectionWindow = deflectionWindow;
        this.ledger = ledger;
    }

    ZoneId zone() {
        return zone;
    }

    MetricsRollup.Freshness freshness() {
        return rollup.freshness();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    MetricsReport report(MetricsQuery query) {
        validate(query);
        return readOnly.execute(status -> report(query, rollup.isCurrent() ? rollupFigures : repository,
                clock.instant()));
    }

    /** The report with its ticket figures from {@code figures}, as of {@code now}. */
    MetricsReport report(MetricsQuery query, TicketFigures figures, Instant now) {
        validate(query);
        Window window = Window.of(query.from(), query.to(), zone);
        List<LocalDate> periods = periods(query);

        TicketFigures.Figures read = figures.read(window, query, now);
        List<DayCategoryRow> filedRows = read.filedPerDay();
        long tickets = filedRows.stream().mapToLong(DayCategoryRow::filed).sum();
        FiledFigures filed = read.filed();
        ReplyFigures replies = read.replies();
        ResolutionFigures resolutions = read.resolutions();
        SelfServiceFigures selfService = repository.selfService(window, now, deflectionWindow);
        MetricsRepository.HandoffFigures handoffs = repository.handoffs(window, query);

        return new MetricsReport(query.from(), query.to(), zone.getId(), query.granularity().code(),
                new MetricsReport.Filters(query.category(), query.client(), query.callerType()), tickets,
                categories(filedRows, query.granularity()), configTickets(filedRows, periods, query.granularity()),
                new MetricsReport.RepeatRatio(MetricsReport.ratio(replies.libraryAnswered(), replies.replied()),
                        MetricsReport.ratio(filed.returning(), filed.classified()), repository.returningWindowDays()),
                MetricsReport.ratio(replies.followUp(), replies.replied()),
                new MetricsReport.Percentiles(replies.median(), replies.p90()),
                new MetricsReport.Percentiles(resolutions.median(), resolutions.p90()),
                MetricsReport.ratio(resolutions.oneTouch(), resolutions.resolved()),
                MetricsReport.ratio(resolutions.reopened(), resolutions.resolved()),
                new MetricsReport.SlaBreaches(filed.firstResponseBreaches(), filed.resolutionBreaches()),
                backlog(read, query), handoffs.escalations(), handoffs.incidents(),
                new MetricsReport.Usage(answerUses(read.answerUses(), query),
                        ledger.countsPerAsset(KbUsage.Measure.CHECKLIST_TICKS, query.from(), query.to()).stream()
                                .map(c -> new MetricsReport.ChecklistUse(c.key(), c.count())).toList(),
                        ledger.countsPerAsset(KbUsage.Measure.HELP_PAGE_VIEWS, query.from(), query.to()).stream()
                                .map(c -> new MetricsReport.HelpPageUse(c.key(), c.count())).toList(),
                        selfService.configChecks(), selfService.diagnoses(), selfService.deflections()),
                new MetricsReport.Denominators(replies.replied(), filed.classified(), resolutions.resolved()),
                periods);
    }

    /**
     * Inserts per answer key from the use ledger (every ticket: the ledger knows no ticket, so the filters do not
     * apply), with the sends counted over {@code answer_usage} of the tickets matching the filters; a key that only
     * has sends (inserted before the ledger counted) keeps its row with 0 uses.
     */
    private List<MetricsReport.AnswerUse> answerUses(List<MetricsReport.AnswerUse> fromTickets, MetricsQuery query) {
        Map<String, Long> sends = new HashMap<>();
        fromTickets.forEach(a -> sends.put(a.key(), a.sends()));
        Map<String, Long> uses = new LinkedHashMap<>();
        ledger.countsPerAsset(KbUsage.Measure.SHORT_ANSWER_INSERTS, query.from(), query.to())
                .forEach(c -> uses.put(c.key(), c.count()));
        sends.keySet().forEach(key -> uses.putIfAbsent(key, 0L));
        return uses.entrySet().stream()
                .map(e -> new MetricsReport.AnswerUse(e.getKey(), e.getValue(), sends.getOrDefault(e.getKey(), 0L)))
                .sorted(Comparator.comparingLong(MetricsReport.AnswerUse::uses).reversed()
                        .thenComparing(MetricsReport.AnswerUse::key))
                .toList();
    }

    private static void validate(MetricsQuery query) {
        if (query.from() == null || query.to() == null) {
            throw new InvalidMetricsQueryException("metrics.error.period");
        }
        if (query.to().isBefore(query.from())) {
            throw new InvalidMetricsQueryException("metrics.error.order");
        }
        if (ChronoUnit.DAYS.between(query.from(), query.to()) >= MetricsQuery.MAX_DAYS) {
            throw new InvalidMetricsQueryException("metrics.error.span");
        }
        if (query.category() != null && !UNCLASSIFIED.equals(query.category())
                && Arrays.stream(ErrorCategory.values()).noneMatch(c -> c.name().equals(query.category()))) {
            throw new InvalidMetricsQueryException("metrics.error.category");
        }
        if (query.client() != null && Arrays.stream(ClientApp.values()).noneMatch(c -> c.name().equals(query.client()))) {
            throw new InvalidMetricsQueryException("metrics.error.client");
        }
        if (query.callerType() != null
                && Arrays.stream(CallerType.values()).noneMatch(c -> c.name().equals(query.callerType()))) {
            throw new InvalidMetricsQueryException("metrics.error.callerType");
        }
    }

    /** Every bucket of the report, empty ones included, so charts and CSV show gaps as zeros. */
    private static List<LocalDate> periods(MetricsQuery query) {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            LocalDate period = query.granularity().periodOf(day);
            if (periods.isEmpty() || !periods.get(periods.size() - 1).equals(period)) {
                periods.add(period);
            }
        }
        return periods;
    }

    /** Non-zero counts only, the five named categories first, then the others in their code order, then "none". */
    private static List<CategoryCount> categories(List<DayCategoryRow> rows, Granularity granularity) {
        Map<String, TreeMap<LocalDate, Long>> byCategory = new HashMap<>();
        for (DayCategoryRow row : rows) {
            String category = row.category() == null ? UNCLASSIFIED : row.category();
            byCategory.computeIfAbsent(category, c -> new TreeMap<>())
                    .merge(granularity.periodOf(row.day()), row.filed(), Long::sum);
        }
        List<CategoryCount> counts = new ArrayList<>();
        byCategory.keySet().stream().sorted(Comparator.comparingInt(MetricsService::categoryRank)
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(category -> byCategory.get(category).forEach((period, count) ->
                        counts.add(new CategoryCount(category, period, count))));
        return counts;
    }

    static int categoryRank(String category) {
        int named = NAMED_CATEGORIES.indexOf(category);
        if (named >= 0) {
            return named;
        }
        if (UNCLASSIFIED.equals(category)) {
            return Integer.MAX_VALUE;
        }
        return NAMED_CATEGORIES.size() + Arrays.stream(ErrorCategory.values()).map(Enum::name).toList()
                .indexOf(category) + 1;
    }

    private static List<PeriodCount> configTickets(List<DayCategoryRow> rows, List<LocalDate> periods,
                                                   Granularity granularity) {
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        periods.forEach(period -> counts.put(period, 0L));
        rows.forEach(row -> counts.merge(granularity.periodOf(row.day()), row.config(), Long::sum));
        return counts.entrySet().stream().map(e -> new PeriodCount(e.getKey(), e.getValue())).toList();
    }

    /**
     * Tickets not resolved at the end of each period's last day (the report's last day for a cut-off week), walked
     * back from the number unresolved now: unresolved at the end of day D = unresolved now − filed after D + resolved
     * after D. Days after today have no backlog yet and are left out.
     */
    private List<PeriodCount> backlog(TicketFigures.Figures figures, MetricsQuery query) {
        long unresolvedNow = figures.unresolvedNow();
        TreeMap<LocalDate, Long> filed = figures.filedSince();
        TreeMap<LocalDate, Long> resolved = figures.resolvedSince();
        LocalDate today = today();
        List<PeriodCount> backlog = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()) && !day.isAfter(today); day = day.plusDays(1)) {
            LocalDate period = query.granularity().periodOf(day);
            boolean lastDayOfPeriod = day.equals(query.to()) || day.equals(today)
                    || !query.granularity().periodOf(day.plusDays(1)).equals(period);
            if (lastDayOfPeriod) {
                long filedAfter = filed.tailMap(day, false).values().stream().mapToLong(Long::longValue).sum();
                long resolvedAfter = resolved.tailMap(day, false).values().stream().mapToLong(Long::longValue).sum();
                backlog.add(new PeriodCount(period, unresolvedNow - filedAfter + resolvedAfter));
            }
        }
        return backlog;
    }
}
