package io.gatedesk.ticket;

import io.gatedesk.ticket.store.SearchTerms;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the ticket store must do on every database GateDesk runs on. Subclasses bind it to H2 and to PostgreSQL,
 * with the Flyway migrations applied by the application itself.
 */
abstract class TicketStoreContract {

    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchTerms searchTerms;

    StaffMember agent;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("agent-" + marker, "Agent " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
    }

    NewTicket ticket(String subject) {
        return new NewTicket(subject, "Cursor answers 401 since this morning " + marker, "Ann", "ann@example.com",
                ClientApp.CURSOR, "0.45", "https://api.example.com/v1", "gpt-4o-mini", "sk-abcd…wxyz",
                List.of("20241128093015123456789012345678", "chatcmpl-abc123"), 401, "Invalid token",
                LocalDateTime.of(2024, 11, 28, 9, 30), "Asia/Shanghai", true, CallerType.PRODUCTION);
    }

    @Test
    void migrationsCreateEveryTable() {
        List<String> tables = jdbc.queryForList(
                "SELECT lower(table_name) FROM information_schema.tables WHERE lower(table_schema) = 'public'",
                String.class);
        assertThat(tables).contains("users", "api_tokens", "tickets", "ticket_messages", "ticket_events",
                "flyway_schema_history");
    }

    @Test
    void submittedTicketKeepsEveryEvidenceFieldAndOnlyTheHashOfItsFollowToken() {
        TicketReceipt receipt = tickets.submit(ticket("Evidence " + marker), Locale.ENGLISH);

        TicketDetail detail = tickets.detail(receipt.id());
        assertThat(detail.number()).isEqualTo("GD-" + receipt.id());
        assertThat(detail.requestIds()).containsExactly("20241128093015123456789012345678", "chatcmpl-abc123");
        assertThat(detail.requestTime().toInstant()).isEqualTo(
                LocalDateTime.of(2024, 11, 28, 1, 30).toInstant(ZoneOffset.UTC));
        assertThat(detail.requestTimeZone()).isEqualTo("Asia/Shanghai");
        assertThat(detail.stream()).isTrue();
        assertThat(detail.priority()).isEqualTo(Priority.P2);
        assertThat(detail.status()).isEqualTo(TicketStatus.NEW);
        assertThat(detail.events()).extracting(EventView::action).containsExactly(TicketAction.CREATED);

        Integer plain = jdbc.queryForObject("SELECT count(*) FROM tickets WHERE follow_token_hash = ?", Integer.class,
                receipt.followToken());
        assertThat(plain).isZero();
        assertThat(tickets.forCustomer(receipt.followToken())).isPresent();
        assertThat(tickets.forCustomer(receipt.followToken() + "x")).isEmpty();
    }

