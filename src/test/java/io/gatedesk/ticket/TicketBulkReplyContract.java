package io.gatedesk.ticket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk path ({@link TicketService#addPublicReplies}, {@link TicketService#changeStatuses}) leaves every ticket as
 * the one-by-one path ({@link TicketService#addStaffMessage} then {@link TicketService#changeStatus}) does, on every
 * database GateDesk runs on: same messages, audit lines, status, first-response and resolution times, customer view,
 * masked keys. Each scenario runs once per path on twin tickets and compares them.
 */
@RecordApplicationEvents
abstract class TicketBulkReplyContract {

    static final Actor AGENT = new Actor(null, "Agent Bulk");
    static final String KEY = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk";

    @Autowired
    TicketService tickets;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEvents events;

    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    TicketReceipt file(String name) {
        return tickets.submit(new NewTicket("503 " + marker + " " + name, "Every call fails " + marker, name,
                "c@example.com", null, null, null, "gpt-4o", null, List.of(), 503, "no available channel", null, null,
                null, null), Locale.ENGLISH);
    }

    /** What must come out the same on both paths: everything but ids and times. */
    record Shape(TicketStatus status, boolean firstResponded, boolean resolved, List<String> messages,
                 List<String> audit, List<String> customerSees, List<String> keys) {
    }

    Shape shape(TicketReceipt receipt) {
        TicketDetail detail = tickets.detail(receipt.id());
        CustomerTicketView customer = tickets.forCustomer(receipt.followToken()).orElseThrow();
        return new Shape(detail.status(), detail.firstResponseAt() != null, detail.resolvedAt() != null,
                detail.messages().stream().map(m -> m.fromCustomer() + " " + m.authorName() + " " + m.visibility()
                        + " " + m.body()).toList(),
                // Triage suggests a priority in the background, on each twin at its own moment.
                detail.events().stream().filter(e -> e.action() != TicketAction.PRIORITY_SUGGESTED)
                        .map(e -> e.actorName() + " " + e.action() + " " + e.detail()).toList(),
                customer.publicMessages().stream().map(MessageView::body).toList(),
                detail.maskedKeys().stream().map(k -> k.masked()).toList());
    }

    @Test
    void aBulkReplyWithAStatusChangeLeavesTheTicketAsTheOneByOnePathDoes() {
        TicketReceipt single = file("Ann");
        TicketReceipt bulk = file("Ann");
        String body = "Known issue, we are on it.";

        tickets.addStaffMessage(single.id(), body, Visibility.PUBLIC, null, AGENT);
        tickets.changeStatus(single.id(), TicketStatus.RESOLVED, AGENT, "incident #7 resolved");
        BulkOutcome outcome = tickets.addPublicReplies(List.of(new BulkReply(bulk.id(), body)),
                TicketStatus.RESOLVED, "incident #7 resolved", AGENT);

        assertThat(outcome.done()).containsExactly(bulk.id());
        assertThat(outcome.conflicted()).isEmpty();
        Shape expected = shape(single);
        assertThat(shape(bulk)).isEqualTo(expected);
        assertThat(expected.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(expected.customerSees()).contains(body);
        assertThat(expected.audit()).contains("Agent Bulk STATUS_CHANGED OPEN → RESOLVED (incident #7 resolved)");
        TicketDetail detail = tickets.detail(bulk.id());
        MessageView reply = detail.messages().get(detail.messages().size() - 1);
        assertThat(detail.firstResponseAt()).isEqualTo(reply.createdAt());
        assertThat(detail.version()).isGreaterThan(0);
    }

    @Test
    void aBulkReplyAloneOpensANewTicketAndStartsNoResolutionClock() {
        TicketReceipt single = file("Bo");
        TicketReceipt bulk = file("Bo");

        tickets.addStaffMessage(single.id(), "Looking into it.", Visibility.PUBLIC, null, AGENT);
        tickets.addPublicReplies(List.of(new BulkReply(bulk.id(), "Looking into it.")), null, null, AGENT);

        assertThat(shape(bulk)).isEqualTo(shape(single));
        assertThat(tickets.detail(bulk.id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(tickets.detail(bulk.id()).resolvedAt()).isNull();
    }

    @Test
    void aKeyInTheTextIsMaskedOnEveryTicketAuditedAndRecordedAsOnASingleReply() {
        TicketReceipt single = file("Cy");
        TicketReceipt first = file("Cy");
        TicketReceipt second = file("Cy");
        String body = "Your key " + KEY + " is fine.";

        tickets.addStaffMessage(single.id(), body, Visibility.PUBLIC, null, AGENT);
        tickets.addPublicReplies(List.of(new BulkReply(first.id(), body), new BulkReply(second.id(), body)), null,
                null, AGENT);

        Shape expected = shape(single);
        assertThat(expected.messages()).noneMatch(text -> text.contains(KEY));
        assertThat(expected.audit()).anyMatch(line -> line.contains("SECRET_MASKED"));
        assertThat(expected.keys()).isNotEmpty();
        assertThat(shape(first)).isEqualTo(expected);
        assertThat(shape(second)).isEqualTo(expected);
    }

    @Test
    void aTicketChangedAfterTheBulkReadItIsReportedAndLeftAsItsEditorLeftIt() {
        TicketReceipt changed = file("Di");
        TicketReceipt calm = file("Di");
        TransactionTemplate bulk = new TransactionTemplate(transactions);
        TransactionTemplate meanwhile = new TransactionTemplate(transactions);
        meanwhile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        BulkOutcome outcome = bulk.execute(status -> {
            // The bulk transaction holds the ticket as read before the agent's save commits.
            long seen = tickets.detail(changed.id()).version();
            meanwhile.executeWithoutResult(inner -> tickets.change(changed.id(),
                    new TicketChange(null, Priority.P1, null, false), seen, AGENT));
            return tickets.addPublicReplies(List.of(new BulkReply(changed.id(), "Known issue."),
                    new BulkReply(calm.id(), "Known issue.")), TicketStatus.RESOLVED, "incident", AGENT);
        });

        assertThat(outcome.conflicted()).containsExactly(changed.id());
        assertThat(outcome.done()).containsExactly(calm.id());
        TicketDetail kept = tickets.detail(changed.id());
        assertThat(kept.priority()).isEqualTo(Priority.P1);
        assertThat(kept.status()).isEqualTo(TicketStatus.NEW);
        assertThat(kept.messages()).noneMatch(m -> m.body().equals("Known issue."));
        assertThat(kept.events()).noneMatch(e -> e.action() == TicketAction.PUBLIC_REPLY);
        assertThat(tickets.detail(calm.id()).status()).isEqualTo(TicketStatus.RESOLVED);

        BulkOutcome retried = tickets.addPublicReplies(List.of(new BulkReply(changed.id(), "Known issue.")),
                TicketStatus.RESOLVED, "incident", AGENT);
        assertThat(retried.done()).containsExactly(changed.id());
        assertThat(tickets.detail(changed.id()).priority()).isEqualTo(Priority.P1);
    }

    @Test
    void missingTicketsAndEmptyTextsAreReportedNotWritten() {
        TicketReceipt ticket = file("Ed");

        BulkOutcome outcome = tickets.addPublicReplies(List.of(new BulkReply(ticket.id(), "   "),
                new BulkReply(Long.MAX_VALUE, "Known issue.")), null, null, AGENT);

        assertThat(outcome.refused()).containsExactly(ticket.id());
        assertThat(outcome.missing()).containsExactly(Long.MAX_VALUE);
        assertThat(tickets.detail(ticket.id()).messages()).isEmpty();
    }

    @Test
    void changingStatusesInBulkAuditsOnlyTicketsThatMove() {
        TicketReceipt single = file("Fay");
        TicketReceipt bulk = file("Fay");
        TicketReceipt already = file("Fay");
        tickets.changeStatus(already.id(), TicketStatus.WAITING_ON_CUSTOMER, AGENT, "before");

        tickets.changeStatus(single.id(), TicketStatus.WAITING_ON_CUSTOMER, AGENT, "incident #9 resolved");
        BulkOutcome outcome = tickets.changeStatuses(List.of(bulk.id(), already.id()),
                TicketStatus.WAITING_ON_CUSTOMER, AGENT, "incident #9 resolved");

        assertThat(outcome.done()).containsExactly(bulk.id());
        assertThat(shape(bulk)).isEqualTo(shape(single));
        assertThat(tickets.detail(already.id()).events()).filteredOn(e -> e.action() == TicketAction.STATUS_CHANGED)
                .hasSize(1);
    }

    @Test
    void aPublicStaffReplyIsNotEvidenceButANoteAndTheCustomersWordsAre() {
        TicketReceipt ticket = file("Gus");
        tickets.addStaffMessage(ticket.id(), "If you see 401, check your key.", Visibility.PUBLIC, null, AGENT);
        tickets.addStaffMessage(ticket.id(), "Channel 7 answers 502.", Visibility.INTERNAL, null, AGENT);
        tickets.customerReply(ticket.followToken(), "Still failing.");

        TicketEvidence evidence = tickets.evidence(ticket.id());
        assertThat(evidence.evidenceBodies()).containsExactly("Channel 7 answers 502.", "Still failing.");
        assertThat(evidence.messageBodies()).hasSize(3);
        assertThat(tickets.evidence(List.of(ticket.id())).get(0).evidenceBodies())
                .isEqualTo(evidence.evidenceBodies());
    }

    /** What the customer's mail and the escalation rounds hear about one ticket, in order, without ids. */
    List<String> heard(long ticketId) {
        return events.stream().map(event -> event instanceof PayloadApplicationEvent<?> payload
                ? payload.getPayload() : event).<String>mapMulti((event, out) -> {
            if (event instanceof PublicReplyAdded reply && reply.ticketId() == ticketId) {
                out.accept("reply by " + reply.authorName() + ": "
                        + tickets.detail(ticketId).messages().stream().filter(m -> m.id() == reply.messageId())
                        .map(MessageView::body).findFirst().orElse("(no such message)"));
            } else if (event instanceof TicketStatusChanged moved && moved.ticketId() == ticketId) {
                out.accept("moved " + moved.from() + " → " + moved.to() + " by " + moved.actorName());
            }
        }).toList();
    }

    @Test
    void theBulkPathTellsOtherFeaturesWhatTheOneByOnePathTellsThem() {
        TicketReceipt single = file("Hal");
        TicketReceipt bulk = file("Hal");
        TicketReceipt second = file("Hal");
        String body = "Fixed upstream; please retry.";

        tickets.addStaffMessage(single.id(), body, Visibility.PUBLIC, null, AGENT);
        tickets.changeStatus(single.id(), TicketStatus.RESOLVED, AGENT, "incident #8 resolved");
        tickets.addPublicReplies(List.of(new BulkReply(bulk.id(), body), new BulkReply(second.id(), body)),
                TicketStatus.RESOLVED, "incident #8 resolved", AGENT);

        assertThat(heard(single.id())).containsExactly("reply by Agent Bulk: " + body,
                "moved OPEN → RESOLVED by Agent Bulk");
        assertThat(heard(bulk.id())).isEqualTo(heard(single.id()));
        // Each ticket's event names its own new message, not its neighbour's.
        assertThat(heard(second.id())).isEqualTo(heard(single.id()));

        TicketReceipt statusOnly = file("Hal");
        tickets.changeStatuses(List.of(statusOnly.id(), single.id()), TicketStatus.CLOSED, AGENT, "closing");
        assertThat(heard(statusOnly.id())).containsExactly("moved NEW → CLOSED by Agent Bulk");
        assertThat(heard(single.id())).endsWith("moved RESOLVED → CLOSED by Agent Bulk");
    }
}
