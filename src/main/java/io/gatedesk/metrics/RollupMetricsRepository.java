package io.gatedesk.metrics;

import io.gatedesk.metrics.MetricsRepository.DayCategoryRow;
import io.gatedesk.metrics.MetricsRepository.FiledFigures;
import io.gatedesk.metrics.MetricsRepository.ReplyFigures;
import io.gatedesk.metrics.MetricsRepository.ResolutionFigures;
import io.gatedesk.metrics.MetricsRepository.Window;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import static io.gatedesk.metrics.MetricsSql.filters;
import static io.gatedesk.metrics.MetricsSql.flag;
import static io.gatedesk.metrics.MetricsSql.nullableDouble;
import static io.gatedesk.metrics.MetricsSql.params;
import static io.gatedesk.metrics.MetricsSql.timestamp;

/**
 * The ticket figures read from the rollup kept by {@link MetricsRollup}: additive counts summed from
 * {@code metrics_daily} (at most days × categories × clients × caller types rows), the two percentiles and the
 * still-running SLA clocks from {@code metrics_ticket_facts} (no probes into other tables), short-answer uses from
 * {@code metrics_answer_facts}. Every number equals {@link MetricsRepository}'s for the same rows
 * ({@code MetricsRollupContract}).
 */
@Repository
class RollupMetricsRepository implements TicketFigures {

    private static final String DAYS = "metrics_daily t WHERE t.local_day >= :fromDay AND t.local_day <= :toDay";

    private final NamedParameterJdbcTemplate jdbc;
    private final MetricsSql sql;

