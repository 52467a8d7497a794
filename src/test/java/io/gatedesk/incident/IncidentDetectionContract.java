package io.gatedesk.incident;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.triage.ErrorCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection on every database GateDesk runs on. Each ticket is filed under a model of its own (so filing alone forms
 * no pattern), then moved by SQL to the shared model and the minute the test wants, and classified again.
 */
abstract class IncidentDetectionContract {

    static final Actor AGENT = new Actor(null, "Agent Ann");

    @Autowired
    IncidentService incidents;
    @Autowired
    TicketService tickets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LogSpikeDetector spikes;

    String model;
    Instant t0;

    @BeforeEach
    void setUp() {
        model = "gpt-" + UUID.randomUUID().toString().substring(0, 8);
        t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    }

    long file(String name) {
        return tickets.submit(new NewTicket("503 again " + name, "Every call fails with 503 " + name, name,
                "c@example.com", null, null, null, "solo-" + UUID.randomUUID(), null, List.of(), 503,
                "no available channel", null, null, null, null), Locale.ENGLISH).id();
    }

    /** A ticket of the test's model filed {@code minutes} after t0 and classified as {@code category}. */
    long at(int minutes, ErrorCategory category, String modelName) {
        long id = file("cust" + minutes);
        jdbc.update("UPDATE tickets SET model = ?, created_at = ? WHERE id = ?", modelName,
                Timestamp.from(t0.plus(Duration.ofMinutes(minutes))), id);
        incidents.ticketClassified(id, category);
        return id;
    }

    long at(int minutes) {
        return at(minutes, ErrorCategory.UPSTREAM_ERROR, model);
    }

    List<IncidentSummary> suggestedFor(String modelName) {
        return incidents.suggestions().stream().filter(i -> i.models().contains(modelName)).toList();
    }

