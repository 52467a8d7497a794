package io.gatedesk.ticket;

import io.gatedesk.gatewaylog.LogMatchService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Merging a duplicate into another ticket and splitting a message off, on every database GateDesk runs on: what
 * moves, what the customer's old link shows, what is refused with nothing changed, and that a merge closes the
 * source without telling the customer it closed. Mail is on (an SMTP host nobody listens on, sent never), so the
 * outbox shows what would have gone out.
 */
@RecordApplicationEvents
abstract class TicketMergeContract {

    static final Actor AGENT = new Actor(null, "Agent Merge");
    static final String KEY = "sk-proj-" + "Zx8cVb7nMq6wEr5tYu4iOp3aSd2fGh1jKl0zXc9vBn8mQw7e";

    @Autowired
    TicketService tickets;
    @Autowired
    LogMatchService logs;
    @Autowired
    TicketAttachments attachments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    TicketReceipt file(String email, String subject, String description, List<String> requestIds) {
        return tickets.submit(new NewTicket(subject + " " + marker, description, "Ann Lee", email, null, null, null,
                "gpt-4o", null, requestIds, 401, "invalid key", null, null, null, null,
                requestIds.isEmpty() ? List.of() : List.of("task-" + marker)), Locale.ENGLISH);
    }

    String email() {
        return "ann-" + marker + "@example.com";
    }

