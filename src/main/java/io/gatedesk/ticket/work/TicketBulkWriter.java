package io.gatedesk.ticket.work;

import io.gatedesk.ticket.store.MessageText;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.BulkOutcome;
import io.gatedesk.ticket.BulkReply;
import io.gatedesk.ticket.PublicReplyAdded;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.TicketStatusChanged;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.ticket.store.AuthorType;
import io.gatedesk.ticket.store.MaskedKeyEvidence;
import io.gatedesk.ticket.store.Ticket;
import io.gatedesk.ticket.store.TicketRepository;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public staff replies and status changes for many tickets at once (an incident answered or resolved), with one
 * statement per kind of row (JDBC batches) instead of the entity-by-entity path of {@link TicketService#reply}: at a
 * thousand tickets that path spent most of a minute in reads and single-row writes. The ticket's own rules still
 * decide what a reply or status change does to it (first response, reopening, resolved time); this class only writes
 * the result. Every ticket still gets its audit lines, and every text still passes the secret guard (once per
 * distinct text: a bulk reply is mostly the same words).
 *
 * <p>Each ticket row is written only if its version is the one read here, so a concurrent edit is never overwritten:
 * such a ticket is reported as conflicted, with nothing written to it.
 *
 * <p>Every ticket written gets the same events as the one-by-one path, in this transaction: {@link PublicReplyAdded}
 * for its reply and {@link TicketStatusChanged} for its move, so the customer's mail and the escalation rounds follow
 * a bulk answer exactly as they follow a single one.
 */
@Component
class TicketBulkWriter {

    private final EntityManager entityManager;
    private final TicketRepository tickets;
    private final JdbcTemplate jdbc;
    private final SecretGuard secretGuard;
    private final MaskedKeyEvidence maskedKeys;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    TicketBulkWriter(EntityManager entityManager, TicketRepository tickets, JdbcTemplate jdbc, SecretGuard secretGuard,
                     MaskedKeyEvidence maskedKeys, Clock clock, ApplicationEventPublisher publisher) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.secretGuard = secretGuard;
        this.maskedKeys = maskedKeys;
        this.clock = clock;
    }

    /** A reply's text after the secret guard, with what it masked; {@code null} text when it may not be sent. */
    private record Checked(String text, List<SecretFinding> findings) {
    }

    /** One ticket's change, worked out by the ticket itself before anything is written. */
    private record Change(Ticket ticket, long readVersion, Checked reply, TicketStatus from, String statusLine) {
    }

    BulkOutcome write(List<BulkReply> replies, List<Long> statusOnly, TicketStatus then, String why, Actor actor) {
        // Entity changes of this transaction go first, so the versions read below are the ones stored.
        entityManager.flush();
        List<Long> ids = new ArrayList<>();
        replies.forEach(reply -> ids.add(reply.ticketId()));
        ids.addAll(statusOnly);
        Map<Long, Ticket> found = new HashMap<>();
        tickets.findAllById(ids).forEach(ticket -> found.put(ticket.getId(), ticket));
        Map<String, Checked> checkedTexts = new HashMap<>();
        Instant now = clock.instant();
        List<Long> missing = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (BulkReply reply : replies) {
            Ticket ticket = found.get(reply.ticketId());
            if (ticket == null) {
                missing.add(reply.ticketId());
                continue;
            }
            Checked checked = checkedTexts.computeIfAbsent(reply.body() == null ? "" : reply.body(), this::check);
            if (checked.text() == null) {
                refused.add(reply.ticketId());
                continue;
            }
            long version = ticket.getVersion();
            ticket.staffReplied(now);
            TicketStatus from = ticket.getStatus();
            changes.add(new Change(ticket, version, checked, from, moveTo(ticket, then, why, now)));
        }
        for (long id : statusOnly) {
            Ticket ticket = found.get(id);
            if (ticket == null) {
                missing.add(id);
                continue;
            }
            long version = ticket.getVersion();
            TicketStatus from = ticket.getStatus();
            String line = moveTo(ticket, then, why, now);
            if (line != null) {
                changes.add(new Change(ticket, version, null, from, line));
            }
        }
        // The tickets were changed in memory only to let them apply their rules; the rows are written below.
        entityManager.clear();
        List<Change> written = new ArrayList<>(changes.size());
        List<Long> conflicted = new ArrayList<>();
        int[] updated = writeTickets(changes);
        for (int i = 0; i < updated.length; i++) {
            // A driver may answer SUCCESS_NO_INFO (-2) for a batched row; only 0 means the version had moved on.
            if (updated[i] == 0) {
                conflicted.add(changes.get(i).ticket().getId());
            } else {
                written.add(changes.get(i));
            }
        }
        List<Long> messageIds = writeMessagesAndAudit(written, actor, now);
        publish(written, messageIds, actor);
        return new BulkOutcome(written.stream().map(change -> change.ticket().getId()).toList(), conflicted,
                List.copyOf(missing), List.copyOf(refused));
    }

    private Checked check(String body) {
        List<SecretFinding> findings = new ArrayList<>();
        String text = secretGuard.redactInto(body.strip(), findings);
        boolean sendable = !text.isEmpty() && text.length() <= MessageText.MAX_LENGTH;
        return new Checked(sendable ? text : null, SecretFinding.distinct(findings));
    }

    /** Lets the ticket move to {@code then}; the audit line for it, or {@code null} when it is there already. */
    private static String moveTo(Ticket ticket, TicketStatus then, String why, Instant now) {
        if (then == null || ticket.getStatus() == then) {
            return null;
        }
        TicketStatus before = ticket.getStatus();
        ticket.changeStatus(then, now);
        return before + " → " + then + (why == null ? "" : " (" + why + ")");
    }

    private int[] writeTickets(List<Change> changes) {
        if (changes.isEmpty()) {
            return new int[0];
        }
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change change : changes) {
            Ticket ticket = change.ticket();
            rows.add(new Object[]{ticket.getStatus().name(), nullableUtc(ticket.getFirstResponseAt()),
                    nullableUtc(ticket.getResolvedAt()), nullableUtc(ticket.getCustomerRepliedAt()),
                    utc(ticket.getUpdatedAt()),
                    ticket.getId(), change.readVersion()});
        }
        return jdbc.batchUpdate("UPDATE tickets SET status = ?, first_response_at = ?, resolved_at = ?, "
                + "customer_replied_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?", rows);
    }

    /**
     * The one-by-one path's events, per ticket in the order written: the reply first, then the move. As there, a new
     * ticket that a reply opens is not a move (only {@code then} is).
     */
    private void publish(List<Change> written, List<Long> messageIds, Actor actor) {
        int reply = 0;
        for (Change change : written) {
            Ticket ticket = change.ticket();
            if (change.reply() != null) {
                publisher.publishEvent(new PublicReplyAdded(ticket.getId(), messageIds.get(reply++), actor.name()));
            }
            if (change.statusLine() != null) {
                publisher.publishEvent(new TicketStatusChanged(ticket.getId(), change.from(), ticket.getStatus(),
                        actor.name()));
            }
        }
    }

    /** Writes the replies and audit lines; the new messages' ids, in the order of {@code written}'s replies. */
    private List<Long> writeMessagesAndAudit(List<Change> written, Actor actor, Instant now) {
        OffsetDateTime at = utc(now);
        List<Object[]> messages = new ArrayList<>();
        List<Object[]> audit = new ArrayList<>();
        Map<Long, Checked> withKeys = new LinkedHashMap<>();
        for (Change change : written) {
            long id = change.ticket().getId();
            if (change.reply() != null) {
                messages.add(new Object[]{id, AuthorType.STAFF.name(), new SqlParameterValue(Types.BIGINT,
                        actor.userId()), actor.name(), Visibility.PUBLIC.name(), change.reply().text(), at});
                audit.add(auditRow(id, actor, TicketAction.PUBLIC_REPLY, null, at));
                for (SecretFinding finding : change.reply().findings()) {
                    audit.add(auditRow(id, actor, TicketAction.SECRET_MASKED,
                            finding.kind() + " " + finding.masked() + " sha256:" + finding.fingerprint(), at));
                }
                withKeys.put(id, change.reply());
            }
            if (change.statusLine() != null) {
                audit.add(auditRow(id, actor, TicketAction.STATUS_CHANGED, change.statusLine(), at));
            }
        }
        List<Long> messageIds = insertMessages(messages);
        if (!audit.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ticket_events (ticket_id, actor_type, actor_name, action, detail, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)", audit);
        }
        // Masked keys the reply mentions join the ticket's keys, as on a single reply; a text naming none (the usual
        // bulk reply) costs no query.
        Map<Checked, Boolean> namesKeys = new HashMap<>();
        withKeys.forEach((id, reply) -> {
            if (namesKeys.computeIfAbsent(reply, r -> maskedKeys.mentionsAny(List.of(r.text()), r.findings()))) {
                maskedKeys.record(id, List.of(reply.text()), reply.findings());
            }
        });
        return messageIds;
    }

    /** One batch of inserts that hands back each new row's id (both H2 and PostgreSQL return keys for a batch). */
    private List<Long> insertMessages(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement("INSERT INTO ticket_messages (ticket_id, "
                        + "author_type, author_user_id, author_name, visibility, body, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", new String[]{"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Object[] row = rows.get(i);
                        statement.setLong(1, (Long) row[0]);
                        statement.setString(2, (String) row[1]);
                        Object authorId = ((SqlParameterValue) row[2]).getValue();
                        if (authorId == null) {
                            statement.setNull(3, Types.BIGINT);
                        } else {
                            statement.setLong(3, ((Number) authorId).longValue());
                        }
                        statement.setString(4, (String) row[3]);
                        statement.setString(5, (String) row[4]);
                        statement.setString(6, (String) row[5]);
                        statement.setObject(7, row[6], Types.TIMESTAMP_WITH_TIMEZONE);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Long> ids = new ArrayList<>(rows.size());
        keys.getKeyList().forEach(key -> ids.add(((Number) key.values().iterator().next()).longValue()));
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("the database returned " + ids.size() + " ids for " + rows.size()
                    + " new messages");
        }
        return ids;
    }

    private static Object[] auditRow(long ticketId, Actor actor, TicketAction action, String detail,
                                     OffsetDateTime at) {
        return new Object[]{ticketId, AuthorType.STAFF.name(), actor.name(), action.name(),
                new SqlParameterValue(Types.VARCHAR, detail), at};
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Typed, so a null costs the driver no look-up of the column's type. */
    private static SqlParameterValue nullableUtc(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : utc(instant));
    }
}
