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
 */
interface TicketFigures {

    List<DayCategoryRow> filedPerDayAndCategory(Window window, MetricsQuery query);

    FiledFigures filed(Window window, MetricsQuery query, Instant now);

    ReplyFigures firstReplies(Window window, MetricsQuery query);

    ResolutionFigures resolutions(Window window, MetricsQuery query);

    long unresolvedNow(MetricsQuery query);

    /** Per site-local day from the window's start on, tickets filed ({@code created_at}) or resolved ({@code resolved_at}). */
    TreeMap<LocalDate, Long> perDaySince(String column, Window window, MetricsQuery query);

    List<MetricsReport.AnswerUse> answerUses(Window window, MetricsQuery query);
}
