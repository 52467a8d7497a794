package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Classifying a batch of tickets (the triage worker's set-based path) stores exactly what classifying them one by one
 * stores: category, priority, the classification with its reasons, and the audit lines. Each case is filed twice;
 * one twin goes through the batch, the other through {@link TriageService#reclassify}. Run on H2 and PostgreSQL.
 */
abstract class TriageBatchContract {

    @Autowired
    private TicketService tickets;
    @Autowired
    private TriageService triage;
    @Autowired
    private JdbcTemplate jdbc;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private record Case(String text, Integer status, String error, CallerType callerType, boolean overridden,
                        boolean priorityByHand, String reply) {
    }

    private long file(Case c) {
        TicketReceipt receipt = tickets.submit(new NewTicket("Problem " + marker, c.text() + " " + marker, "Ann",
                "ann@example.com", ClientApp.CURSOR, null, null, "gpt-4o", null, List.of(), c.status(), c.error(),
                null, null, false, c.callerType()), Locale.ENGLISH);
        long id = receipt.id();
        Actor agent = new Actor(null, "Agent Smith");
        if (c.reply() != null) {
            tickets.customerReply(receipt.followToken(), c.reply());
        }
        if (c.overridden()) {
            triage.override(id, ErrorCategory.UPSTREAM_ERROR, agent);
        }
        if (c.priorityByHand()) {
            tickets.change(id, new TicketChange(null, Priority.P4, null, false), tickets.detail(id).version(), agent);
        }
        // As if never classified (an override stays: it is the agent's, not the classifier's).
        jdbc.update("UPDATE tickets SET category = NULL WHERE id = ?", id);
        jdbc.update("UPDATE tickets SET priority = 'P3' WHERE id = ? AND priority_set_by_hand = FALSE", id);
        jdbc.update("DELETE FROM ticket_classifications WHERE ticket_id = ? AND overridden = FALSE", id);
        jdbc.update("DELETE FROM ticket_events WHERE ticket_id = ? AND action = 'PRIORITY_SUGGESTED'", id);
        return id;
    }

    private Map<String, Object> stored(long id) {
        Map<String, Object> ticket = jdbc.queryForMap("SELECT t.category, t.priority, t.version, t.updated_at, "
                + "c.category AS c_category, c.inferred_category, c.confidence, c.reasons, c.overridden "
                + "FROM tickets t JOIN ticket_classifications c ON c.ticket_id = t.id WHERE t.id = ?", id);
        ticket.put("audit", jdbc.queryForList("SELECT actor_type, actor_name, action, detail FROM ticket_events "
                + "WHERE ticket_id = ? AND action = 'PRIORITY_SUGGESTED' ORDER BY id", id));
        return ticket;
    }

    @Test
    void aBatchStoresExactlyWhatOneByOneStores() {
        List<Case> cases = List.of(
                new Case("It fails", 401, "Incorrect API key provided", CallerType.PRODUCTION, false, false, null),
                new Case("It fails", 429, "Rate limit reached for requests", CallerType.TEST, false, false, null),
                new Case("Nothing useful", null, null, null, false, false, null),
                new Case("It fails", 401, "Invalid token", CallerType.PERSONAL, true, false, null),
                new Case("It fails", 503, "当前分组 default 下对于模型 gpt-4o 无可用渠道", CallerType.PRODUCTION, false,
                        true, null),
                new Case("It fails", null, null, CallerType.HIGH_COST, false, false,
                        "Now it says: Error code: 429 - insufficient_quota, You exceeded your current quota"));
        List<Long> batch = new ArrayList<>();
        List<Long> single = new ArrayList<>();
        for (Case c : cases) {
            batch.add(file(c));
            single.add(file(c));
        }
        List<Long> withMissing = new ArrayList<>(batch);
        withMissing.add(2, Long.MAX_VALUE);

        List<TicketTriage> views = triage.reclassifyAll(withMissing);
        single.forEach(triage::reclassify);

        assertThat(views).extracting(TicketTriage::ticketId).containsExactlyElementsOf(batch);
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> fromBatch = stored(batch.get(i));
            Map<String, Object> oneByOne = stored(single.get(i));
            fromBatch.remove("updated_at");
            oneByOne.remove("updated_at");
            assertThat(fromBatch).as("case %d: %s", i, cases.get(i)).isEqualTo(oneByOne);
            assertThat(views.get(i).category().name()).isEqualTo(fromBatch.get("category"));
        }
        // Spot checks that the cases test what they say.
        assertThat(stored(batch.get(0))).containsEntry("category", "INVALID_KEY").containsEntry("priority", "P2");
        assertThat((List<?>) stored(batch.get(0)).get("audit")).hasSize(1);
        assertThat(stored(batch.get(3))).containsEntry("category", "UPSTREAM_ERROR")
                .containsEntry("inferred_category", "INVALID_KEY");
        assertThat(stored(batch.get(4))).containsEntry("priority", "P4");
        assertThat((List<?>) stored(batch.get(4)).get("audit")).isEmpty();
        assertThat(stored(batch.get(5))).containsEntry("category", "INSUFFICIENT_QUOTA");
    }

    @Test
    void derivedValuesDoNotCountAsAnEdit() {
        long id = file(new Case("It fails", 401, "Incorrect API key provided", CallerType.PRODUCTION, false, false,
                null));
        Map<String, Object> before = jdbc.queryForMap("SELECT version, updated_at FROM tickets WHERE id = ?", id);

        triage.reclassifyAll(List.of(id));

        assertThat(jdbc.queryForMap("SELECT version, updated_at FROM tickets WHERE id = ?", id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT category FROM tickets WHERE id = ?", String.class, id))
                .isEqualTo("INVALID_KEY");
    }
}
