package io.gatedesk.metrics;

import io.gatedesk.metrics.MetricsRepository.DayCategoryRow;
import io.gatedesk.metrics.MetricsRepository.FiledFigures;
import io.gatedesk.metrics.MetricsRepository.ReplyFigures;
import io.gatedesk.metrics.MetricsRepository.ResolutionFigures;
import io.gatedesk.metrics.MetricsRepository.Window;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static io.gatedesk.metrics.MetricsSql.filters;
import static io.gatedesk.metrics.MetricsSql.params;

/**
 * The ticket figures read from the rollup kept by {@link MetricsRollup}: every additive count from one pass over
 * {@code metrics_daily_category} (days × categories rows; {@code metrics_daily}, days × categories × clients × caller
 * types, when the report filters on a client or caller type) and the tickets unresolved now from the same rows; the
 * two percentiles from the wait histogram and {@code metrics_ticket_facts} ({@link WaitPercentiles}); the
 * still-running SLA clocks from the daily rows for days older than the longest target and an index of the facts for
 * the last few days; short-answer uses from {@code metrics_daily_answers} (from {@code metrics_answer_facts} with a
 * client or caller-type filter). Every number
 * equals {@link MetricsRepository}'s for the same rows ({@code MetricsRollupContract}).
 */
@Repository
class RollupMetricsRepository implements TicketFigures {

    private final NamedParameterJdbcTemplate jdbc;
    private final MetricsSql sql;
    private final WaitPercentiles percentiles;

