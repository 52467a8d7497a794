package io.gatedesk.metrics;

import io.gatedesk.demo.TicketGenerator;
import io.gatedesk.ticket.TicketService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rollup gives exactly the direct report's figures (every field of {@link MetricsReport}, doubles bit for bit)
 * for tickets from the project's generator with varied replies, waits, reopenings, resolutions and short-answer uses
 * spread over 40 days, for every filter and both granularities; and still does after edits that a pass must pick
 * up: a reply, a second waiting-on-customer, a reclassification by triage (which moves no timestamp), a resolution
 * moved to another day, a reopening and a short-answer use. Runs on H2 and PostgreSQL.
 */
abstract class MetricsRollupContract {

    static final int TICKETS = 160;

    @Autowired
    MetricsService metrics;
    @Autowired
    MetricsRepository direct;
    @Autowired
    RollupMetricsRepository rolledUp;
    @Autowired
    MetricsRollup rollup;
    @Autowired
    WaitPercentiles percentiles;
    @Autowired
    MetricsSql sql;
    @Autowired
    TicketService ticketService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void theRollupGivesTheDirectFiguresBeforeAndAfterEdits() {
        List<Long> ids = seed();
        rollup.rebuild();
        assertThat(rollup.isCurrent()).isTrue();
        Instant now = clock.instant();
        List<MetricsQuery> queries = queries();
        List<MetricsReport> before = new ArrayList<>();
        for (MetricsQuery query : queries) {
            MetricsReport expected = metrics.report(query, direct, now);
            assertThat(metrics.report(query, rolledUp, now)).as(query.toString()).isEqualTo(expected);
            before.add(expected);
        }
        MetricsReport all = before.get(0);
        assertThat(all.tickets()).isGreaterThanOrEqualTo(TICKETS);
        assertThat(all.firstReplySeconds().median()).isNotNull();
        assertThat(all.repeatRatio().returning()).isPositive();
        assertThat(all.followUpRatio()).isPositive();
        assertThat(all.reopenRate()).isPositive();
        assertThat(all.usage().shortAnswers()).isNotEmpty();
        // Breaches of clocks that stopped and of clocks still running at `now` (counted by cut-off on the rollup).
        assertThat(all.slaBreaches().firstResponse()).isPositive();
        assertThat(all.slaBreaches().resolution()).isPositive();

        everyWindowHasTheDirectPercentiles();

        edit(ids);
        rollup.pass(false, false);
        Instant later = clock.instant();
        for (MetricsQuery query : queries) {
            assertThat(metrics.report(query, rolledUp, later)).as(query.toString())
                    .isEqualTo(metrics.report(query, direct, later));
        }
        MetricsReport edited = metrics.report(queries.get(0), direct, later);
        assertThat(edited.denominators().firstReplied()).as("the reply").isEqualTo(all.denominators().firstReplied() + 1);
        assertThat(edited.followUpRatio()).as("the second wait").isNotEqualTo(all.followUpRatio());
        assertThat(edited.reopenRate()).as("the reopening").isNotEqualTo(all.reopenRate());
        assertThat(edited.repeatRatio().returning()).as("the reclassification")
                .isNotEqualTo(all.repeatRatio().returning());

        // Triage rewrites a category without moving updated_at: only the reconciliation sees it.
        long reclassified = ids.get(ids.size() - 1);
        jdbc.update("UPDATE tickets SET category = CASE WHEN category = 'RATE_LIMITED' THEN 'INVALID_KEY' "
                + "ELSE 'RATE_LIMITED' END WHERE id = ?", reclassified);
        rollup.pass(false, false);
        Instant afterTriage = clock.instant();
        assertThat(metrics.report(queries.get(0), rolledUp, afterTriage).categories())
                .as("not seen before the reconciliation")
                .isNotEqualTo(metrics.report(queries.get(0), direct, afterTriage).categories());
        rollup.pass(true, false);
        for (MetricsQuery query : queries) {
            assertThat(metrics.report(query, rolledUp, afterTriage)).as(query.toString())
                    .isEqualTo(metrics.report(query, direct, afterTriage));
        }
        // A classification triage announces (TicketClassified, once committed) is noted for the very next pass.
        jdbc.update("UPDATE tickets SET category = CASE WHEN category = 'RATE_LIMITED' THEN 'INVALID_KEY' "
                + "ELSE 'RATE_LIMITED' END WHERE id = ?", reclassified);
        events.publishEvent(new io.gatedesk.triage.TicketClassified(reclassified,
                io.gatedesk.triage.ErrorCategory.valueOf(jdbc.queryForObject(
                        "SELECT category FROM tickets WHERE id = ?", String.class, reclassified))));
        rollup.pass(false, false);
        Instant announced = clock.instant();
        for (MetricsQuery query : queries) {
            assertThat(metrics.report(query, rolledUp, announced)).as("announced: " + query)
                    .isEqualTo(metrics.report(query, direct, announced));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM metrics_reclassified", Long.class)).isZero();
        // A short answer used and sent today on a ticket whose own days are all in the past: counted on the day of use.
        Instant longAgo = clock.instant().minus(Duration.ofDays(5));
        long old = jdbc.queryForObject("SELECT MIN(id) FROM tickets WHERE id >= ? AND updated_at < ? AND created_at < ? "
                + "AND first_response_at < ? AND (resolved_at IS NULL OR resolved_at < ?)", Long.class, ids.get(0),
                ts(longAgo), ts(longAgo), ts(longAgo), ts(longAgo));
        long anyAnswer = jdbc.queryForObject("SELECT MIN(id) FROM answers", Long.class);
        Instant useAt = clock.instant();
        use(anyAnswer, old, useAt);
        message(old, useAt); // the reply that sends it: the sends per answer come from the rollup
        rollup.pass(false, false);
        Instant used = clock.instant();
        for (MetricsQuery query : queries) {
            assertThat(metrics.report(query, rolledUp, used)).as("a use today: " + query)
                    .isEqualTo(metrics.report(query, direct, used));
        }
        // The service reads the rollup now that it is current, so the page, API and CSV show these figures.
        assertThat(metrics.report(queries.get(0))).isEqualTo(metrics.report(queries.get(0), direct, clock.instant()));
    }

    /**
     * On PostgreSQL the unfiltered percentiles come from the wait histogram and one bucket's facts: for every window
     * of one to 45 days ending on each of the last 45 days (ranks falling inside a bucket, across two, on its first
     * or last row), bit for bit the PERCENTILE_CONT over all the window's waits.
     */
    private void everyWindowHasTheDirectPercentiles() {
        LocalDate today = metrics.today();
        int compared = 0;
        for (int end = 0; end < 45; end += 2) {
            for (int length = 1; length <= 45; length += 4) {
                LocalDate to = today.minusDays(end);
                MetricsRepository.Window window = MetricsRepository.Window.of(to.minusDays(length - 1), to,
                        metrics.zone());
                MetricsQuery query = new MetricsQuery(to.minusDays(length - 1), to, Granularity.DAY, null, null, null);
                for (WaitPercentiles.Wait wait : WaitPercentiles.Wait.values()) {
                    WaitPercentiles.Result expected = percentiles.direct(wait, window, query);
                    assertThat(percentiles.of(wait, window, query)).as(wait + " " + window).isEqualTo(expected);
                    // The histogram's own answer, not a fallback to the direct one. H2 never reads it (its
                    // PERCENTILE_CONT interpolates in decimals, the last bits may differ), but it keeps it right.
                    WaitPercentiles.Result histogram = percentiles.fromHistogram(wait, window, query);
                    assertThat(histogram).as("histogram " + wait + " " + window).isNotNull();
                    if (sql.postgres() || expected.median() == null) {
                        assertThat(histogram).as("histogram " + wait + " " + window).isEqualTo(expected);
                    } else {
                        assertThat(histogram.median()).isCloseTo(expected.median(), within(1e-6));
                        assertThat(histogram.p90()).isCloseTo(expected.p90(), within(1e-6));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    private List<MetricsQuery> queries() {
        LocalDate today = metrics.today();
        LocalDate from = today.minusDays(45);
        List<MetricsQuery> queries = new ArrayList<>();
        queries.add(new MetricsQuery(from, today, Granularity.DAY, null, null, null));
        queries.add(new MetricsQuery(from, today, Granularity.WEEK, null, null, null));
        queries.add(new MetricsQuery(today.minusDays(9), today.minusDays(3), Granularity.DAY, null, null, null));
        queries.add(new MetricsQuery(from, today, Granularity.DAY, "INVALID_KEY", null, null));
        queries.add(new MetricsQuery(from, today, Granularity.DAY, "none", null, null));
        queries.add(new MetricsQuery(from, today, Granularity.WEEK, null, "CURSOR", null));
        queries.add(new MetricsQuery(from, today, Granularity.DAY, null, null, "PRODUCTION"));
        queries.add(new MetricsQuery(from, today, Granularity.DAY, "RATE_LIMITED", "BACKEND_SERVICE", "HIGH_COST"));
        return queries;
    }

    /** Generated tickets filed through the service, then given a life over the last 40 days in set-based SQL. */
    private List<Long> seed() {
        TicketGenerator generator = new TicketGenerator(27L);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            ids.add(ticketService.submit(generator.next().ticket(), java.util.Locale.ENGLISH).id());
        }
        Instant now = clock.instant();
        long evidence = jdbc.queryForObject("SELECT MIN(id) FROM answers WHERE answer_key = ?", Long.class,
                MetricsSql.REQUEST_MISSING_EVIDENCE);
        long other = jdbc.queryForObject("SELECT MIN(id) FROM answers WHERE answer_key <> ?", Long.class,
                MetricsSql.REQUEST_MISSING_EVIDENCE);
        String[] categories = {"INVALID_KEY", "RATE_LIMITED", "WRONG_BASE_URL", null, "UPSTREAM_TIMEOUT"};
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            // Spread over 40 days with odd minutes, so tickets fall on both sides of Shanghai's midnight.
            Instant created = now.minus(Duration.ofMinutes(17L + (long) i * 359));
            Instant reply = i % 7 == 6 ? null : created.plusSeconds(300 + (i * 7919L) % 86_400);
            Instant resolved = reply == null || i % 4 == 3 ? null : reply.plusSeconds(600 + (i * 104_729L) % 200_000);
            if (resolved != null && resolved.isAfter(now)) {
                resolved = null;
            }
            if (reply != null && reply.isAfter(now)) {
                reply = null;
                resolved = null;
            }
            jdbc.update("UPDATE tickets SET created_at = ?, updated_at = ?, first_response_at = ?, resolved_at = ?, "
                            + "category = ?, customer_email = ?, status = ? WHERE id = ?", ts(created), ts(created),
                    ts(reply), ts(resolved), categories[i % 5], "customer" + (i % 9) + "@example.com",
                    resolved != null ? "RESOLVED" : reply != null ? "OPEN" : "NEW", id);
            // What filing and triage wrote, moved back with the ticket, so only the edits below are recent.
            jdbc.update("UPDATE ticket_events SET created_at = ? WHERE ticket_id = ?", ts(created), id);
            jdbc.update("UPDATE ticket_messages SET created_at = ? WHERE ticket_id = ?", ts(created), id);
            if (reply != null) {
                message(id, reply);
                if (i % 3 == 0) {
                    message(id, reply.plusSeconds(7200));
                }
                if (i % 4 == 1) {
                    use(other, id, reply.minusSeconds(60));
                }
                if (i % 10 == 2) {
                    use(evidence, id, reply.plusSeconds(60));
                }
                if (i % 6 == 0) {
                    waiting(id, reply);
                    waiting(id, reply.plusSeconds(3600));
                }
            }
            if (resolved != null && i % 5 == 1) {
                event(id, "REOPENED", null, resolved.minusSeconds(3600));
            }
            if (i % 11 == 4) {
                jdbc.update("INSERT INTO deflection_episodes (episode_key, kind, channel, started_at, last_check_at, "
                                + "checks, last_ok, ticket_filed_at, ticket_id) VALUES (?, 'CONFIG_CHECK', 'PAGE', ?, ?, 1, "
                                + "FALSE, ?, ?)", java.util.UUID.randomUUID().toString(), ts(created.minusSeconds(600)),
                        ts(created.minusSeconds(600)), ts(created), id);
            }
        }
        return ids;
    }

    /** What staff do now: each edit stamped with the current time, as the services stamp theirs. */
    private void edit(List<Long> ids) {
        Instant now = clock.instant();
        long unanswered = jdbc.queryForObject("SELECT MIN(id) FROM tickets WHERE first_response_at IS NULL "
                + "AND id >= ?", Long.class, ids.get(0));
        jdbc.update("UPDATE tickets SET first_response_at = ?, status = 'OPEN', updated_at = ? WHERE id = ?", ts(now),
                ts(now), unanswered);
        message(unanswered, now);
        long replied = jdbc.queryForObject("SELECT MIN(id) FROM tickets t WHERE first_response_at IS NOT NULL "
                + "AND id >= ? AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id "
                + "AND e.action = 'STATUS_CHANGED')", Long.class, ids.get(0));
        waiting(replied, now);
        waiting(replied, now);
        long resolved = jdbc.queryForObject("SELECT MIN(id) FROM tickets WHERE resolved_at < ? AND id >= ?",
                Long.class, ts(now.minus(Duration.ofDays(3))), ids.get(0));
        jdbc.update("UPDATE tickets SET resolved_at = ?, updated_at = ? WHERE id = ?", ts(now), ts(now), resolved);
        event(resolved, "REOPENED", null, now);
        // Ticket 50 (INVALID_KEY, customer5) made ticket 5 returning and was itself returning because of ticket 95.
        jdbc.update("UPDATE tickets SET category = 'CONTEXT_LENGTH', updated_at = ? WHERE id = ?", ts(now), ids.get(50));
        long evidence = jdbc.queryForObject("SELECT MIN(id) FROM answers WHERE answer_key = ?", Long.class,
                MetricsSql.REQUEST_MISSING_EVIDENCE);
        use(evidence, ids.get(12), now);
    }

    private void message(long ticket, Instant at) {
        jdbc.update("INSERT INTO ticket_messages (ticket_id, author_type, author_name, visibility, body, created_at) "
                + "VALUES (?, 'STAFF', 'Ann', 'PUBLIC', 'reply', ?)", ticket, ts(at));
    }

    private void waiting(long ticket, Instant at) {
        event(ticket, "STATUS_CHANGED", "OPEN → WAITING_ON_CUSTOMER", at);
    }

    private void event(long ticket, String action, String detail, Instant at) {
        jdbc.update("INSERT INTO ticket_events (ticket_id, actor_type, actor_name, action, detail, created_at) "
                + "VALUES (?, 'STAFF', 'Ann', ?, ?, ?)", ticket, action, detail, ts(at));
    }

    private void use(long answer, long ticket, Instant at) {
        jdbc.update("INSERT INTO answer_usage (answer_id, agent_name, ticket_id, used_at) VALUES (?, 'Ann', ?, ?)",
                answer, ticket, ts(at));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
