package io.gatedesk.metrics;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;

import static io.gatedesk.metrics.MetricsSql.filters;
import static io.gatedesk.metrics.MetricsSql.flag;
import static io.gatedesk.metrics.MetricsSql.nullableDouble;
import static io.gatedesk.metrics.MetricsSql.params;
import static io.gatedesk.metrics.MetricsSql.timestamp;

/**
 * The direct report: read-only SQL aggregation over other features' tables (see package-info for why a reporting
 * feature may), one probe per ticket. It is the definition the rollup ({@link RollupMetricsRepository}) must equal,
 * and it answers while the rollup is not built yet. The per-ticket conditions are spelled once in {@link MetricsSql}.
 */
@Repository
class MetricsRepository implements TicketFigures {

    static final String REQUEST_MISSING_EVIDENCE = MetricsSql.REQUEST_MISSING_EVIDENCE;

    private final NamedParameterJdbcTemplate jdbc;
    private final MetricsSql sql;

    MetricsRepository(NamedParameterJdbcTemplate jdbc, MetricsSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    int returningWindowDays() {
        return sql.returningWindowDays();
    }

    @Override
    public Figures read(Window window, MetricsQuery query, Instant now) {
        return new Figures(filedPerDayAndCategory(window, query), filed(window, query, now),
                firstReplies(window, query), resolutions(window, query), unresolvedNow(query),
                perDaySince("created_at", window, query), perDaySince("resolved_at", window, query),
                answerUses(window, query));
    }

    /** Tickets filed per site-local day and category, with how many of them count as configuration tickets. */
    List<DayCategoryRow> filedPerDayAndCategory(Window window, MetricsQuery query) {
        String day = sql.localDay("t.created_at", window.zone());
        String select = "SELECT " + day + " AS local_day, t.category AS category, COUNT(*) AS filed, "
                + "SUM(" + flag(MetricsSql.config()) + ") AS config "
                + "FROM tickets t WHERE t.created_at >= :from AND t.created_at < :to" + filters(query)
                + " GROUP BY " + day + ", t.category";
        return jdbc.query(select, params(window, query), (rs, n) -> new DayCategoryRow(rs.getDate("local_day").toLocalDate(),
                rs.getString("category"), rs.getLong("filed"), rs.getLong("config")));
    }

    /** Over the tickets filed in the window: how many have a category, came back, breached an SLA clock. */
    FiledFigures filed(Window window, MetricsQuery query, Instant now) {
        String select = "SELECT SUM(CASE WHEN t.category IS NOT NULL THEN 1 ELSE 0 END) AS classified, "
                + "SUM(" + flag(sql.returning()) + ") AS returning_customers, "
                + "SUM(" + flag(sql.firstResponseBreach("COALESCE(t.first_response_at, :now)"))
                + ") AS first_response_breaches, "
                + "SUM(" + flag(sql.resolutionBreach("COALESCE(t.resolved_at, :now)")) + ") AS resolution_breaches "
                + "FROM tickets t WHERE t.created_at >= :from AND t.created_at < :to" + filters(query);
        MapSqlParameterSource params = params(window, query).addValue("now", timestamp(now));
        return jdbc.queryForObject(select, params, (rs, n) -> new FiledFigures(rs.getLong("classified"),
                rs.getLong("returning_customers"), rs.getLong("first_response_breaches"),
                rs.getLong("resolution_breaches")));
    }

    /** Over the tickets whose first public staff reply falls in the window: reply time, library answers, follow-ups. */
    ReplyFigures firstReplies(Window window, MetricsQuery query) {
        String select = "SELECT COUNT(*) AS replied, " + percentiles("t.first_response_at") + ", "
                + "SUM(" + flag(MetricsSql.libraryAnswered()) + ") AS library, "
                + "SUM(" + flag(MetricsSql.followUp()) + ") AS follow_up "
                + "FROM tickets t WHERE t.first_response_at >= :from AND t.first_response_at < :to" + filters(query);
        return jdbc.queryForObject(select, params(window, query), (rs, n) -> new ReplyFigures(rs.getLong("replied"),
                nullableDouble(rs, "median"), nullableDouble(rs, "p90"), rs.getLong("library"),
                rs.getLong("follow_up")));
    }

    /** Over the tickets resolved (or closed) in the window: resolution time, one-touch and reopened ones. */
    ResolutionFigures resolutions(Window window, MetricsQuery query) {
        String select = "SELECT COUNT(*) AS resolved, " + percentiles("t.resolved_at") + ", "
                + "SUM(" + flag(MetricsSql.oneTouch()) + ") AS one_touch, "
                + "SUM(" + flag(MetricsSql.reopened()) + ") AS reopened "
                + "FROM tickets t WHERE t.resolved_at >= :from AND t.resolved_at < :to" + filters(query);
        return jdbc.queryForObject(select, params(window, query), (rs, n) -> new ResolutionFigures(
                rs.getLong("resolved"), nullableDouble(rs, "median"), nullableDouble(rs, "p90"),
                rs.getLong("one_touch"), rs.getLong("reopened")));
    }

    /** Tickets not resolved now: the backlog is walked back from here day by day (see docs/metrics.md). */
    long unresolvedNow(MetricsQuery query) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tickets t WHERE t.resolved_at IS NULL" + filters(query),
                params(null, query), Long.class);
    }

    /** Per site-local day from the window's start until now, tickets filed ({@code created_at}) or resolved. */
    TreeMap<LocalDate, Long> perDaySince(String column, Window window, MetricsQuery query) {
        if (!column.equals("created_at") && !column.equals("resolved_at")) {
            throw new IllegalArgumentException(column);
        }
        String day = sql.localDay("t." + column, window.zone());
        TreeMap<LocalDate, Long> counts = new TreeMap<>();
        jdbc.query("SELECT " + day + " AS local_day, COUNT(*) AS n FROM tickets t WHERE t." + column + " >= :from"
                        + filters(query) + " GROUP BY " + day, params(window, query),
                rs -> {
                    counts.put(rs.getDate("local_day").toLocalDate(), rs.getLong("n"));
                });
        return counts;
    }

    /** Inserts of each short answer (all languages of a key together) and how many were followed by a reply. */
    List<MetricsReport.AnswerUse> answerUses(Window window, MetricsQuery query) {
        String select = "SELECT a.answer_key AS answer_key, COUNT(*) AS uses, "
                + "SUM(" + flag(MetricsSql.sent()) + ") AS sends "
                + "FROM answer_usage u JOIN answers a ON a.id = u.answer_id JOIN tickets t ON t.id = u.ticket_id "
                + "WHERE u.used_at >= :from AND u.used_at < :to" + filters(query)
                + " GROUP BY a.answer_key ORDER BY COUNT(*) DESC, a.answer_key";
        return jdbc.query(select, params(window, query), (rs, n) -> new MetricsReport.AnswerUse(
                rs.getString("answer_key"), rs.getLong("uses"), rs.getLong("sends")));
    }

    /**
     * Self-service episodes started in the window: checks run per kind, and episodes deflected (a browser episode
     * whose deflection window has passed with no ticket filed in the same session).
     */
    SelfServiceFigures selfService(Window window, Instant now, Duration deflectionWindow) {
        String select = "SELECT SUM(CASE WHEN kind = 'CONFIG_CHECK' THEN checks ELSE 0 END) AS config_checks, "
                + "SUM(CASE WHEN kind = 'DIAGNOSIS' THEN checks ELSE 0 END) AS diagnoses, "
                + "SUM(CASE WHEN channel <> 'API' AND ticket_filed_at IS NULL AND last_check_at < :settled "
                + "THEN 1 ELSE 0 END) AS deflected "
                + "FROM deflection_episodes WHERE started_at >= :from AND started_at < :to";
        MapSqlParameterSource params = params(window, null)
                .addValue("settled", timestamp(now.minus(deflectionWindow)));
        return jdbc.queryForObject(select, params, (rs, n) -> new SelfServiceFigures(rs.getLong("config_checks"),
                rs.getLong("diagnoses"), rs.getLong("deflected")));
    }

    /**
     * Escalation rounds opened in the window on tickets that match the filters (a withdrawn one too: it was handed to
     * engineering), and incidents that started in the window and were confirmed (not a pending suggestion, not
     * dismissed, not merged into another), of the filter's category: incidents have no client or caller type.
     */
    HandoffFigures handoffs(Window window, MetricsQuery query) {
        MapSqlParameterSource params = params(window, query);
        Long escalations = jdbc.queryForObject("SELECT COUNT(*) FROM escalations e JOIN tickets t ON t.id = e.ticket_id "
                + "WHERE e.escalated_at >= :from AND e.escalated_at < :to" + filters(query), params, Long.class);
        MetricsQuery categoryOnly = query == null ? null
                : new MetricsQuery(query.from(), query.to(), query.granularity(), query.category(), null, null);
        Long incidents = jdbc.queryForObject("SELECT COUNT(*) FROM incidents t WHERE t.started_at >= :from "
                + "AND t.started_at < :to AND t.suggested = FALSE AND t.status NOT IN ('DISMISSED', 'MERGED')"
                + filters(categoryOnly), params, Long.class);
        return new HandoffFigures(escalations == null ? 0 : escalations, incidents == null ? 0 : incidents);
    }

    record HandoffFigures(long escalations, long incidents) {
    }

    /** Median and p90 of the wall time from filing to {@code stoppedAt}: PERCENTILE_CONT on both databases. */
    static String percentiles(String stoppedAt) {
        String wait = MetricsSql.seconds(stoppedAt, "t.created_at");
        return "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + wait + ") AS median, "
                + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + wait + ") AS p90";
    }

    /** The instants a report covers: from the start of its first day to the start of the day after its last. */
    record Window(ZoneId zone, Instant start, Instant end) {

        static Window of(LocalDate from, LocalDate to, ZoneId zone) {
            return new Window(zone, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    record DayCategoryRow(LocalDate day, String category, long filed, long config) {
    }

    record FiledFigures(long classified, long returning, long firstResponseBreaches, long resolutionBreaches) {
    }

    record ReplyFigures(long replied, Double median, Double p90, long libraryAnswered, long followUp) {
    }

    record ResolutionFigures(long resolved, Double median, Double p90, long oneTouch, long reopened) {
    }

    record SelfServiceFigures(long configChecks, long diagnoses, long deflections) {
    }
}
