package io.gatedesk.metrics;

import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.SlaPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Read-only SQL aggregation over other features' tables (see package-info for why a reporting feature may). One SQL
 * text per figure serves H2 and PostgreSQL; only the site-local date of a timestamp is spelled per database, since
 * H2 converts {@code AT TIME ZONE} results back to the session zone when cast to a date.
 */
@Repository
class MetricsRepository {

    static final String REQUEST_MISSING_EVIDENCE = "request-missing-evidence";
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9_/+\\-:]+");

    private final NamedParameterJdbcTemplate jdbc;
    private final SlaPolicy sla;
    private final boolean postgres;
    private final int returningWindowDays;

    MetricsRepository(NamedParameterJdbcTemplate jdbc, DataSource dataSource, SlaPolicy sla,
                      @Value("${gatedesk.metrics.returning-window-days:14}") int returningWindowDays)
            throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.sla = sla;
        this.postgres = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                DatabaseMetaData::getDatabaseProductName));
        this.returningWindowDays = Math.max(1, returningWindowDays);
    }

    int returningWindowDays() {
        return returningWindowDays;
    }

    /** Tickets filed per site-local day and category, with how many of them count as configuration tickets. */
    List<DayCategoryRow> filedPerDayAndCategory(Window window, MetricsQuery query) {
        String day = localDay("t.created_at", window.zone());
        String sql = "SELECT " + day + " AS local_day, t.category AS category, COUNT(*) AS filed, "
                + "SUM(CASE WHEN t.category = 'WRONG_BASE_URL' OR EXISTS (SELECT 1 FROM deflection_episodes d "
                + "WHERE d.ticket_id = t.id AND d.last_ok = FALSE) THEN 1 ELSE 0 END) AS config "
                + "FROM tickets t WHERE t.created_at >= :from AND t.created_at < :to" + filters(query)
                + " GROUP BY " + day + ", t.category";
        return jdbc.query(sql, params(window, query), (rs, n) -> new DayCategoryRow(rs.getDate("local_day").toLocalDate(),
                rs.getString("category"), rs.getLong("filed"), rs.getLong("config")));
    }

    /** Over the tickets filed in the window: how many have a category, came back, breached an SLA clock. */
    FiledFigures filed(Window window, MetricsQuery query, Instant now) {
        String sql = "SELECT SUM(CASE WHEN t.category IS NOT NULL THEN 1 ELSE 0 END) AS classified, "
                + "SUM(CASE WHEN t.category IS NOT NULL AND EXISTS (SELECT 1 FROM tickets p "
                + "WHERE p.customer_email = t.customer_email AND p.category = t.category AND p.id <> t.id "
                + "AND p.created_at < t.created_at AND p.created_at >= t.created_at - INTERVAL '"
                + returningWindowDays + "' DAY) THEN 1 ELSE 0 END) AS returning_customers, "
                + "SUM(CASE WHEN " + seconds("COALESCE(t.first_response_at, :now)", "t.created_at") + " > "
                + targets(sla::firstResponseTarget) + " THEN 1 ELSE 0 END) AS first_response_breaches, "
                + "SUM(CASE WHEN " + seconds("COALESCE(t.resolved_at, :now)", "t.created_at") + " > "
                + targets(sla::resolutionTarget) + " THEN 1 ELSE 0 END) AS resolution_breaches "
                + "FROM tickets t WHERE t.created_at >= :from AND t.created_at < :to" + filters(query);
        MapSqlParameterSource params = params(window, query).addValue("now", timestamp(now));
        return jdbc.queryForObject(sql, params, (rs, n) -> new FiledFigures(rs.getLong("classified"),
                rs.getLong("returning_customers"), rs.getLong("first_response_breaches"),
                rs.getLong("resolution_breaches")));
    }

    /** Over the tickets whose first public staff reply falls in the window: reply time, library answers, follow-ups. */
    ReplyFigures firstReplies(Window window, MetricsQuery query) {
        String wait = seconds("t.first_response_at", "t.created_at");
        String sql = "SELECT COUNT(*) AS replied, "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + wait + ") AS median, "
                + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + wait + ") AS p90, "
                + "SUM(CASE WHEN EXISTS (SELECT 1 FROM answer_usage u WHERE u.ticket_id = t.id "
                + "AND u.used_at <= t.first_response_at) THEN 1 ELSE 0 END) AS library, "
                + "SUM(CASE WHEN EXISTS (SELECT 1 FROM answer_usage u JOIN answers a ON a.id = u.answer_id "
                + "WHERE u.ticket_id = t.id AND a.answer_key = '" + REQUEST_MISSING_EVIDENCE + "' "
                + "AND u.used_at > t.first_response_at) OR (SELECT COUNT(*) FROM ticket_events e "
                + "WHERE e.ticket_id = t.id AND e.action = 'STATUS_CHANGED' "
                + "AND e.detail LIKE '%WAITING_ON_CUSTOMER') >= 2 THEN 1 ELSE 0 END) AS follow_up "
                + "FROM tickets t WHERE t.first_response_at >= :from AND t.first_response_at < :to" + filters(query);
        return jdbc.queryForObject(sql, params(window, query), (rs, n) -> new ReplyFigures(rs.getLong("replied"),
                nullableDouble(rs, "median"), nullableDouble(rs, "p90"), rs.getLong("library"),
                rs.getLong("follow_up")));
    }

    /** Over the tickets resolved (or closed) in the window: resolution time, one-touch and reopened ones. */
    ResolutionFigures resolutions(Window window, MetricsQuery query) {
        String took = seconds("t.resolved_at", "t.created_at");
        String sql = "SELECT COUNT(*) AS resolved, "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + took + ") AS median, "
                + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + took + ") AS p90, "
                + "SUM(CASE WHEN (SELECT COUNT(*) FROM ticket_messages m WHERE m.ticket_id = t.id "
                + "AND m.author_type = 'STAFF' AND m.visibility = 'PUBLIC') = 1 THEN 1 ELSE 0 END) AS one_touch, "
                + "SUM(CASE WHEN EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id "
                + "AND e.action = 'REOPENED') THEN 1 ELSE 0 END) AS reopened "
                + "FROM tickets t WHERE t.resolved_at >= :from AND t.resolved_at < :to" + filters(query);
        return jdbc.queryForObject(sql, params(window, query), (rs, n) -> new ResolutionFigures(
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
        String day = localDay("t." + column, window.zone());
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
        String sql = "SELECT a.answer_key AS answer_key, COUNT(*) AS uses, "
                + "SUM(CASE WHEN EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = u.ticket_id "
                + "AND m.author_type = 'STAFF' AND m.visibility = 'PUBLIC' AND m.author_name = u.agent_name "
                + "AND m.created_at >= u.used_at) THEN 1 ELSE 0 END) AS sends "
                + "FROM answer_usage u JOIN answers a ON a.id = u.answer_id JOIN tickets t ON t.id = u.ticket_id "
                + "WHERE u.used_at >= :from AND u.used_at < :to" + filters(query)
                + " GROUP BY a.answer_key ORDER BY COUNT(*) DESC, a.answer_key";
        return jdbc.query(sql, params(window, query), (rs, n) -> new MetricsReport.AnswerUse(
                rs.getString("answer_key"), rs.getLong("uses"), rs.getLong("sends")));
    }

    /** Checklist items ticked (still ticked, last changed in the window), per checklist = category. */
    List<MetricsReport.ChecklistUse> checklistTicks(Window window, MetricsQuery query) {
        String sql = "SELECT c.category AS checklist, COUNT(*) AS ticks FROM ticket_checklist_items k "
                + "JOIN checklist_items c ON c.id = k.item_id JOIN tickets t ON t.id = k.ticket_id "
                + "WHERE k.done = TRUE AND k.changed_at >= :from AND k.changed_at < :to" + filters(query)
                + " GROUP BY c.category ORDER BY COUNT(*) DESC, c.category";
        return jdbc.query(sql, params(window, query), (rs, n) -> new MetricsReport.ChecklistUse(
                rs.getString("checklist"), rs.getLong("ticks")));
    }

    List<MetricsReport.HelpPageUse> helpPageViews(Window window) {
        String sql = "SELECT client, COUNT(*) AS views FROM help_page_views "
                + "WHERE viewed_at >= :from AND viewed_at < :to GROUP BY client ORDER BY COUNT(*) DESC, client";
        return jdbc.query(sql, params(window, null), (rs, n) -> new MetricsReport.HelpPageUse(
                rs.getString("client"), rs.getLong("views")));
    }

    /**
     * Self-service episodes started in the window: checks run per kind, and episodes deflected (a browser episode
     * whose deflection window has passed with no ticket filed in the same session).
     */
    SelfServiceFigures selfService(Window window, Instant now, Duration deflectionWindow) {
        String sql = "SELECT SUM(CASE WHEN kind = 'CONFIG_CHECK' THEN checks ELSE 0 END) AS config_checks, "
                + "SUM(CASE WHEN kind = 'DIAGNOSIS' THEN checks ELSE 0 END) AS diagnoses, "
                + "SUM(CASE WHEN channel <> 'API' AND ticket_filed_at IS NULL AND last_check_at < :settled "
                + "THEN 1 ELSE 0 END) AS deflected "
                + "FROM deflection_episodes WHERE started_at >= :from AND started_at < :to";
        MapSqlParameterSource params = params(window, null)
                .addValue("settled", timestamp(now.minus(deflectionWindow)));
        return jdbc.queryForObject(sql, params, (rs, n) -> new SelfServiceFigures(rs.getLong("config_checks"),
                rs.getLong("diagnoses"), rs.getLong("deflected")));
    }

    private String localDay(String column, ZoneId zone) {
        String id = zone.getId();
        if (!ZONE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Unusable time zone id " + id);
        }
        return postgres ? "CAST((" + column + " AT TIME ZONE '" + id + "') AS DATE)"
                : "CAST(FORMATDATETIME(" + column + ", 'yyyy-MM-dd', 'en', '" + id + "') AS DATE)";
    }

    private static String seconds(String later, String earlier) {
        return "(EXTRACT(EPOCH FROM " + later + ") - EXTRACT(EPOCH FROM " + earlier + "))";
    }

    /** The SLA target of the row's priority in seconds; a priority without a target can never breach. */
    private static String targets(Function<Priority, Duration> target) {
        StringBuilder sql = new StringBuilder("CASE t.priority");
        for (Priority priority : Priority.values()) {
            Duration due = target.apply(priority);
            sql.append(" WHEN '").append(priority.name()).append("' THEN ")
                    .append(due == null ? Long.MAX_VALUE / 2 : due.toSeconds());
        }
        return sql.append(" END").toString();
    }

    private static String filters(MetricsQuery query) {
        if (query == null) {
            return "";
        }
        StringBuilder sql = new StringBuilder();
        if ("none".equals(query.category())) {
            sql.append(" AND t.category IS NULL");
        } else if (query.category() != null) {
            sql.append(" AND t.category = :category");
        }
        if (query.client() != null) {
            sql.append(" AND t.client = :client");
        }
        if (query.callerType() != null) {
            sql.append(" AND t.caller_type = :callerType");
        }
        return sql.toString();
    }

    private static MapSqlParameterSource params(Window window, MetricsQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (window != null) {
            params.addValue("from", timestamp(window.start())).addValue("to", timestamp(window.end()));
        }
        if (query != null) {
            params.addValue("category", query.category()).addValue("client", query.client())
                    .addValue("callerType", query.callerType());
        }
        return params;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
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
