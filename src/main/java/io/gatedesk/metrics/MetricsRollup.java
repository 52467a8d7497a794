package io.gatedesk.metrics;

import io.gatedesk.triage.TicketClassified;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import static io.gatedesk.metrics.MetricsSql.flag;
import static io.gatedesk.metrics.MetricsSql.timestamp;

/**
 * Keeps the metrics rollup ({@code metrics_ticket_facts}, {@code metrics_answer_facts}, {@code metrics_daily}, V27;
 * {@code metrics_daily_waits}, V42; {@code metrics_daily_answers}, V47)
 * equal to what the direct report computes. A pass reprocesses only the tickets touched since the watermark: their
 * {@code updated_at}, a message, an event, a short-answer use or a self-service episode moved; plus the later
 * tickets of the same customer within the returning window (their "returning" flag may change with it). Each
 * touched ticket's facts are recomputed with {@link MetricsSql}'s definitions, then every day any of them counts on
 * (before and after) is recomputed as a whole from the facts. Passes read back {@code overlap} before the
 * watermark, so a transaction that committed late is still seen; recomputing is idempotent.
 *
 * <p>Writes that move nothing the watermark sees (triage's category update, rows written with past timestamps)
 * are caught by the reconciliation, which compares every ticket's filter columns and timestamps with its facts
 * every {@code reconcile-interval}. A full rebuild runs when the rollup was never built or was built with other
 * definitions (site time zone, returning window, SLA targets, {@link MetricsSql#definitions}).
 *
 * <p>One pass at a time: a lock in this JVM and a lease row ({@code metrics_rollup_state}) taken with a
 * conditional UPDATE, which behaves the same on H2 and PostgreSQL, for the other nodes.
 */
@Component
class MetricsRollup {

    private static final Logger log = LoggerFactory.getLogger(MetricsRollup.class);
    private static final int CHUNK = 500;
    private static final String FACT_COLUMNS = "ticket_id, created_at, first_response_at, resolved_at, created_day, "
            + "first_response_day, resolved_day, category, client, caller_type, priority, config, returning_customer, "
            + "library_answered, follow_up, one_touch, reopened, first_response_breach, resolution_breach, "
            + "first_response_bucket, resolution_bucket";
    private static final String ANSWER_FACT_COLUMNS = "usage_id, ticket_id, used_at, used_day, answer_key, sent, "
            + "category, client, caller_type";
    /** The counts of a day's row, in {@code metrics_daily} and in its narrower copy {@code metrics_daily_category}. */
    private static final List<String> DAILY_COUNTS = List.of("filed", "config", "classified", "returning_customers",
            "first_response_breaches", "resolution_breaches", "replied", "library_answered", "follow_up", "resolved",
            "one_touch", "reopened", "first_response_running", "resolution_running");
    private static final String DAILY_COLUMNS = "local_day, category, client, caller_type, "
            + String.join(", ", DAILY_COUNTS);
    private static final String DAILY_SUMS = DAILY_COUNTS.stream().map(count -> "SUM(" + count + ")")
            .collect(Collectors.joining(", "));

    private final NamedParameterJdbcTemplate jdbc;
    private final MetricsSql sql;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate ownTransaction;
    private final Duration overlap;
    private final Duration refreshInterval;
    private final Duration reconcileInterval;
    private final Duration lease;
    private final String node = UUID.randomUUID().toString();
    private final ReentrantLock running = new ReentrantLock();
    private volatile Instant lastReconcile = Instant.MIN;