    @Test
    void taskIdsGivenInTheirFieldAreKeptInOrderAndReachTheEvidence() {
        NewTicket base = ticket("Tasks " + marker);
        NewTicket withTasks = new NewTicket(base.subject(), base.description(), base.customerName(),
                base.customerEmail(), base.client(), base.clientVersion(), base.baseUrl(), base.model(),
                base.maskedKey(), base.requestIds(), base.statusCode(), base.errorMessage(), base.requestTime(),
                base.requestTimeZone(), base.stream(), base.callerType(),
                List.of(" 1712205491372954", "task_Qm7pX2vR9tL4kJ8hG3fD6sA1zC5bN0wE", "1712205491372954"));

        TicketReceipt receipt = tickets.submit(withTasks, Locale.ENGLISH);

        assertThat(tickets.detail(receipt.id()).taskIds())
                .containsExactly("1712205491372954", "task_Qm7pX2vR9tL4kJ8hG3fD6sA1zC5bN0wE");
        assertThat(tickets.evidence(receipt.id()).taskIds())
                .containsExactly("1712205491372954", "task_Qm7pX2vR9tL4kJ8hG3fD6sA1zC5bN0wE");
        TicketReceipt without = tickets.submit(base, Locale.ENGLISH);
        assertThat(tickets.detail(without.id()).taskIds()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT task_ids FROM tickets WHERE id = ?", String.class, without.id()))
                .isNull();
    }

    @Test
    void queueSearchesSubjectAndDescriptionIgnoringCase() {
        tickets.submit(ticket("Model NOT found " + marker), Locale.ENGLISH);
        tickets.submit(ticket("Quota " + marker), Locale.ENGLISH);

        var bySubject = tickets.queue(new QueueFilter("all", null, null, "model not FOUND " + marker, null, 0), agent.id());
        assertThat(bySubject.getContent()).extracting(QueueRow::subject).containsExactly("Model NOT found " + marker);

        var byDescription = tickets.queue(new QueueFilter("all", null, null, "SINCE THIS MORNING " + marker, null, 0),
                agent.id());
        assertThat(byDescription.getTotalElements()).isEqualTo(2);

        var wildcard = tickets.queue(new QueueFilter("all", null, null, "%_" + marker, null, 0), agent.id());
        assertThat(wildcard.getTotalElements()).isZero();
    }

    @Test
    void queueFindsATicketByItsEvidenceExactly() {
        NewTicket base = ticket("Evidence search " + marker);
        String requestId = "req-" + marker + "-Z9";
        NewTicket found = new NewTicket(base.subject(), base.description(), "Mei Lin " + marker,
                "Mei." + marker + "@Example.com", base.client(), null, null, null, "sk-proj-Ab12…Q" + marker.substring(0, 3),
                List.of(requestId), 401, null, null, null, null, null);
        TicketReceipt receipt = tickets.submit(found, Locale.ENGLISH);
        tickets.submit(ticket("Other " + marker), Locale.ENGLISH);
        String tail = "Q" + marker.substring(0, 3);

        for (String query : List.of(requestId, requestId.toUpperCase(Locale.ROOT), "mei." + marker + "@example.com",
                "Mei Lin " + marker, "LIN", tail, "sk-proj-Ab12…" + tail, "sk-proj-Ab12****" + tail, receipt.number())) {
            var result = tickets.queue(new QueueFilter("all", null, null, query, null, 0), agent.id());
            assertThat(result.getContent()).as(query).extracting(QueueRow::id).contains(receipt.id());
            assertThat(result.getContent()).as(query).extracting(QueueRow::subject)
                    .doesNotContain("Other " + marker);
        }
        // A different last four, or a key whose start differs, finds nothing.
        assertThat(tickets.queue(new QueueFilter("all", null, null, "sk-proj-Xy99…" + tail, null, 0), agent.id())
                .getContent()).extracting(QueueRow::id).doesNotContain(receipt.id());
        assertThat(tickets.queue(new QueueFilter("all", null, null, "req-" + marker, null, 0), agent.id())
                .getContent()).extracting(QueueRow::id).doesNotContain(receipt.id());
    }

    @Test
    void ticketsFiledBeforeTheSearchTermsExistedAreIndexedOnce() {
        TicketReceipt receipt = tickets.submit(ticket("Backfill " + marker), Locale.ENGLISH);
        jdbc.update("DELETE FROM ticket_search_terms WHERE ticket_id = ?", receipt.id());
        assertThat(tickets.queue(new QueueFilter("all", null, null, "chatcmpl-abc123", null, 0), agent.id())
                .getContent()).extracting(QueueRow::id).doesNotContain(receipt.id());

        searchTerms.backfill();
        searchTerms.backfill();

        assertThat(tickets.queue(new QueueFilter("all", null, null, "chatcmpl-abc123", null, 0), agent.id())
                .getContent()).extracting(QueueRow::id).contains(receipt.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ticket_search_terms WHERE ticket_id = ? AND term = ?",
                Integer.class, receipt.id(), "chatcmpl-abc123")).isEqualTo(1);
    }

    @Test
    void queueFiltersByStatusPriorityAndAssignee() {
        TicketReceipt mine = tickets.submit(ticket("Mine " + marker), Locale.ENGLISH);
        tickets.submit(ticket("Nobody's " + marker), Locale.ENGLISH);
        long version = tickets.detail(mine.id()).version();
        tickets.change(mine.id(), new TicketChange(TicketStatus.ESCALATED, Priority.P1, agent.id(), false), version,
                new Actor(agent.id(), agent.displayName()));

        assertThat(tickets.queue(new QueueFilter("all", null, "me", marker, null, 0), agent.id()).getContent())
                .extracting(QueueRow::subject).containsExactly("Mine " + marker);
        assertThat(tickets.queue(new QueueFilter("all", null, "none", marker, null, 0), agent.id()).getContent())
                .extracting(QueueRow::subject).containsExactly("Nobody's " + marker);
        assertThat(tickets.queue(new QueueFilter("ESCALATED", Priority.P1, null, marker, null, 0), agent.id())
                .getContent()).extracting(QueueRow::assigneeName).containsExactly(agent.displayName());
        assertThat(tickets.queue(new QueueFilter("RESOLVED", null, null, marker, null, 0), agent.id())
                .getTotalElements()).isZero();
    }

