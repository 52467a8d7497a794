package io.gatedesk.workspace;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.BulkOutcome;
import io.gatedesk.ticket.BulkTarget;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketTagging;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tags, per-ticket bulk changes, view counts and saved views behave the same on every database GateDesk runs on:
 * the tag filter's subquery, the autocomplete's LIKE … ESCAPE and LIMIT, the version check of each ticket.
 */
abstract class WorkspaceStoreContract {

    @Autowired
    TicketService tickets;
    @Autowired
    SavedViews views;
    @Autowired
    UserService users;

    String marker;
    StaffMember agent;
    Actor actor;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("store-" + marker, "Store " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        actor = Actor.of(agent);
    }

    TicketReceipt file(String subject) {
        return tickets.submit(new NewTicket(subject + " " + marker, "Details", "Bob", "bob@example.com",
                ClientApp.CURSOR, null, null, "gpt-4o", null, List.of(), 401, null, null, null, false,
                CallerType.TEST), Locale.ENGLISH);
    }

    QueueFilter byTag(String tag) {
        return new QueueFilter("all", null, null, null, null, 0, null, null, tag, null);
    }

    @Test
    void taggedTicketsAreFoundByTagCountedAndSuggested() {
        TicketReceipt a = file("A");
        TicketReceipt b = file("B");
        file("C");
        String tag = "x_" + marker;
        BulkOutcome outcome = tickets.bulkChange(List.of(new BulkTarget(a.id(), null), new BulkTarget(b.id(), null)),
                new TicketChange(null, null, null, false), new TicketTagging(List.of(tag, "vip"), List.of()), actor);

        assertThat(outcome.done()).containsExactly(a.id(), b.id());
        assertThat(tickets.queue(byTag(tag), agent.id()).getContent()).extracting(row -> row.id())
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(tickets.queue(byTag(tag), agent.id()).getContent().get(0).tags()).contains(tag, "vip");
        assertThat(tickets.count(byTag(tag), agent.id())).isEqualTo(2);
        // "_" is a LIKE wildcard: escaped, "x_" matches only tags that really start with "x_".
        assertThat(tickets.tagsStartingWith("x_" + marker.substring(0, 3), 10)).containsExactly(tag);
        assertThat(tickets.tagsStartingWith("xy", 10)).doesNotContain(tag);
    }

    @Test
    void aTicketWhoseVersionMovedIsSkippedAndTheOthersChange() {
        TicketReceipt fresh = file("Fresh");
        TicketReceipt moved = file("Moved");
        long stale = tickets.detail(moved.id()).version();
        tickets.change(moved.id(), new TicketChange(null, Priority.P1, null, false), stale, actor);

        BulkOutcome outcome = tickets.bulkChange(List.of(
                        new BulkTarget(fresh.id(), tickets.detail(fresh.id()).version()),
                        new BulkTarget(moved.id(), stale), new BulkTarget(99_999_999L, null)),
                new TicketChange(null, Priority.P4, agent.id(), false), TicketTagging.NONE, actor);

        assertThat(outcome.done()).containsExactly(fresh.id());
        assertThat(outcome.conflicted()).containsExactly(moved.id());
        assertThat(outcome.missing()).containsExactly(99_999_999L);
        assertThat(tickets.detail(fresh.id()).priority()).isEqualTo(Priority.P4);
        assertThat(tickets.detail(moved.id()).priority()).isEqualTo(Priority.P1);
        assertThat(tickets.detail(moved.id()).assigneeId()).isNull();
    }

    @Test
    void removingATagAuditsItAndTheTicketLeavesTheTagView() {
        TicketReceipt a = file("Untag");
        String tag = "gone-" + marker;
        tickets.bulkChange(List.of(new BulkTarget(a.id(), null)), new TicketChange(null, null, null, false),
                new TicketTagging(List.of(tag), List.of()), actor);
        tickets.bulkChange(List.of(new BulkTarget(a.id(), null)), new TicketChange(null, null, null, false),
                new TicketTagging(List.of(), List.of(tag)), actor);

        assertThat(tickets.count(byTag(tag), agent.id())).isZero();
        assertThat(tickets.detail(a.id()).events()).extracting(e -> e.action().name() + " " + e.detail())
                .contains("TAGGED " + tag, "UNTAGGED " + tag);
    }

    @Test
    void savedViewsListWithCountsAndTheDefaultSurvivesOnlyWhileTheViewExists() {
        TicketReceipt a = file("Saved");
        String tag = "sv-" + marker;
        tickets.bulkChange(List.of(new BulkTarget(a.id(), null)), new TicketChange(null, null, null, false),
                new TicketTagging(List.of(tag), List.of()), actor);
        QueueView saved = views.save("Tagged " + marker, byTag(tag), false, agent.id(), false);
        views.setDefault(agent.id(), saved.ref());

        assertThat(views.list(agent.id(), false)).filteredOn(v -> v.ref().equals(saved.ref())).singleElement()
                .satisfies(v -> {
                    assertThat(v.count()).isEqualTo(1);
                    assertThat(v.isDefault()).isTrue();
                });
        assertThat(views.defaultQuery(agent.id())).contains(saved.query());

        views.delete(Long.parseLong(saved.ref().substring("view:".length())), agent.id(), false);
        assertThat(views.defaultQuery(agent.id())).isEmpty();
        assertThatThrownBy(() -> views.save("Shared", byTag(tag), true, agent.id(), false))
                .isInstanceOf(ViewForbiddenException.class);
    }
}