    @Test
    void threeTicketsWithinTheWindowIncludingItsEdgeSuggestAnIncident() {
        at(0);
        at(15);
        assertThat(suggestedFor(model)).isEmpty();
        at(30);

        List<IncidentSummary> found = suggestedFor(model);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).ticketCount()).isEqualTo(3);
        assertThat(found.get(0).startedAt()).isEqualTo(t0);
        assertThat(found.get(0).category()).isEqualTo("UPSTREAM_ERROR");
    }

    @Test
    void aTicketJustOutsideTheWindowDoesNotCount() {
        at(0);
        at(15);
        at(31);
        assertThat(suggestedFor(model)).isEmpty();
        at(40);
        assertThat(suggestedFor(model)).singleElement().extracting(IncidentSummary::ticketCount).isEqualTo(3);
    }

    @Test
    void twoModelsFailingAtOnceMakeTwoIncidents() {
        String other = model + "-mini";
        for (int minute = 0; minute < 3; minute++) {
            at(minute, ErrorCategory.UPSTREAM_ERROR, model);
            at(minute, ErrorCategory.UPSTREAM_ERROR, other);
        }
        assertThat(suggestedFor(model)).singleElement().extracting(IncidentSummary::ticketCount).isEqualTo(3);
        assertThat(suggestedFor(other)).singleElement().extracting(IncidentSummary::ticketCount).isEqualTo(3);
        assertThat(suggestedFor(model).get(0).id()).isNotEqualTo(suggestedFor(other).get(0).id());
    }

    @Test
    void aReclassifiedTicketMovesBetweenIncidents() {
        at(0);
        at(1);
        long moving = at(2);
        at(3, ErrorCategory.UPSTREAM_TIMEOUT, model);
        at(4, ErrorCategory.UPSTREAM_TIMEOUT, model);
        long fiveXx = suggestedFor(model).stream().filter(i -> "UPSTREAM_ERROR".equals(i.category())).findFirst()
                .orElseThrow().id();

        incidents.ticketClassified(moving, ErrorCategory.UPSTREAM_TIMEOUT);

        assertThat(incidents.detail(fiveXx).tickets()).extracting(IncidentDetail.LinkedTicket::ticketId)
                .doesNotContain(moving);
        IncidentSummary timeout = suggestedFor(model).stream().filter(i -> "UPSTREAM_TIMEOUT".equals(i.category()))
                .findFirst().orElseThrow();
        assertThat(incidents.detail(timeout.id()).tickets()).extracting(IncidentDetail.LinkedTicket::ticketId)
                .contains(moving);
    }

    @Test
    void aDismissedPatternDoesNotComeBackWithinItsWindow() {
        at(0);
        at(1);
        at(2);
        long id = suggestedFor(model).get(0).id();
        incidents.dismiss(id, AGENT);
        at(3);
        at(4);
        at(5);
        assertThat(suggestedFor(model)).isEmpty();
    }

    @Test
    void aConfirmedIncidentTakesInEveryMatchingNewTicket() {
        at(0);
        at(1);
        at(2);
        long id = suggestedFor(model).get(0).id();
        incidents.confirm(id, AGENT);
        long late = at(90);
        assertThat(incidents.detail(id).tickets()).extracting(IncidentDetail.LinkedTicket::ticketId).contains(late);
        assertThat(incidents.detail(id).summary().suggested()).isFalse();
    }

    @Test
    void filingThreeMatchingTicketsThroughTriageSuggestsAnIncident() {
        for (int i = 0; i < 3; i++) {
            tickets.submit(new NewTicket("503 on " + model, "Every call to " + model + " fails with 503", "c" + i,
                    "c@example.com", null, null, null, model, null, List.of(), 503,
                    "upstream error: 503 Service Unavailable", null, null, null, null), Locale.ENGLISH);
        }
        assertThat(suggestedFor(model)).singleElement().extracting(IncidentSummary::ticketCount).isEqualTo(3);
    }

    @Test
    void bulkReplyFillsPlaceholdersPerTicketSkipsGapsAndNeverRepliesTwice() {
        long a = at(0);
        long b = at(1);
        long c = at(2);
        jdbc.update("UPDATE tickets SET customer_name = ? WHERE id = ?", "Bob", b);
        long id = suggestedFor(model).get(0).id();
        incidents.confirm(id, AGENT);

        BulkResult first = incidents.reply(id, null, "Hi {{customer.name}}, {{ticket.number}} is known.", AGENT);
        BulkResult again = incidents.reply(id, null, "Hi {{customer.name}}, {{ticket.number}} is known.", AGENT);
        BulkResult gap = incidents.reply(id, null, "Your request {{ticket.requestId}}", AGENT);

        assertThat(first.sent()).isEqualTo(3);
        assertThat(again.sent()).isZero();
        assertThat(again.skipped()).extracting(BulkResult.Skipped::reason).containsOnly("alreadySent");
        assertThat(gap.sent()).isZero();
        assertThat(gap.skipped()).hasSize(3).allSatisfy(s -> assertThat(s.reason()).startsWith("unfilled"));
        assertThat(tickets.detail(b).messages()).filteredOn(m -> m.body().startsWith("Hi "))
                .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(
                        "Hi Bob, " + tickets.detail(b).number() + " is known."));
        assertThat(tickets.detail(a).messages()).filteredOn(m -> m.body().startsWith("Hi ")).hasSize(1);

        incidents.resolve(id, "Fixed for {{ticket.number}}.", TicketStatus.RESOLVED, AGENT);
        incidents.resolve(id, "Fixed for {{ticket.number}}.", TicketStatus.RESOLVED, AGENT);
        assertThat(tickets.detail(c).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.detail(c).messages()).filteredOn(m -> m.body().startsWith("Fixed")).hasSize(1);
        assertThat(tickets.detail(c).events()).filteredOn(e -> e.detail() != null
                && e.detail().contains("incident #" + id)).hasSize(1);
        assertThat(incidents.detail(id).summary().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    void logRows(String modelName, String channel, Instant from, Duration spread, int rows, int errors) {
        for (int i = 0; i < rows; i++) {
            String key = modelName + "-" + from + "-" + i + "-" + UUID.randomUUID();
            jdbc.update("INSERT INTO gateway_log_entries (dedupe_key, source, created_at, log_type, content_hash, model, "
                            + "channel_name, status_code) VALUES (?, 'test', ?, 'consume', ?, ?, ?, ?)",
                    key, Timestamp.from(from.plus(spread.multipliedBy(i).dividedBy(rows))), key.substring(0, 40),
                    modelName, channel, i < errors ? 503 : 200);
        }
    }

    @Test
    void aSpikeOfErrorRowsSuggestsAnIncidentButASteadyErrorRateDoesNot() {
        String steady = model + "-steady";
        Instant end = t0.plus(Duration.ofHours(1));
        Instant start = end.minus(Duration.ofMinutes(10));
        logRows(model, "ch-" + model, start.minus(Duration.ofHours(5)), Duration.ofHours(4), 200, 2);
        logRows(model, "ch-" + model, start, Duration.ofMinutes(9), 40, 25);
        logRows(steady, null, start.minus(Duration.ofHours(5)), Duration.ofHours(4), 200, 120);
        logRows(steady, null, start, Duration.ofMinutes(9), 40, 25);
        logRows(model + "-few", null, start, Duration.ofMinutes(9), 19, 19);

        List<Long> suggested = spikes.check(end).stream()
                .filter(id -> incidents.detail(id).summary().models().stream().anyMatch(m -> m.startsWith(model)))
                .toList();

        assertThat(suggested).hasSize(1);
        IncidentSummary spike = incidents.detail(suggested.get(0)).summary();
        assertThat(spike.models()).containsExactly(model);
        assertThat(spike.channel()).isEqualTo("ch-" + model);
        assertThat(spike.suggested()).isTrue();
        assertThat(spikes.check(end.plus(Duration.ofMinutes(1)))).as("no second suggestion for one spike")
                .noneMatch(id -> incidents.detail(id).summary().models().stream().anyMatch(m -> m.startsWith(model)));
    }
}