    @Test
    void queueNarrowsToTheTicketsBehindAMetricsFigureByFilingDayClientAndCaller() {
        // The test site runs on UTC: a filing window of 2 to 8 March holds [2 March 00:00, 9 March 00:00).
        long first = filedAt("First day " + marker, "2020-03-02T00:00:00Z");
        long last = filedAt("Last minute " + marker, "2020-03-08T23:59:00Z");
        filedAt("Day after " + marker, "2020-03-09T00:00:00Z");
        filedAt("Day before " + marker, "2020-03-01T23:59:59Z");
        long dify = filedAt("Other client " + marker, "2020-03-05T12:00:00Z");
        jdbc.update("UPDATE tickets SET client = 'DIFY', caller_type = 'TEST' WHERE id = ?", dify);

        QueueFilter march = new QueueFilter("all", null, null, marker, QueueSort.CREATED_ASC, 0, null, null, null,
                null, "2020-03-02", "2020-03-08", null, null);
        assertThat(tickets.queue(march, agent.id()).getContent()).extracting(QueueRow::id)
                .containsExactly(first, dify, last);
        QueueFilter cursorInProduction = new QueueFilter("all", null, null, marker, QueueSort.CREATED_ASC, 0, null,
                null, null, null, "2020-03-02", "2020-03-08", "CURSOR", "PRODUCTION");
        assertThat(tickets.queue(cursorInProduction, agent.id()).getContent()).extracting(QueueRow::id)
                .containsExactly(first, last);
        assertThat(tickets.queue(new QueueFilter("all", null, null, marker, null, 0, null, null, null, null, null,
                null, "DIFY", "TEST"), agent.id()).getContent()).extracting(QueueRow::id).containsExactly(dify);
        // A malformed narrowing is dropped rather than refused: the view shows every date.
        QueueFilter malformed = new QueueFilter("all", null, null, marker, null, 0, null, null, null, null,
                "2020-02-30", "yesterday", "NOT_A_CLIENT", null);
        assertThat(malformed.drilledDown()).isFalse();
        assertThat(tickets.queue(malformed, agent.id()).getTotalElements()).isEqualTo(5);
        assertThat(QueueFilter.parse(cursorInProduction.toQuery())).isEqualTo(cursorInProduction);
    }

    private long filedAt(String subject, String instant) {
        long id = tickets.submit(ticket(subject), Locale.ENGLISH).id();
        jdbc.update("UPDATE tickets SET created_at = ? WHERE id = ?",
                java.sql.Timestamp.from(java.time.Instant.parse(instant)), id);
        return id;
    }

