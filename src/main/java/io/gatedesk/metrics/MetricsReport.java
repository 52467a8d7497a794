package io.gatedesk.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * Every figure of one report, shaped as the JSON API returns it (field names are the API contract, see
 * docs/api.md). Ratios are {@code null} when their denominator is 0; percentiles when there is nothing to rank.
 */
record MetricsReport(LocalDate from, LocalDate to, String timeZone, String granularity, Filters filters,
                     long tickets, List<CategoryCount> categories, List<PeriodCount> configTickets,
                     RepeatRatio repeatRatio, Double followUpRatio, Percentiles firstReplySeconds,
                     Percentiles resolutionSeconds, Double oneTouchRate, Double reopenRate, SlaBreaches slaBreaches,
                     List<PeriodCount> backlog, long escalations, long incidents, Usage usage,
                     Denominators denominators, List<LocalDate> periods) {

    record Filters(String category, String client, String callerType) {
    }

    record CategoryCount(String category, LocalDate period, long count) {
    }

    record PeriodCount(LocalDate period, long count) {
    }

    record RepeatRatio(Double libraryAnswered, Double returning, int returningWindowDays) {
    }

    record Percentiles(Double median, Double p90) {
    }

    record SlaBreaches(long firstResponse, long resolution) {
    }

    record Usage(List<AnswerUse> shortAnswers, List<ChecklistUse> checklists, List<HelpPageUse> helpPages,
                 long configChecks, long diagnoses, long deflections) {
    }

    record AnswerUse(String key, long uses, long sends) {
    }

    /** A checklist, named by its category code, and how many of its items were ticked. */
    record ChecklistUse(String key, long ticks) {
    }

    /** A client help page, named by its URL slug, and how often it was viewed. */
    record HelpPageUse(String key, long views) {
    }

    /** How many tickets each ratio and percentile was computed over, so a reader can tell 1 of 2 from 50 of 100. */
    record Denominators(long firstReplied, long classified, long resolved) {
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