    RollupMetricsRepository(NamedParameterJdbcTemplate jdbc, MetricsSql sql, WaitPercentiles percentiles) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.percentiles = percentiles;
    }

    @Override
    public Figures read(Window window, MetricsQuery query, Instant now) {
        DaySums sums = daySums(window, query);
        WaitPercentiles.Result firstReply = percentiles.of(WaitPercentiles.Wait.FIRST_RESPONSE, window, query);
        WaitPercentiles.Result resolution = percentiles.of(WaitPercentiles.Wait.RESOLUTION, window, query);
        MapSqlParameterSource params = params(window, query);
        long firstResponseRunning = running("first_response_at", sql.runningFirstResponseBreach(now, params),
                sql.longestFirstResponseTarget(), sums.firstResponseRunning, window, query, params, now);
        long resolutionRunning = running("resolved_at", sql.runningResolutionBreach(now, params),
                sql.longestResolutionTarget(), sums.resolutionRunning, window, query, params, now);
        return new Figures(sums.filedPerDay,
                new FiledFigures(sums.classified, sums.returning, sums.firstResponseBreaches + firstResponseRunning,
                        sums.resolutionBreaches + resolutionRunning),
                new ReplyFigures(sums.replied, firstReply.median(), firstReply.p90(), sums.library, sums.followUp),
                new ResolutionFigures(sums.resolved, resolution.median(), resolution.p90(), sums.oneTouch,
                        sums.reopened),
                unresolvedNow(query), sums.filedSince, sums.resolvedSince, answerUses(window, query));
    }

    /**
     * One pass over the daily rows from the window's first day on: the window's days give the counts, every day
     * from the first on (later ones too) gives the backlog's filed and resolved per day.
     */
    private DaySums daySums(Window window, MetricsQuery query) {
        MapSqlParameterSource params = days(window, query);
        LocalDate lastDay = window.end().atZone(window.zone()).toLocalDate().minusDays(1);
        DaySums sums = new DaySums();
        jdbc.query("SELECT t.local_day, t.category, SUM(t.filed), SUM(t.config), SUM(t.classified), "
                + "SUM(t.returning_customers), SUM(t.first_response_breaches), SUM(t.resolution_breaches), "
                + "SUM(t.replied), SUM(t.library_answered), SUM(t.follow_up), SUM(t.resolved), SUM(t.one_touch), "
                + "SUM(t.reopened), SUM(t.first_response_running), SUM(t.resolution_running) FROM " + dailyTable(query) + " t WHERE t.local_day >= :fromDay" + filters(query)
                + " GROUP BY t.local_day, t.category", params, rs -> {
                    LocalDate day = rs.getDate(1).toLocalDate();
                    long filed = rs.getLong(3);
                    long resolved = rs.getLong(12);
                    sums.filedSince.merge(day, filed, Long::sum);
                    sums.resolvedSince.merge(day, resolved, Long::sum);
                    if (day.isAfter(lastDay)) {
                        return;
                    }
                    if (filed > 0) {
                        sums.filedPerDay.add(new DayCategoryRow(day, rs.getString(2), filed, rs.getLong(4)));
                    }
                    sums.classified += rs.getLong(5);
                    sums.returning += rs.getLong(6);
                    sums.firstResponseBreaches += rs.getLong(7);
                    sums.resolutionBreaches += rs.getLong(8);
                    sums.replied += rs.getLong(9);
                    sums.library += rs.getLong(10);
                    sums.followUp += rs.getLong(11);
                    sums.resolved += resolved;
                    sums.oneTouch += rs.getLong(13);
                    sums.reopened += rs.getLong(14);
                    sums.firstResponseRunning.merge(day, rs.getLong(15), Long::sum);
                    sums.resolutionRunning.merge(day, rs.getLong(16), Long::sum);
                });
        return sums;
    }

    /**
     * Breaches of clocks still running, which depend on now. A clock started before {@code now − longest target} has
     * breached whatever its priority (among those with a target), so for the window's days wholly before the day of
     * that instant the count is the stored number of tickets filed that day whose clock still runs ({@code perDay},
     * from the daily rows, V47); only the days from it on (at most the longest target plus a day) are counted over
     * the facts, with each priority's own cut-off: an index-only range count (V42). Without any target nothing runs
     * late: the stored counts are 0 and the facts are asked for the whole window.
     */
    private long running(String stop, String breach, Duration longest, TreeMap<LocalDate, Long> perDay,
                         Window window, MetricsQuery query, MapSqlParameterSource params, Instant now) {
        LocalDate liveFromDay = longest == null ? window.start().atZone(window.zone()).toLocalDate()
                : now.minus(longest).atZone(window.zone()).toLocalDate();
        Instant liveFrom = liveFromDay.atStartOfDay(window.zone()).toInstant();
        if (liveFrom.isBefore(window.start())) {
            liveFrom = window.start();
        }
        long stored = perDay.headMap(liveFromDay, false).values().stream().mapToLong(Long::longValue).sum();
        if (!liveFrom.isBefore(window.end())) {
            return stored;
        }
        Long live = jdbc.queryForObject("SELECT COUNT(*) FROM metrics_ticket_facts t WHERE t." + stop
                + " IS NULL AND t.created_at >= :liveFrom AND t.created_at < :to AND " + breach + filters(query),
                new MapSqlParameterSource(params.getValues()).addValue("liveFrom", MetricsSql.timestamp(liveFrom)),
                Long.class);
        return stored + (live == null ? 0 : live);
    }

    /** Every ticket is filed once and resolved at most once, so what was never resolved is the difference. */
    private long unresolvedNow(MetricsQuery query) {
        Long unresolved = jdbc.queryForObject("SELECT SUM(t.filed) - SUM(t.resolved) FROM " + dailyTable(query)
                + " t WHERE 1 = 1" + filters(query), params(null, query), Long.class);
        return unresolved == null ? 0 : unresolved;
    }

    /** Without a client or caller-type filter, the daily rows already summed over both (≈ 25 times fewer). */
    private static String dailyTable(MetricsQuery query) {
        return query == null || (query.client() == null && query.callerType() == null)
                ? "metrics_daily_category" : "metrics_daily";
    }

    /**
     * Uses and sends per answer key: from the daily rows (V47) when the report filters on neither client nor caller
     * type, else from the facts.
     */
    private List<MetricsReport.AnswerUse> answerUses(Window window, MetricsQuery query) {
        if (dailyTable(query).equals("metrics_daily_category")) {
            return jdbc.query("SELECT t.answer_key AS answer_key, SUM(t.uses) AS uses, SUM(t.sends) AS sends "
                    + "FROM metrics_daily_answers t WHERE t.local_day >= :fromDay AND t.local_day <= :toDay"
                    + filters(query) + " GROUP BY t.answer_key ORDER BY SUM(t.uses) DESC, t.answer_key",
                    days(window, query), (rs, n) -> new MetricsReport.AnswerUse(rs.getString("answer_key"),
                            rs.getLong("uses"), rs.getLong("sends")));
        }
        String select = "SELECT t.answer_key AS answer_key, COUNT(*) AS uses, SUM(t.sent) AS sends "
                + "FROM metrics_answer_facts t WHERE t.used_at >= :from AND t.used_at < :to" + filters(query)
                + " GROUP BY t.answer_key ORDER BY COUNT(*) DESC, t.answer_key";
        return jdbc.query(select, params(window, query), (rs, n) -> new MetricsReport.AnswerUse(
                rs.getString("answer_key"), rs.getLong("uses"), rs.getLong("sends")));
    }

    /** The window as site-local days: the daily rows are cut by the same zone, so the two select the same tickets. */
    static MapSqlParameterSource days(Window window, MetricsQuery query) {
        return params(window, query).addValue("fromDay", window.start().atZone(window.zone()).toLocalDate())
                .addValue("toDay", window.end().atZone(window.zone()).toLocalDate().minusDays(1));
    }

    private static final class DaySums {
        final List<DayCategoryRow> filedPerDay = new ArrayList<>();
        final TreeMap<LocalDate, Long> filedSince = new TreeMap<>();
        final TreeMap<LocalDate, Long> resolvedSince = new TreeMap<>();
        /** Per day of the window: tickets filed that day whose clock still runs (priorities with a target only). */
        final TreeMap<LocalDate, Long> firstResponseRunning = new TreeMap<>();
        final TreeMap<LocalDate, Long> resolutionRunning = new TreeMap<>();
        long classified;
        long returning;
        long firstResponseBreaches;
        long resolutionBreaches;
        long replied;
        long library;
        long followUp;
        long resolved;
        long oneTouch;
        long reopened;
    }
}