    @Test
    void aSaveAgainstAStaleVersionIsAConflictAndChangesNothing() {
        TicketReceipt receipt = tickets.submit(ticket("Conflict " + marker), Locale.ENGLISH);
        long seen = tickets.detail(receipt.id()).version();
        Actor actor = new Actor(agent.id(), agent.displayName());
        tickets.addStaffMessage(receipt.id(), "First answer", Visibility.PUBLIC, seen, actor);

        assertThatThrownBy(() -> tickets.addStaffMessage(receipt.id(), "Second answer", Visibility.PUBLIC, seen, actor))
                .isInstanceOf(TicketConflictException.class);
        assertThatThrownBy(() -> tickets.change(receipt.id(),
                new TicketChange(TicketStatus.CLOSED, null, null, false), seen, actor))
                .isInstanceOf(TicketConflictException.class);

        TicketDetail detail = tickets.detail(receipt.id());
        assertThat(detail.messages()).extracting(MessageView::body).containsExactly("First answer");
        assertThat(detail.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(detail.firstResponseAt()).isNotNull();
    }

    @Test
    void customerSeesPublicRepliesOnlyAndTheirAnswerReopensAResolvedTicket() {
        TicketReceipt receipt = tickets.submit(ticket("Follow " + marker), Locale.ENGLISH);
        Actor actor = new Actor(agent.id(), agent.displayName());
        tickets.addStaffMessage(receipt.id(), "Please rotate the key", Visibility.PUBLIC, null, actor);
        tickets.addStaffMessage(receipt.id(), "Customer seems to use the console URL", Visibility.INTERNAL, null, actor);
        tickets.change(receipt.id(), new TicketChange(TicketStatus.RESOLVED, null, null, false),
                tickets.detail(receipt.id()).version(), actor);

        CustomerTicketView view = tickets.forCustomer(receipt.followToken()).orElseThrow();
        assertThat(view.publicMessages()).extracting(MessageView::body).containsExactly("Please rotate the key");

        tickets.customerReply(receipt.followToken(), "Still broken");

        TicketDetail detail = tickets.detail(receipt.id());
        assertThat(detail.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(detail.resolvedAt()).isNull();
        assertThat(detail.events()).extracting(EventView::action).contains(TicketAction.REOPENED);
    }

    @Test
    void closedTicketsTakeNoMoreAnswers() {
        TicketReceipt receipt = tickets.submit(ticket("Closed " + marker), Locale.ENGLISH);
        tickets.change(receipt.id(), new TicketChange(TicketStatus.CLOSED, null, null, false),
                tickets.detail(receipt.id()).version(), new Actor(agent.id(), agent.displayName()));

        assertThatThrownBy(() -> tickets.customerReply(receipt.followToken(), "Hello?"))
                .isInstanceOf(InvalidMessageException.class);
        assertThat(tickets.detail(receipt.id()).messages()).isEmpty();
    }

    @Test
    void personalApiTokensAreStoredAsHashesAndStopWorkingWhenRevoked() {
        var issued = users.issueToken(agent.username(), "ci");
        Integer plain = jdbc.queryForObject("SELECT count(*) FROM api_tokens WHERE token_hash = ?", Integer.class,
                issued.rawToken());
        assertThat(plain).isZero();
        assertThat(users.authenticateToken(issued.rawToken())).map(StaffMember::username).contains(agent.username());

        users.revokeToken(agent.username(), issued.token().id());
        assertThat(users.authenticateToken(issued.rawToken())).isEmpty();
    }

    @Test
    void invalidSubmissionsAreRejectedWithEveryFieldNamedAndNothingStored() {
        Integer before = jdbc.queryForObject("SELECT count(*) FROM tickets", Integer.class);
        NewTicket bad = new NewTicket(" ", "", "", "not-an-email", null, null, null, null, null,
                List.of("has space"), 42, null, null, "Mars/Olympus", null, null);

        assertThatThrownBy(() -> tickets.submit(bad, Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidTicketException.class, invalid -> assertThat(invalid.fieldErrors())
                        .containsKeys("subject", "description", "customerName", "customerEmail", "requestIds",
                                "statusCode", "requestTimeZone"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets", Integer.class)).isEqualTo(before);
    }

    @Test
    void aRetriedSubmissionKeyGetsTheFirstReceiptAndFilesOneTicket() {
        SubmissionKey key = SubmissionKey.parse(UUID.randomUUID().toString()).orElseThrow();
        TicketReceipt first = tickets.submitOnce(key, ticket("Retried " + marker), Locale.ENGLISH, Map.of(), List.of());
        TicketReceipt again = tickets.submitOnce(key, ticket("Retried " + marker), Locale.ENGLISH, Map.of(), List.of());

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE subject = ?", Integer.class,
                "Retried " + marker)).isEqualTo(1);
        assertThat(tickets.forCustomer(again.followToken())).isPresent();
    }

    @Test
    void theSameKeyWithAnotherTicketIsRefusedAndRevealsNothing() {
        SubmissionKey key = SubmissionKey.parse(UUID.randomUUID().toString()).orElseThrow();
        tickets.submitOnce(key, ticket("Original " + marker), Locale.ENGLISH, Map.of(), List.of());

        assertThatThrownBy(() -> tickets.submitOnce(key, ticket("Replayed " + marker), Locale.ENGLISH, Map.of(),
                List.of())).isInstanceOf(SubmissionKeyReusedException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE subject = ?", Integer.class,
                "Replayed " + marker)).isZero();
    }

    @Test
    void theKeysTableHoldsNeitherTheKeyNorTheFollowToken() {
        String raw = UUID.randomUUID().toString();
        TicketReceipt receipt = tickets.submitOnce(SubmissionKey.parse(raw).orElseThrow(), ticket("Sealed " + marker),
                Locale.ENGLISH, Map.of(), List.of());

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM ticket_submission_keys WHERE ticket_id = ?",
                receipt.id());
        assertThat(row.values().stream().map(String::valueOf))
                .noneMatch(value -> value.contains(raw) || value.contains(receipt.followToken()));
    }

    @Test
    void anInvalidTicketDoesNotUseUpItsKey() {
        SubmissionKey key = SubmissionKey.parse(UUID.randomUUID().toString()).orElseThrow();
        NewTicket missingSubject = ticket("");
        assertThatThrownBy(() -> tickets.submitOnce(key, missingSubject, Locale.ENGLISH, Map.of(), List.of()))
                .isInstanceOf(InvalidTicketException.class);

        TicketReceipt fixed = tickets.submitOnce(key, ticket("Fixed " + marker), Locale.ENGLISH, Map.of(), List.of());
        assertThat(fixed.number()).startsWith("GD-");
    }

    @Test
    void concurrentSubmissionsOfOneKeyFileOneTicketAndAllGetItsReceipt() throws Exception {
        SubmissionKey key = SubmissionKey.parse(UUID.randomUUID().toString()).orElseThrow();
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<TicketReceipt>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tickets.submitOnce(key, ticket("Raced " + marker), Locale.ENGLISH, Map.of(), List.of());
                }));
            }
            start.countDown();
            Set<String> numbers = new HashSet<>();
            for (Future<TicketReceipt> answer : answers) {
                numbers.add(answer.get(30, TimeUnit.SECONDS).number());
            }
            assertThat(numbers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE subject = ?", Integer.class,
                "Raced " + marker)).isEqualTo(1);
    }
}
