package io.gatedesk.metrics;

import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.SlaPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The SQL spelling of every per-ticket definition in docs/metrics.md, shared by the direct report
 * ({@link MetricsRepository}) and the rollup ({@link MetricsRollup}, {@link RollupMetricsRepository}), so the two
 * cannot drift apart: each fragment reads a ticket aliased {@code t}.
 */
@Component
class MetricsSql {

    static final String REQUEST_MISSING_EVIDENCE = "request-missing-evidence";
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9_/+\\-:]+");

    private final SlaPolicy sla;
    private final boolean postgres;
    private final int returningWindowDays;

    MetricsSql(DataSource dataSource, SlaPolicy sla,
               @Value("${gatedesk.metrics.returning-window-days:14}") int returningWindowDays)
            throws MetaDataAccessException {
        this.sla = sla;
        this.postgres = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                DatabaseMetaData::getDatabaseProductName));
        this.returningWindowDays = Math.max(1, returningWindowDays);
    }

    int returningWindowDays() {
        return returningWindowDays;
    }

    boolean postgres() {
        return postgres;
    }

    /**
     * Buckets per factor e of the wait histogram: a bucket spans a factor of e^(1/8) ≈ 1.13, so a year's wait lands
     * in bucket ~138 and the bucket that holds a percentile holds a few per cent of the window's tickets.
     */
    static final int WAIT_BUCKETS_PER_E = 32;

    /**
     * The histogram bucket of the wall time from filing to {@code stoppedAt} (NULL while the clock runs):
     * {@code floor(ln(1 + seconds) × 8)}, non-decreasing in the wait, so every wait of a bucket sorts before every
     * wait of the next one — all that {@link WaitPercentiles} relies on (the bucket is stored, never recomputed).
     */
    static String waitBucket(String stoppedAt) {
        return "CASE WHEN " + stoppedAt + " IS NULL THEN NULL ELSE CAST(FLOOR(LN(1 + GREATEST(0, "
                + seconds(stoppedAt, "t.created_at") + ")) * " + WAIT_BUCKETS_PER_E + ") AS SMALLINT) END";
    }

    /** Everything a stored rollup row depends on besides the tickets: when it changes, the rollup is rebuilt. */
    String definitions(ZoneId zone) {
        return "v3;zone=" + zone.getId() + ";returning=" + returningWindowDays + ";firstResponse="
                + targets(sla::firstResponseTarget) + ";resolution=" + targets(sla::resolutionTarget);
    }

    /** WRONG_BASE_URL, or filed after a self-service check whose last result found a problem. */
    static String config() {
        return "(t.category = 'WRONG_BASE_URL' OR EXISTS (SELECT 1 FROM deflection_episodes d "
                + "WHERE d.ticket_id = t.id AND d.last_ok = FALSE))";
    }

    /** Classified, and the same customer filed a ticket of the same category in the previous N days. */
    String returning() {
        return "(t.category IS NOT NULL AND EXISTS (SELECT 1 FROM tickets p "
                + "WHERE p.customer_email = t.customer_email AND p.category = t.category AND p.id <> t.id "
                + "AND p.created_at < t.created_at AND p.created_at >= t.created_at - INTERVAL '"
                + returningWindowDays + "' DAY))";
    }

    static String libraryAnswered() {
        return "EXISTS (SELECT 1 FROM answer_usage u WHERE u.ticket_id = t.id AND u.used_at <= t.first_response_at)";
    }

    static String followUp() {
        return "(EXISTS (SELECT 1 FROM answer_usage u JOIN answers a ON a.id = u.answer_id "
                + "WHERE u.ticket_id = t.id AND a.answer_key = '" + REQUEST_MISSING_EVIDENCE + "' "
                + "AND u.used_at > t.first_response_at) OR (SELECT COUNT(*) FROM ticket_events e "
                + "WHERE e.ticket_id = t.id AND e.action = 'STATUS_CHANGED' "
                + "AND e.detail LIKE '%WAITING_ON_CUSTOMER') >= 2)";
    }

    static String oneTouch() {
        return "(SELECT COUNT(*) FROM ticket_messages m WHERE m.ticket_id = t.id "
                + "AND m.author_type = 'STAFF' AND m.visibility = 'PUBLIC') = 1";
    }

    static String reopened() {
        return "EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'REOPENED')";
    }

    /** A short-answer insertion {@code u} followed by a public reply of the same agent on its ticket. */
    static String sent() {
        return "EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = u.ticket_id "
                + "AND m.author_type = 'STAFF' AND m.visibility = 'PUBLIC' AND m.author_name = u.agent_name "
                + "AND m.created_at >= u.used_at)";
    }

    /** The first-response clock ran (or runs, till {@code stoppedAt}) past the priority's target. */
    String firstResponseBreach(String stoppedAt) {
        return seconds(stoppedAt, "t.created_at") + " > " + targets(sla::firstResponseTarget);
    }

    String resolutionBreach(String stoppedAt) {
        return seconds(stoppedAt, "t.created_at") + " > " + targets(sla::resolutionTarget);
    }

    /**
     * {@link #firstResponseBreach} of a clock still running at {@code now}, spelled without arithmetic per row:
     * {@code seconds(now, created_at) > target} is exactly {@code created_at < now − target}, one cut-off per priority
     * bound into {@code params}. A priority without a target has no cut-off (NULL: never a breach).
     */
    String runningFirstResponseBreach(Instant now, MapSqlParameterSource params) {
        return "t.created_at < " + cutoffs("firstResponseCut", sla::firstResponseTarget, now, params);
    }

    String runningResolutionBreach(Instant now, MapSqlParameterSource params) {
        return "t.created_at < " + cutoffs("resolutionCut", sla::resolutionTarget, now, params);
    }

    /** Whether the row's priority has a first-response target: only then can its running clock breach. */
    String hasFirstResponseTarget() {
        return hasTarget(sla::firstResponseTarget);
    }

    String hasResolutionTarget() {
        return hasTarget(sla::resolutionTarget);
    }

    /**
     * The longest first-response target of any priority, or {@code null} when no priority has one: a clock that has
     * run longer than this has breached, whatever its priority (among those with a target).
     */
    Duration longestFirstResponseTarget() {
        return longest(sla::firstResponseTarget);
    }

    Duration longestResolutionTarget() {
        return longest(sla::resolutionTarget);
    }

    private static String hasTarget(Function<Priority, Duration> target) {
        String withTarget = java.util.Arrays.stream(Priority.values()).filter(p -> target.apply(p) != null)
                .map(p -> "'" + p.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        return withTarget.isEmpty() ? "1 = 0" : "t.priority IN (" + withTarget + ")";
    }

    private static Duration longest(Function<Priority, Duration> target) {
        return java.util.Arrays.stream(Priority.values()).map(target).filter(java.util.Objects::nonNull)
                .max(Duration::compareTo).orElse(null);
    }

    private static String cutoffs(String name, Function<Priority, Duration> target, Instant now,
                                  MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("CASE t.priority");
        for (Priority priority : Priority.values()) {
            Duration due = target.apply(priority);
            if (due != null) {
                String parameter = name + priority.name();
                sql.append(" WHEN '").append(priority.name()).append("' THEN :").append(parameter);
                params.addValue(parameter, timestamp(now.minusSeconds(due.toSeconds())));
            }
        }
        return sql.append(" END").toString();
    }

    static String flag(String condition) {
        return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
    }

    String localDay(String column, ZoneId zone) {
        String id = zone.getId();
        if (!ZONE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Unusable time zone id " + id);
        }
        return postgres ? "CAST((" + column + " AT TIME ZONE '" + id + "') AS DATE)"
                : "CAST(FORMATDATETIME(" + column + ", 'yyyy-MM-dd', 'en', '" + id + "') AS DATE)";
    }

    static String seconds(String later, String earlier) {
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

    static boolean filtered(MetricsQuery query) {
        return query != null && (query.category() != null || query.client() != null || query.callerType() != null);
    }

    /** The report's ticket filters, on whichever table is aliased {@code t} and has the three columns. */
    static String filters(MetricsQuery query) {
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

    static MapSqlParameterSource params(MetricsRepository.Window window, MetricsQuery query) {
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

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
