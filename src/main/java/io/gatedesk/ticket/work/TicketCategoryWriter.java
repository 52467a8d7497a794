package io.gatedesk.ticket.work;

import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.store.AuthorType;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the category another feature inferred for tickets, and the priority it suggests, for any number of tickets
 * with one statement per kind of change (JDBC batches): the triage worker classifies new tickets a hundred at a
 * time, and entity-by-entity writes (find, update, update, audit line) cost more than the classification itself.
 *
 * <p>Both values are derived, so neither the ticket's version nor its last-updated time moves (an agent's open form
 * stays valid). A priority someone set by hand is never touched; every priority change is on the audit trail.
 */
@Component
class TicketCategoryWriter {

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    TicketCategoryWriter(EntityManager entityManager, JdbcTemplate jdbc, Clock clock) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    private record Current(String category, Priority priority, boolean setByHand) {
    }

    /** Applies the updates; updates for tickets that do not exist are ignored. Returns how many tickets exist. */
    int apply(List<TicketService.CategoryUpdate> updates, String actorName) {
        if (updates.isEmpty()) {
            return 0;
        }
        // Entity changes of this transaction go first, or a later flush of a loaded ticket would write back the
        // old values over these.
        entityManager.flush();
        Map<Long, Current> current = current(updates);
        List<Object[]> categories = new ArrayList<>();
        List<Object[]> both = new ArrayList<>();
        List<TicketService.CategoryUpdate> bothUpdates = new ArrayList<>();
        List<Object[]> priorities = new ArrayList<>();
        List<TicketService.CategoryUpdate> priorityUpdates = new ArrayList<>();
        for (TicketService.CategoryUpdate update : updates) {
            Current now = current.get(update.ticketId());
            if (now == null) {
                continue;
            }
            boolean newCategory = !Objects.equals(now.category(), update.category());
            Priority next = update.suggestedPriority();
            boolean newPriority = next != null && !now.setByHand() && next != now.priority();
            if (newCategory && newPriority) {
                // One statement, so the row is rewritten (and every index on tickets updated) once, not twice.
                both.add(new Object[]{update.category(), next.name(), update.ticketId(), now.priority().name()});
                bothUpdates.add(update);
            } else if (newCategory) {
                categories.add(new Object[]{update.category(), update.ticketId()});
            } else if (newPriority) {
                priorities.add(new Object[]{next.name(), update.ticketId(), now.priority().name()});
                priorityUpdates.add(update);
            }
        }
        List<TicketService.CategoryUpdate> prioritized = new ArrayList<>();
        if (!both.isEmpty()) {
            // Guarded by the priority read above, so the audit line's "before" is exact even against a concurrent
            // change; a ticket someone changed in between keeps their priority and still gets its category.
            int[] changed = jdbc.batchUpdate("UPDATE tickets SET category = ?, priority = ? WHERE id = ? "
                    + "AND priority_set_by_hand = FALSE AND priority = ?", both);
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] == 0) {
                    categories.add(new Object[]{both.get(i)[0], both.get(i)[2]});
                } else {
                    prioritized.add(bothUpdates.get(i));
                }
            }
        }
        if (!categories.isEmpty()) {
            jdbc.batchUpdate("UPDATE tickets SET category = ? WHERE id = ?", categories);
        }
        if (!priorities.isEmpty()) {
            int[] changed = jdbc.batchUpdate("UPDATE tickets SET priority = ? WHERE id = ? "
                    + "AND priority_set_by_hand = FALSE AND priority = ?", priorities);
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] != 0) {
                    prioritized.add(priorityUpdates.get(i));
                }
            }
        }
        if (!prioritized.isEmpty()) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            List<Object[]> audit = new ArrayList<>(prioritized.size());
            for (TicketService.CategoryUpdate update : prioritized) {
                String detail = current.get(update.ticketId()).priority() + " → " + update.suggestedPriority()
                        + (update.detail() == null ? "" : " · " + update.detail());
                audit.add(new Object[]{update.ticketId(), AuthorType.SYSTEM.name(), actorName,
                        TicketAction.PRIORITY_SUGGESTED.name(), detail, now});
            }
            jdbc.batchUpdate("INSERT INTO ticket_events (ticket_id, actor_type, actor_name, action, detail, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)", audit);
        }
        // Tickets loaded earlier in this transaction no longer show what is stored.
        entityManager.clear();
        return current.size();
    }

    private Map<Long, Current> current(List<TicketService.CategoryUpdate> updates) {
        List<Long> ids = updates.stream().map(TicketService.CategoryUpdate::ticketId).distinct().toList();
        Map<Long, Current> current = new HashMap<>();
        named.query("SELECT id, category, priority, priority_set_by_hand FROM tickets WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", ids),
                row -> {
                    current.put(row.getLong("id"), new Current(row.getString("category"),
                            Priority.valueOf(row.getString("priority")), row.getBoolean("priority_set_by_hand")));
                });
        return current;
    }
}