    MetricsRollup(NamedParameterJdbcTemplate jdbc, MetricsSql sql, Clock clock, PlatformTransactionManager transactions,
                  @Value("${gatedesk.site.time-zone:UTC}") String zone,
                  @Value("${gatedesk.metrics.rollup.overlap:30s}") Duration overlap,
                  @Value("${gatedesk.metrics.rollup.refresh-interval:5s}") Duration refreshInterval,
                  @Value("${gatedesk.metrics.rollup.reconcile-interval:15m}") Duration reconcileInterval,
                  @Value("${gatedesk.metrics.rollup.lease:15m}") Duration lease) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.overlap = overlap;
        this.refreshInterval = refreshInterval;
        this.reconcileInterval = reconcileInterval;
        this.lease = lease;
    }

    /** How old the figures can be: a pass every refresh interval; triage's categories at the next reconciliation. */
    Freshness freshness() {
        // A committed classification is noted for the next pass, so it is as fresh as everything else.
        return new Freshness(refreshInterval.toSeconds(), refreshInterval.toSeconds());
    }

    record Freshness(long seconds, long categorySeconds) {
    }

    /**
     * Triage stores a category without touching the ticket's {@code updated_at}, so the watermark cannot see it; once
     * the category is committed the ticket is noted in {@code metrics_reclassified}, and the next pass, on any node,
     * reprocesses it. The reconciliation stays as the safety net for writes nobody announced.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void classified(TicketClassified classified) {
        try {
            write("INSERT INTO metrics_reclassified (ticket_id) SELECT :id WHERE NOT EXISTS "
                    + "(SELECT 1 FROM metrics_reclassified WHERE ticket_id = :id)",
                    new MapSqlParameterSource("id", classified.ticketId()));
        } catch (DataAccessException noted) {
            // Noted at the same moment by another classification of the ticket, or the database is away: the
            // reconciliation catches what this misses.
            log.debug("Could not note ticket {} for the metrics rollup: {}", classified.ticketId(), noted.toString());
        }
    }

    /** Built, with the definitions in force now: the report may read it. */
    boolean isCurrent() {
        List<Map<String, Object>> state = jdbc.queryForList(
                "SELECT definitions FROM metrics_rollup_state WHERE id = 1 AND watermark IS NOT NULL", Map.of());
        return !state.isEmpty() && sql.definitions(zone).equals(state.get(0).get("definitions"));
    }

    @Scheduled(fixedDelayString = "${gatedesk.metrics.rollup.refresh-interval:5s}",
            initialDelayString = "${gatedesk.metrics.rollup.initial-delay:5s}")
    @SchedulerLock(name = "metrics-rollup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    void refresh() {
        try {
            pass(Duration.between(lastReconcile, clock.instant()).compareTo(reconcileInterval) >= 0, false);
        } catch (RuntimeException e) {
            log.warn("Metrics rollup refresh failed; the report reads the last complete pass", e);
        }
    }

    /** Rebuilds every row from the tickets (after a definition change, or rows written behind the watermark's back). */
    void rebuild() {
        try {
            if (!running.tryLock(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Another metrics rollup pass is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            Instant deadline = clock.instant().plus(Duration.ofMinutes(2));
            while (!takeLease()) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("Another node holds the metrics rollup lease");
                }
                Thread.onSpinWait();
            }
            try {
                run(false, true);
            } finally {
                releaseLease();
            }
        } finally {
            running.unlock();
        }
    }

    /** One pass if nobody else is running one; returns whether it ran. */
    boolean pass(boolean reconcile, boolean rebuild) {
        if (!running.tryLock()) {
            return false;
        }
        try {
            if (!takeLease()) {
                return false;
            }
            try {
                run(reconcile, rebuild);
                return true;
            } finally {
                releaseLease();
            }
        } finally {
            running.unlock();
        }
    }

    private void run(boolean reconcile, boolean rebuild) {
        Instant now = clock.instant();
        ownTransaction.executeWithoutResult(status -> {
            Map<String, Object> state = jdbc.queryForMap(
                    "SELECT watermark, definitions FROM metrics_rollup_state WHERE id = 1", Map.of());
            String definitions = sql.definitions(zone);
            Object watermark = state.get("watermark");
            if (rebuild || watermark == null || !definitions.equals(state.get("definitions"))) {
                long started = System.nanoTime();
                rebuildAll();
                log.info("Metrics rollup rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
            } else {
                Instant since = instant(watermark).minus(overlap);
                Set<Long> touched = new LinkedHashSet<>(touchedSince(since));
                List<Long> noted = jdbc.queryForList("SELECT ticket_id FROM metrics_reclassified", Map.of(), Long.class);
                touched.addAll(noted);
                for (List<Long> part : chunks(noted)) {
                    write("DELETE FROM metrics_reclassified WHERE ticket_id IN (:ids)",
                            new MapSqlParameterSource("ids", part));
                }
                if (reconcile) {
                    touched.addAll(drifted());
                }
                reprocess(touched);
            }
            write("UPDATE metrics_rollup_state SET watermark = :now, definitions = :definitions WHERE id = 1",
                    new MapSqlParameterSource("now", timestamp(now)).addValue("definitions", definitions));
        });
        if (reconcile || rebuild) {
            lastReconcile = now;
        }
    }

    /** Recomputes the facts of these tickets (and of the customers' later tickets), then every day they count on. */
    void reprocess(Set<Long> tickets) {
        List<Long> all = new ArrayList<>(tickets);
        Set<LocalDate> days = new HashSet<>();
        Set<Long> done = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Set<Long> ids = new LinkedHashSet<>(chunk);
            ids.addAll(laterOfSameCustomer(chunk));
            ids.removeAll(done);
            done.addAll(ids);
            for (List<Long> part : chunks(new ArrayList<>(ids))) {
                MapSqlParameterSource params = new MapSqlParameterSource("ids", part);
                days.addAll(daysOf(params));
                write("DELETE FROM metrics_ticket_facts WHERE ticket_id IN (:ids)", params);
                write("INSERT INTO metrics_ticket_facts (" + FACT_COLUMNS + ") " + factsSelect()
                        + " WHERE t.id IN (:ids)", params);
                write("DELETE FROM metrics_answer_facts WHERE ticket_id IN (:ids)", params);
                write("INSERT INTO metrics_answer_facts (" + ANSWER_FACT_COLUMNS + ") " + answerFactsSelect()
                        + " WHERE u.ticket_id IN (:ids)", params);
                days.addAll(daysOf(params));
            }
        }
        List<LocalDate> changedDays = new ArrayList<>(days);
        for (int from = 0; from < changedDays.size(); from += CHUNK) {
            MapSqlParameterSource params = new MapSqlParameterSource("days",
                    changedDays.subList(from, Math.min(changedDays.size(), from + CHUNK)));
            write("DELETE FROM metrics_daily WHERE local_day IN (:days)", params);
            insertDaily(" IN (:days)", params);
            write("DELETE FROM metrics_daily_category WHERE local_day IN (:days)", params);
            insertDailyPerCategory(" IN (:days)", params);
            write("DELETE FROM metrics_daily_waits WHERE local_day IN (:days)", params);
            insertWaits(" IN (:days)", params);
            write("DELETE FROM metrics_daily_answers WHERE local_day IN (:days)", params);
            insertDailyAnswers(" IN (:days)", params);
        }
    }

    private void rebuildAll() {
        MapSqlParameterSource none = new MapSqlParameterSource();
        write("DELETE FROM metrics_daily", none);
        write("DELETE FROM metrics_daily_category", none);
        write("DELETE FROM metrics_daily_waits", none);
        write("DELETE FROM metrics_daily_answers", none);
        write("DELETE FROM metrics_answer_facts", none);
        write("DELETE FROM metrics_ticket_facts", none);
        write("INSERT INTO metrics_ticket_facts (" + FACT_COLUMNS + ") " + factsSelect(), none);
        write("INSERT INTO metrics_answer_facts (" + ANSWER_FACT_COLUMNS + ") " + answerFactsSelect(), none);
        insertDaily(" IS NOT NULL", none);
        insertDailyPerCategory(" IS NOT NULL", none);
        insertWaits(" IS NOT NULL", none);
        insertDailyAnswers(" IS NOT NULL", none);
    }

    /** The facts of tickets {@code t}, each column with the direct report's definition (see {@link MetricsSql}). */
    private String factsSelect() {
        return "SELECT t.id, t.created_at, t.first_response_at, t.resolved_at, "
                + sql.localDay("t.created_at", zone) + ", " + sql.localDay("t.first_response_at", zone) + ", "
                + sql.localDay("t.resolved_at", zone) + ", t.category, t.client, t.caller_type, t.priority, "
                + flag(MetricsSql.config()) + ", " + flag(sql.returning()) + ", "
                + flag(MetricsSql.libraryAnswered()) + ", " + flag(MetricsSql.followUp()) + ", "
                + flag(MetricsSql.oneTouch()) + ", " + flag(MetricsSql.reopened()) + ", "
                + flag("t.first_response_at IS NOT NULL AND " + sql.firstResponseBreach("t.first_response_at")) + ", "
                + flag("t.resolved_at IS NOT NULL AND " + sql.resolutionBreach("t.resolved_at")) + ", "
                + MetricsSql.waitBucket("t.first_response_at") + ", " + MetricsSql.waitBucket("t.resolved_at")
                + " FROM tickets t";
    }

    private String answerFactsSelect() {
        return "SELECT u.id, u.ticket_id, u.used_at, " + sql.localDay("u.used_at", zone) + ", a.answer_key, " + flag(MetricsSql.sent())
                + ", t.category, t.client, t.caller_type FROM answer_usage u JOIN answers a ON a.id = u.answer_id "
                + "JOIN tickets t ON t.id = u.ticket_id";
    }

    /**
     * A ticket counts on the day it was filed, first replied and resolved: three groupings summed into one row per
     * day and filter values, so a report sums as few rows as possible.
     */
    private void insertDaily(String days, MapSqlParameterSource params) {
        String filed = "SELECT t.created_day AS local_day, t.category, t.client, t.caller_type, 1 AS filed, "
                + "t.config AS config, CASE WHEN t.category IS NOT NULL THEN 1 ELSE 0 END AS classified, "
                + "t.returning_customer AS returning_customers, t.first_response_breach AS first_response_breaches, "
                + "t.resolution_breach AS resolution_breaches, 0 AS replied, 0 AS library_answered, 0 AS follow_up, "
                + "0 AS resolved, 0 AS one_touch, 0 AS reopened, "
                + flag("t.first_response_at IS NULL AND " + sql.hasFirstResponseTarget()) + " AS first_response_running, "
                + flag("t.resolved_at IS NULL AND " + sql.hasResolutionTarget()) + " AS resolution_running "
                + "FROM metrics_ticket_facts t WHERE t.created_day" + days;
        String replied = "SELECT t.first_response_day, t.category, t.client, t.caller_type, 0, 0, 0, 0, 0, 0, 1, "
                + "t.library_answered, t.follow_up, 0, 0, 0, 0, 0 FROM metrics_ticket_facts t "
                + "WHERE t.first_response_day" + days;
        String resolved = "SELECT t.resolved_day, t.category, t.client, t.caller_type, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, "
                + "t.one_touch, t.reopened, 0, 0 FROM metrics_ticket_facts t WHERE t.resolved_day" + days;
        write("INSERT INTO metrics_daily (" + DAILY_COLUMNS + ") SELECT local_day, category, client, caller_type, "
                + DAILY_SUMS + " FROM (" + filed + " UNION ALL " + replied + " UNION ALL " + resolved
                + ") x GROUP BY local_day, category, client, caller_type", params);
    }

    /** The daily rows summed over client and caller type, for reports that filter on neither. */
    private void insertDailyPerCategory(String days, MapSqlParameterSource params) {
        write("INSERT INTO metrics_daily_category (local_day, category, " + String.join(", ", DAILY_COUNTS)
                + ") SELECT local_day, category, " + DAILY_SUMS + " FROM metrics_daily WHERE local_day" + days
                + " GROUP BY local_day, category", params);
    }

    /** Short-answer uses and sends per day of use, category and answer key, for reports without other filters. */
    private void insertDailyAnswers(String days, MapSqlParameterSource params) {
        write("INSERT INTO metrics_daily_answers (local_day, category, answer_key, uses, sends) "
                + "SELECT t.used_day, t.category, t.answer_key, COUNT(*), SUM(t.sent) FROM metrics_answer_facts t "
                + "WHERE t.used_day" + days + " GROUP BY t.used_day, t.category, t.answer_key", params);
    }

    /** Per day a clock stopped and wait bucket, how many tickets: the histogram {@link WaitPercentiles} reads. */
    private void insertWaits(String days, MapSqlParameterSource params) {
        write("INSERT INTO metrics_daily_waits (local_day, kind, bucket, tickets) "
                + "SELECT t.first_response_day, 'FIRST_RESPONSE', t.first_response_bucket, COUNT(*) "
                + "FROM metrics_ticket_facts t WHERE t.first_response_day" + days
                + " GROUP BY t.first_response_day, t.first_response_bucket "
                + "UNION ALL SELECT t.resolved_day, 'RESOLUTION', t.resolution_bucket, COUNT(*) "
                + "FROM metrics_ticket_facts t WHERE t.resolved_day" + days
                + " GROUP BY t.resolved_day, t.resolution_bucket", params);
    }

    /** Tickets with anything the figures read written after {@code since}. */
    private List<Long> touchedSince(Instant since) {
        return jdbc.queryForList("SELECT id FROM tickets WHERE updated_at > :since "
                + "UNION SELECT ticket_id FROM ticket_messages WHERE created_at > :since "
                + "UNION SELECT ticket_id FROM ticket_events WHERE created_at > :since "
                + "UNION SELECT ticket_id FROM answer_usage WHERE used_at > :since "
                + "UNION SELECT ticket_id FROM deflection_episodes WHERE ticket_filed_at > :since "
                + "AND ticket_id IS NOT NULL", new MapSqlParameterSource("since", timestamp(since)), Long.class);
    }

    /** Tickets whose facts are missing or disagree with the ticket on a column written without moving updated_at. */
    private List<Long> drifted() {
        return jdbc.queryForList("SELECT t.id FROM tickets t LEFT JOIN metrics_ticket_facts f ON f.ticket_id = t.id "
                + "WHERE f.ticket_id IS NULL OR " + differ("category") + " OR " + differ("client") + " OR "
                + differ("caller_type") + " OR " + differ("priority") + " OR " + differ("created_at") + " OR "
                + differ("first_response_at") + " OR " + differ("resolved_at"), Map.of(), Long.class);
    }

    private static String differ(String column) {
        return differ(column, "t");
    }

    private static String differ(String column, String ticket) {
        String now = ticket + "." + column;
        String facts = "f." + column;
        return "NOT (" + now + " = " + facts + " OR (" + now + " IS NULL AND " + facts + " IS NULL))";
    }

    /**
     * A ticket filed or reclassified may be the earlier ticket that makes these "returning": the same customer's
     * tickets of its old or new category filed within the window after it. A ticket whose category is unchanged
     * changes no other ticket's flag, so a reply or a status change costs only its own ticket.
     */
    private List<Long> laterOfSameCustomer(List<Long> tickets) {
        return jdbc.queryForList("SELECT l.id FROM tickets c LEFT JOIN metrics_ticket_facts f ON f.ticket_id = c.id "
                + "JOIN tickets l ON l.customer_email = c.customer_email AND l.created_at > c.created_at "
                + "AND l.created_at <= c.created_at + INTERVAL '" + sql.returningWindowDays() + "' DAY "
                + "AND (l.category = c.category OR l.category = f.category) "
                + "WHERE c.id IN (:ids) AND (f.ticket_id IS NULL OR " + differ("category", "c") + ")",
                new MapSqlParameterSource("ids", tickets), Long.class);
    }

    private Set<LocalDate> daysOf(MapSqlParameterSource ids) {
        Set<LocalDate> days = new HashSet<>();
        jdbc.query("SELECT created_day, first_response_day, resolved_day FROM metrics_ticket_facts "
                + "WHERE ticket_id IN (:ids)", ids, rs -> {
                    for (int column = 1; column <= 3; column++) {
                        java.sql.Date day = rs.getDate(column);
                        if (day != null) {
                            days.add(day.toLocalDate());
                        }
                    }
                });
        jdbc.query("SELECT DISTINCT used_day FROM metrics_answer_facts WHERE ticket_id IN (:ids)", ids,
                rs -> {
                    days.add(rs.getDate(1).toLocalDate());
                });
        return days;
    }

    private boolean takeLease() {
        Instant now = clock.instant();
        Integer taken = ownTransaction.execute(status -> write("UPDATE metrics_rollup_state SET lease_owner = :node, "
                + "lease_until = :until WHERE id = 1 AND (lease_until IS NULL OR lease_until < :now "
                + "OR lease_owner = :node)", new MapSqlParameterSource("node", node)
                .addValue("until", timestamp(now.plus(lease))).addValue("now", timestamp(now))));
        return taken != null && taken == 1;
    }

    private void releaseLease() {
        ownTransaction.executeWithoutResult(status -> write("UPDATE metrics_rollup_state SET lease_owner = NULL, "
                + "lease_until = NULL WHERE id = 1 AND lease_owner = :node", new MapSqlParameterSource("node", node)));
    }

    private int write(String statement, MapSqlParameterSource params) {
        return jdbc.update(statement, params);
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("Unexpected watermark type " + value.getClass());
    }
}
