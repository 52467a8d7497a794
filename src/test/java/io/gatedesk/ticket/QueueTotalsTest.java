package io.gatedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Large queue views take their total from the per-category counts instead of an exact count per page. With the
 * threshold at 0 every view takes that path here, through the cache; totals, pages and rows must be what an exact
 * count gives.
 */
@SpringBootTest(properties = {"gatedesk.desk.exact-count-below=0", "gatedesk.desk.count-cache-ttl=1h"})
@ActiveProfiles("test")
class QueueTotalsTest {

    @Autowired
    private TicketService tickets;
    @Autowired
    private UserService users;

    @Test
    void totalsFromCategoryCountsMatchTheRowsForEveryFilter() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StaffMember agent = users.create(new UserService.NewStaffMember("totals-" + marker, "Totals", null,
                "totals-password-1", EnumSet.of(Role.AGENT)));
        for (int i = 0; i < 30; i++) {
            TicketReceipt receipt = tickets.submit(new NewTicket("Queue totals " + marker + " " + i, "Body " + marker,
                    "Ann", "ann@example.com", ClientApp.CURSOR, null, null, "gpt-4o", null, List.of(),
                    i % 3 == 0 ? 401 : null, i % 3 == 0 ? "Incorrect API key provided" : null, null, null, false,
                    null), Locale.ENGLISH);
            if (i % 5 == 0) {
                tickets.change(receipt.id(), new TicketChange(null, null, agent.id(), false),
                        tickets.detail(receipt.id()).version(), new Actor(agent.id(), agent.displayName()));
            }
        }

        QueueFilter all = new QueueFilter("all", null, null, marker, null, 0);
        var first = tickets.queue(all, agent.id());
        assertThat(first.getTotalElements()).isEqualTo(30);
        assertThat(first.getTotalPages()).isEqualTo(2);
        assertThat(first.getContent()).hasSize(25);
        var second = tickets.queue(new QueueFilter("all", null, null, marker, null, 1), agent.id());
        assertThat(second.getContent()).hasSize(5);
        assertThat(second.getContent()).extracting(QueueRow::id)
                .doesNotContainAnyElementsOf(first.getContent().stream().map(QueueRow::id).toList());

        var invalidKey = tickets.queue(new QueueFilter("all", null, null, marker, null, 0, "INVALID_KEY", null),
                agent.id());
        assertThat(invalidKey.getTotalElements()).isEqualTo(10);
        assertThat(invalidKey.getContent()).allSatisfy(row -> assertThat(row.category()).isEqualTo("INVALID_KEY"));

        var mine = tickets.queue(new QueueFilter("all", null, "me", marker, null, 0), agent.id());
        assertThat(mine.getTotalElements()).isEqualTo(6);
        assertThat(mine.getContent()).hasSize(6);

        var none = tickets.queue(new QueueFilter("all", null, null, marker + "-nothing", null, 0), agent.id());
        assertThat(none.getTotalElements()).isZero();
        assertThat(none.getContent()).isEmpty();
    }
}