    RollupMetricsRepository(NamedParameterJdbcTemplate jdbc, MetricsSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    @Override
    public List<DayCategoryRow> filedPerDayAndCategory(Window window, MetricsQuery query) {
        String select = "SELECT t.local_day AS local_day, t.category AS category, SUM(t.filed) AS filed, "
                + "SUM(t.config) AS config FROM " + DAYS + filters(query)
                + " GROUP BY t.local_day, t.category HAVING SUM(t.filed) > 0";
        return jdbc.query(select, days(window, query), (rs, n) -> new DayCategoryRow(
                rs.getDate("local_day").toLocalDate(), rs.getString("category"), rs.getLong("filed"),
                rs.getLong("config")));
    }

    /** Stopped clocks from the daily rows; clocks still running depend on now, so they are counted here. */
    @Override
    public FiledFigures filed(Window window, MetricsQuery query, Instant now) {
        String stopped = "SELECT SUM(t.classified) AS classified, SUM(t.returning_customers) AS returning_customers, "
                + "SUM(t.first_response_breaches) AS first_response_breaches, "
                + "SUM(t.resolution_breaches) AS resolution_breaches FROM " + DAYS + filters(query);
        FiledFigures counted = jdbc.queryForObject(stopped, days(window, query), (rs, n) -> new FiledFigures(
                rs.getLong("classified"), rs.getLong("returning_customers"), rs.getLong("first_response_breaches"),
                rs.getLong("resolution_breaches")));
        MapSqlParameterSource params = params(window, query).addValue("now", timestamp(now));
        long firstResponse = running("first_response_at", sql.firstResponseBreach("COALESCE(t.first_response_at, :now)"),
                query, params);
        long resolution = running("resolved_at", sql.resolutionBreach("COALESCE(t.resolved_at, :now)"), query, params);
        return new FiledFigures(counted.classified(), counted.returning(),
                counted.firstResponseBreaches() + firstResponse, counted.resolutionBreaches() + resolution);
    }

    private long running(String stop, String breach, MetricsQuery query, MapSqlParameterSource params) {
        Long breaches = jdbc.queryForObject("SELECT SUM(" + flag(breach) + ") FROM metrics_ticket_facts t WHERE t."
                + stop + " IS NULL AND t.created_at >= :from AND t.created_at < :to" + filters(query), params,
                Long.class);
        return breaches == null ? 0 : breaches;
    }

    @Override
    public ReplyFigures firstReplies(Window window, MetricsQuery query) {
        Percentiles waits = percentiles("first_response_at", window, query);
        return jdbc.queryForObject("SELECT SUM(t.replied) AS replied, SUM(t.library_answered) AS library, "
                        + "SUM(t.follow_up) AS follow_up FROM " + DAYS + filters(query), days(window, query),
                (rs, n) -> new ReplyFigures(rs.getLong("replied"), waits.median(), waits.p90(),
                        rs.getLong("library"), rs.getLong("follow_up")));
    }

    @Override
    public ResolutionFigures resolutions(Window window, MetricsQuery query) {
        Percentiles took = percentiles("resolved_at", window, query);
        return jdbc.queryForObject("SELECT SUM(t.resolved) AS resolved, SUM(t.one_touch) AS one_touch, "
                        + "SUM(t.reopened) AS reopened FROM " + DAYS + filters(query), days(window, query),
                (rs, n) -> new ResolutionFigures(rs.getLong("resolved"), took.median(), took.p90(),
                        rs.getLong("one_touch"), rs.getLong("reopened")));
    }

    /** Over the stored instants themselves, with the direct report's own PERCENTILE_CONT expression. */
    private Percentiles percentiles(String stoppedAt, Window window, MetricsQuery query) {
        return jdbc.queryForObject("SELECT " + MetricsRepository.percentiles("t." + stoppedAt)
                        + " FROM metrics_ticket_facts t WHERE t." + stoppedAt + " >= :from AND t." + stoppedAt
                        + " < :to" + filters(query), params(window, query),
                (rs, n) -> new Percentiles(nullableDouble(rs, "median"), nullableDouble(rs, "p90")));
    }

    /** Every ticket is filed once and resolved at most once, so what was never resolved is the difference. */
    @Override
    public long unresolvedNow(MetricsQuery query) {
        Long unresolved = jdbc.queryForObject("SELECT SUM(t.filed) - SUM(t.resolved) FROM metrics_daily t WHERE 1 = 1"
                + filters(query), params(null, query), Long.class);
        return unresolved == null ? 0 : unresolved;
    }

    @Override
    public TreeMap<LocalDate, Long> perDaySince(String column, Window window, MetricsQuery query) {
        String counted = switch (column) {
            case "created_at" -> "t.filed";
            case "resolved_at" -> "t.resolved";
            default -> throw new IllegalArgumentException(column);
        };
        TreeMap<LocalDate, Long> counts = new TreeMap<>();
        jdbc.query("SELECT t.local_day AS local_day, SUM(" + counted + ") AS n FROM metrics_daily t WHERE t.local_day >= :fromDay"
                + filters(query) + " GROUP BY t.local_day", days(window, query), rs -> {
                    counts.put(rs.getDate("local_day").toLocalDate(), rs.getLong("n"));
                });
        return counts;
    }

    @Override
    public List<MetricsReport.AnswerUse> answerUses(Window window, MetricsQuery query) {
        String select = "SELECT t.answer_key AS answer_key, COUNT(*) AS uses, SUM(t.sent) AS sends "
                + "FROM metrics_answer_facts t WHERE t.used_at >= :from AND t.used_at < :to" + filters(query)
                + " GROUP BY t.answer_key ORDER BY COUNT(*) DESC, t.answer_key";
        return jdbc.query(select, params(window, query), (rs, n) -> new MetricsReport.AnswerUse(
                rs.getString("answer_key"), rs.getLong("uses"), rs.getLong("sends")));
    }

    /** The window as site-local days: the daily rows are cut by the same zone, so the two select the same tickets. */
    private static MapSqlParameterSource days(Window window, MetricsQuery query) {
        return params(window, query).addValue("fromDay", window.start().atZone(window.zone()).toLocalDate())
                .addValue("toDay", window.end().atZone(window.zone()).toLocalDate().minusDays(1));
    }

    private record Percentiles(Double median, Double p90) {
    }
}
