package io.gatedesk.metrics;

import io.gatedesk.metrics.MetricsRepository.DayCategoryRow;
import io.gatedesk.metrics.MetricsRepository.FiledFigures;
import io.gatedesk.metrics.MetricsRepository.ReplyFigures;
import io.gatedesk.metrics.MetricsRepository.ResolutionFigures;
import io.gatedesk.metrics.MetricsRepository.Window;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

/**
 * The ticket-based figures of a report, which two sources can answer with the same numbers: the direct SQL over
 * the tickets ({@link MetricsRepository}, the definition) and the rollup ({@link RollupMetricsRepository}, fast).
 * A source answers them all at once, so the rollup can read each of its tables once per report.
 */
interface TicketFigures {

    Figures read(Window window, MetricsQuery query, Instant now);

    /**
     * @param filedPerDay    tickets filed per site-local day and category in the window, with their config tickets
     * @param unresolvedNow  tickets not resolved now (the backlog is walked back from it)
     * @param filedSince     per site-local day from the window's start on (up to now), tickets filed
     * @param resolvedSince  the same, tickets resolved
     */
    record Figures(List<DayCategoryRow> filedPerDay, FiledFigures filed, ReplyFigures replies,
                   ResolutionFigures resolutions, long unresolvedNow, TreeMap<LocalDate, Long> filedSince,
                   TreeMap<LocalDate, Long> resolvedSince, List<MetricsReport.AnswerUse> answerUses) {
    }
}