    @Test
    void aMergeMovesTheThreadAndTheEvidenceAndClosesTheSourcePointingToTheTarget() {
        TicketReceipt target = file(email(), "Key refused", "My key stopped working", List.of());
        TicketReceipt source = file(email().toUpperCase(Locale.ROOT), "Still refused",
                "Same again, key " + KEY, List.of("req-merge-" + marker));
        tickets.customerReply(source.followToken(), "Any news? " + marker);
        long sourceVersion = tickets.detail(source.id()).version();
        tickets.addStaffMessage(source.id(), "Checking the channel " + marker, Visibility.INTERNAL, sourceVersion,
                AGENT);
        tickets.bulkChange(List.of(new BulkTarget(source.id(), null)), new TicketChange(null, null, null, false),
                new TicketTagging(List.of("billing"), List.of()), AGENT);
        attachments.attach(source.id(), null, List.of(new MockMultipartFile("files", "trace-" + marker + ".txt",
                "text/plain", ("request failed " + marker).getBytes())), "Ann Lee", true, false);

        String answered = tickets.merge(source.id(), target.id(), tickets.detail(source.id()).version(), AGENT);

        assertThat(answered).isEqualTo(target.number());
        TicketDetail kept = tickets.detail(target.id());
        assertThat(kept.messages()).extracting(MessageView::body).hasSize(3)
                .noneMatch(body -> body.contains(KEY))
                .endsWith("Any news? " + marker, "Checking the channel " + marker);
        assertThat(kept.messages().get(0).body()).startsWith("Still refused " + marker + "\n\nSame again, key ");
        assertThat(kept.messages()).extracting(MessageView::movedFrom).containsOnly(source.number());
        assertThat(kept.messages().get(0).fromCustomer()).isTrue();
        assertThat(kept.maskedKeys()).extracting(k -> k.masked()).hasSize(1).allMatch(m -> !m.contains(KEY));
        assertThat(tickets.tagsOf(List.of(target.id())).get(target.id())).containsExactly("billing");
        assertThat(logs.requestIds(tickets.evidence(target.id()))).contains("req-merge-" + marker);
        assertThat(kept.taskIds()).containsExactly("task-" + marker);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachments WHERE ticket_id = ?", Long.class,
                target.id())).isEqualTo(1L);
        assertThat(kept.events()).extracting(EventView::action).contains(TicketAction.MERGED_FROM);
        assertThat(tickets.rows(List.of(target.id())).get(0).customerRepliedAt())
                .as("the source's unanswered customer reply marks the target in the queue").isNotNull();

        TicketDetail merged = tickets.detail(source.id());
        assertThat(merged.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.mergedInto()).isEqualTo(target.number());
        assertThat(merged.messages()).isEmpty();
        assertThat(merged.events()).extracting(EventView::action).contains(TicketAction.MERGED_INTO);
        // Found by what the source was found by: its request ID.
        assertThat(tickets.queue(new QueueFilter("all", null, null, "req-merge-" + marker, null, 0), null)
                .getContent()).extracting(QueueRow::id).contains(target.id());
    }

    @Test
    void theSourcesOldFollowLinkShowsTheTargetAndTakesAnswersThere() {
        TicketReceipt target = file(email(), "Key refused", "My key stopped working", List.of());
        TicketReceipt source = file(email(), "Duplicate", "Filed twice", List.of());
        tickets.merge(source.id(), target.id(), tickets.detail(source.id()).version(), AGENT);

        CustomerTicketView seen = tickets.forCustomer(source.followToken()).orElseThrow();
        assertThat(seen.number()).isEqualTo(target.number());
        assertThat(seen.mergedFrom()).isEqualTo(source.number());
        assertThat(seen.acceptsReplies()).isTrue();
        assertThat(tickets.forCustomer(target.followToken()).orElseThrow().mergedFrom()).isNull();

        tickets.customerReply(source.followToken(), "Thanks " + marker);
        assertThat(tickets.detail(target.id()).messages()).extracting(MessageView::body).contains("Thanks " + marker);
    }

    @Test
    void aMergeClosesTheSourceWithoutAClosedMailToTheCustomer() {
        TicketReceipt target = file(email(), "Key refused", "My key stopped working", List.of());
        TicketReceipt source = file(email(), "Duplicate", "Filed twice", List.of());
        TicketReceipt control = file(email(), "Closed by hand", "Another one", List.of());

        tickets.merge(source.id(), target.id(), tickets.detail(source.id()).version(), AGENT);
        tickets.change(control.id(), new TicketChange(TicketStatus.CLOSED, null, null, false),
                tickets.detail(control.id()).version(), AGENT);

        assertThat(closedMails(control.id())).as("closing by hand mails the customer").isEqualTo(1);
        assertThat(closedMails(source.id())).as("a merge does not").isZero();
        assertThat(events.stream(TicketStatusChanged.class).filter(e -> e.ticketId() == source.id()))
                .singleElement().satisfies(e -> assertThat(e.merge()).isTrue());
    }

    long closedMails(long ticketId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE ticket_id = ? AND kind = 'CLOSED'",
                Long.class, ticketId);
    }

    @Test
    void aMergeAcrossCustomersIsRefusedAndChangesNothing() {
        TicketReceipt target = file("other-" + marker + "@example.com", "Other customer", "Their thread", List.of());
        TicketReceipt source = file(email(), "Mine", "My thread", List.of());
        long version = tickets.detail(source.id()).version();

        assertThatThrownBy(() -> tickets.merge(source.id(), target.id(), version, AGENT))
                .isInstanceOfSatisfying(MergeRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(MergeRefusedException.Reason.DIFFERENT_CUSTOMER));
        assertUnchanged(source, version);
        assertThat(tickets.detail(target.id()).messages()).isEmpty();
    }

    @Test
    void mergingIntoItselfAMergedTicketOrFromAMergedOneIsRefused() {
        TicketReceipt target = file(email(), "Target", "One", List.of());
        TicketReceipt first = file(email(), "First", "Two", List.of());
        TicketReceipt second = file(email(), "Second", "Three", List.of());
        long version = tickets.detail(second.id()).version();
        assertThatThrownBy(() -> tickets.merge(second.id(), second.id(), version, AGENT))
                .isInstanceOfSatisfying(MergeRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(MergeRefusedException.Reason.SELF));
        tickets.merge(first.id(), target.id(), tickets.detail(first.id()).version(), AGENT);

        assertThatThrownBy(() -> tickets.merge(second.id(), first.id(), version, AGENT))
                .isInstanceOfSatisfying(MergeRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(MergeRefusedException.Reason.TARGET_MERGED));
        assertThatThrownBy(() -> tickets.merge(first.id(), second.id(), tickets.detail(first.id()).version(), AGENT))
                .isInstanceOfSatisfying(MergeRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(MergeRefusedException.Reason.SOURCE_MERGED));
        assertUnchanged(second, version);
    }

    @Test
    void aStaleVersionIsAConflictAndNothingMoves() {
        TicketReceipt target = file(email(), "Target", "One", List.of());
        TicketReceipt source = file(email(), "Source", "Two", List.of());
        long seen = tickets.detail(source.id()).version();
        tickets.addStaffMessage(source.id(), "Someone else answered", Visibility.PUBLIC, seen, AGENT);
        long now = tickets.detail(source.id()).version();

        assertThatThrownBy(() -> tickets.merge(source.id(), target.id(), seen, AGENT))
                .isInstanceOf(TicketConflictException.class);
        assertUnchanged(source, now);
        assertThat(tickets.detail(source.id()).messages()).hasSize(1);
        assertThat(tickets.detail(target.id()).messages()).isEmpty();
    }

    void assertUnchanged(TicketReceipt ticket, long version) {
        TicketDetail detail = tickets.detail(ticket.id());
        assertThat(detail.version()).isEqualTo(version);
        assertThat(detail.mergedInto()).isNull();
        assertThat(detail.status()).isNotEqualTo(TicketStatus.CLOSED);
        assertThat(detail.events()).extracting(EventView::action).doesNotContain(TicketAction.MERGED_INTO);
    }

    @Test
    void aSplitMakesTheCustomersMessageATicketOfItsOwnWithItsKeysAndFiles() {
        TicketReceipt source = file(email(), "Two problems", "First problem", List.of());
        tickets.customerReply(source.followToken(), "Also: a second key fails\nkey " + KEY + " request id: req-split-" + marker);
        MessageView message = tickets.detail(source.id()).messages().get(0);
        attachments.attach(source.id(), message.id(), List.of(new MockMultipartFile("files", "second-" + marker
                + ".txt", "text/plain", "second".getBytes())), "Ann Lee", true, false);

        String number = tickets.split(source.id(), message.id(), tickets.detail(source.id()).version(), AGENT);

        long id = TicketNumber.parse(number).orElseThrow();
        TicketDetail created = tickets.detail(id);
        assertThat(created.customerEmail()).isEqualTo(email());
        assertThat(created.subject()).isEqualTo("Also: a second key fails");
        assertThat(created.description()).isEqualTo(message.body()).doesNotContain(KEY);
        assertThat(created.splitFrom()).isEqualTo(source.number());
        assertThat(created.maskedKeys()).hasSize(1);
        assertThat(logs.requestIds(tickets.evidence(id))).contains("req-split-" + marker);
        assertThat(created.events()).extracting(EventView::action).contains(TicketAction.SPLIT_FROM);
        assertThat(tickets.detail(source.id()).events()).extracting(EventView::action).contains(TicketAction.SPLIT_TO);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachments WHERE ticket_id = ?", Long.class, id))
                .isEqualTo(1L);
        assertThat(events.stream(FollowLinkIssued.class).filter(e -> e.ticketId() == id)).hasSize(1);
    }

    @Test
    void onlyACustomersMessageCanBeSplitOff() {
        TicketReceipt source = file(email(), "One problem", "Only one", List.of());
        MessageView note = tickets.addStaffMessage(source.id(), "Our note", Visibility.INTERNAL, null, AGENT);
        long version = tickets.detail(source.id()).version();

        assertThatThrownBy(() -> tickets.split(source.id(), note.id(), version, AGENT))
                .isInstanceOfSatisfying(MergeRefusedException.class, refused -> assertThat(refused.reason())
                        .isEqualTo(MergeRefusedException.Reason.NOT_A_CUSTOMER_MESSAGE));
        assertThat(tickets.detail(source.id()).version()).isEqualTo(version);
    }
}
