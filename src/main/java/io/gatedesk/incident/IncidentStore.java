package io.gatedesk.incident;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The incident tables, read and written with plain SQL so bulk work over a thousand tickets stays a few statements. */
@Repository
class IncidentStore {

    /** An incident row. */
    record Row(long id, String title, IncidentStatus status, boolean suggested, String category, String model,
               String channel, boolean publicNotice, Instant startedAt, Instant lastSignalAt, Instant suppressedUntil,
               Instant resolvedAt, Long mergedInto, Long escalationTicketId) {
    }

    /** What the detector stored for one ticket. */
    record Signal(long ticketId, String category, String model, String channel, Instant filedAt) {
    }

    private static final String COLUMNS = "id, title, status, suggested, category, model, channel, public_notice, "
            + "started_at, last_signal_at, suppressed_until, resolved_at, merged_into, escalation_ticket_id";

    // Still gathering tickets: confirmed and open, or open or dismissed with a signal or suppression inside the window.
    private static final String REACHES = "((suggested = FALSE AND status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING')) "
            + "OR (status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING') AND last_signal_at >= ?) "
            + "OR (status = 'DISMISSED' AND suppressed_until >= ?))";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    /**
     * Tickets linked to a confirmed incident that is still open (investigating, identified, monitoring); a detector's
     * suggestion nobody confirmed yet is a guess, not an incident the desk works by.
     */
    List<Long> ticketsOfOpenIncidents() {
        return jdbc.sql("SELECT DISTINCT it.ticket_id FROM incident_tickets it JOIN incidents i ON i.id = it.incident_id"
                        + " WHERE i.suggested = FALSE AND i.status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING')")
                .query(Long.class).list();
    }

    IncidentStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    // ------------------------------------------------------------------------------------------------ signals

    void saveSignal(Signal signal) {
        jdbc.sql("DELETE FROM incident_signals WHERE ticket_id = ?").param(signal.ticketId()).update();
        jdbc.sql("INSERT INTO incident_signals (ticket_id, category, model, channel, filed_at) VALUES (?, ?, ?, ?, ?)")
                .params(signal.ticketId(), signal.category(), signal.model(), signal.channel(),
                        Timestamp.from(signal.filedAt()))
                .update();
    }

    Optional<Signal> signal(long ticketId) {
        return jdbc.sql("SELECT * FROM incident_signals WHERE ticket_id = ?").param(ticketId)
                .query(IncidentStore::signal).optional();
    }

    List<Signal> signalsForModel(String category, String model, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM incident_signals WHERE category = ? AND model = ? AND filed_at >= ? "
                        + "AND filed_at <= ? ORDER BY filed_at")
                .params(category, model, Timestamp.from(from), Timestamp.from(to)).query(IncidentStore::signal).list();
    }

    List<Signal> signalsForChannel(String channel, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM incident_signals WHERE channel = ? AND filed_at >= ? AND filed_at <= ? "
                        + "ORDER BY filed_at")
                .params(channel, Timestamp.from(from), Timestamp.from(to)).query(IncidentStore::signal).list();
    }

    List<String> modelsOf(long incidentId) {
        return jdbc.sql("SELECT DISTINCT s.model FROM incident_signals s JOIN incident_tickets t ON t.ticket_id = s.ticket_id "
                        + "WHERE t.incident_id = ? AND s.model IS NOT NULL ORDER BY s.model")
                .param(incidentId).query(String.class).list();
    }

    // ------------------------------------------------------------------------------------------------ incidents

    long create(String title, String category, String model, String channel, boolean suggested, Instant startedAt,
                Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO incidents (title, status, suggested, category, model, channel, public_notice, started_at, "
                        + "last_signal_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)")
                .params(title, IncidentStatus.INVESTIGATING.name(), suggested, category, model, channel,
                        Timestamp.from(startedAt), Timestamp.from(startedAt), Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE id = ?").param(id).query(IncidentStore::row)
                .optional();
    }

    /** Incidents (any status but merged) with this pattern whose window reaches {@code at}. */
    List<Row> withPattern(String category, String model, String channel, Instant from) {
        if (channel != null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE channel = ? "
                            + "AND " + REACHES + " ORDER BY id")
                    .params(channel, Timestamp.from(from), Timestamp.from(from)).query(IncidentStore::row).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE category = ? AND model = ? AND channel IS NULL "
                        + "AND " + REACHES + " ORDER BY id")
                .params(category, model, Timestamp.from(from), Timestamp.from(from)).query(IncidentStore::row).list();
    }

    /** Incidents a log spike opened (no category) for this model and channel whose window reaches {@code from}. */
    List<Row> withLogPattern(String model, String channel, Instant from) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE category IS NULL "
                        + "AND model IS NOT DISTINCT FROM ? AND channel IS NOT DISTINCT FROM ? AND " + REACHES)
                .params(model, channel, Timestamp.from(from), Timestamp.from(from)).query(IncidentStore::row).list();
    }

    List<Row> list(Collection<IncidentStatus> statuses, Instant resolvedSince) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE status IN (:statuses) "
                        + "AND (resolved_at IS NULL OR resolved_at >= :since) ORDER BY started_at DESC, id DESC")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("since", Timestamp.from(resolvedSince)).query(IncidentStore::row).list();
    }

    void touchSignal(long id, Instant at) {
        jdbc.sql("UPDATE incidents SET last_signal_at = ? WHERE id = ? AND last_signal_at < ?")
                .params(Timestamp.from(at), id, Timestamp.from(at)).update();
        jdbc.sql("UPDATE incidents SET started_at = ? WHERE id = ? AND started_at > ?")
                .params(Timestamp.from(at), id, Timestamp.from(at)).update();
    }

    void confirm(long id, Instant now) {
        jdbc.sql("UPDATE incidents SET suggested = FALSE, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id).update();
    }

    void rename(long id, String title, Instant now) {
        jdbc.sql("UPDATE incidents SET title = ?, updated_at = ? WHERE id = ?").params(title, Timestamp.from(now), id)
                .update();
    }

    void setStatus(long id, IncidentStatus status, Instant now) {
        jdbc.sql("UPDATE incidents SET status = ?, updated_at = ?, resolved_at = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(now),
                        status == IncidentStatus.RESOLVED ? Timestamp.from(now) : null, id)
                .update();
    }

    void dismiss(long id, Instant suppressedUntil, Instant now) {
        jdbc.sql("UPDATE incidents SET status = 'DISMISSED', suppressed_until = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(suppressedUntil), Timestamp.from(now), id).update();
    }

    void setPublic(long id, boolean publicNotice, Instant now) {
        jdbc.sql("UPDATE incidents SET public_notice = ?, updated_at = ? WHERE id = ?")
                .params(publicNotice, Timestamp.from(now), id).update();
    }

    /** Points the incident at an escalated ticket, or at none ({@code null}). */
    void setEscalation(long id, Long ticketId, Instant now) {
        jdbc.sql("UPDATE incidents SET escalation_ticket_id = ?, updated_at = ? WHERE id = ?")
                .params(ticketId, Timestamp.from(now), id).update();
    }

    /** Open and recent incidents (not merged or dismissed) that point at this escalated ticket or list it. */
    List<Row> ofTicket(long ticketId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE status NOT IN ('MERGED', 'DISMISSED') "
                        + "AND (escalation_ticket_id = ? OR id IN (SELECT incident_id FROM incident_tickets "
                        + "WHERE ticket_id = ?)) ORDER BY started_at DESC, id DESC")
                .params(ticketId, ticketId).query(IncidentStore::row).list();
    }

    void mergeInto(long from, long into, Instant now) {
        jdbc.sql("INSERT INTO incident_tickets (incident_id, ticket_id, automatic, linked_at) "
                        + "SELECT ?, t.ticket_id, t.automatic, t.linked_at FROM incident_tickets t WHERE t.incident_id = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM incident_tickets u WHERE u.incident_id = ? AND u.ticket_id = t.ticket_id)")
                .params(into, from, into).update();
        jdbc.sql("DELETE FROM incident_tickets WHERE incident_id = ?").param(from).update();
        jdbc.sql("UPDATE incidents SET status = 'MERGED', merged_into = ?, updated_at = ? WHERE id = ?")
                .params(into, Timestamp.from(now), from).update();
        // The engineering case of the merged incident carries over, unless the one kept points at its own.
        jdbc.sql("UPDATE incidents SET escalation_ticket_id = (SELECT escalation_ticket_id FROM incidents WHERE id = ?) "
                        + "WHERE id = ? AND escalation_ticket_id IS NULL")
                .params(from, into).update();
        jdbc.sql("UPDATE incidents SET started_at = (SELECT MIN(started_at) FROM incidents WHERE id IN (?, ?)), "
                        + "updated_at = ? WHERE id = ?")
                .params(from, into, Timestamp.from(now), into).update();
    }

    // ------------------------------------------------------------------------------------------------ links

    boolean link(long incidentId, long ticketId, boolean automatic, Instant now) {
        if (linked(incidentId, ticketId)) {
            return false;
        }
        jdbc.sql("INSERT INTO incident_tickets (incident_id, ticket_id, automatic, linked_at) VALUES (?, ?, ?, ?)")
                .params(incidentId, ticketId, automatic, Timestamp.from(now)).update();
        return true;
    }

    boolean linked(long incidentId, long ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_tickets WHERE incident_id = ? AND ticket_id = ?")
                .params(incidentId, ticketId).query(Long.class).single() > 0;
    }

    void unlink(long incidentId, long ticketId) {
        jdbc.sql("DELETE FROM incident_tickets WHERE incident_id = ? AND ticket_id = ?").params(incidentId, ticketId)
                .update();
    }

    /** Automatic links of this ticket to incidents still only suggested: the ones a reclassification may undo. */
    List<Long> automaticSuggestedLinks(long ticketId) {
        return jdbc.sql("SELECT t.incident_id FROM incident_tickets t JOIN incidents i ON i.id = t.incident_id "
                        + "WHERE t.ticket_id = ? AND t.automatic = TRUE AND i.suggested = TRUE")
                .param(ticketId).query(Long.class).list();
    }

    List<Long> ticketsOf(long incidentId) {
        return jdbc.sql("SELECT ticket_id FROM incident_tickets WHERE incident_id = ? ORDER BY ticket_id")
                .param(incidentId).query(Long.class).list();
    }

    List<Long> incidentsOfTicket(long ticketId) {
        return jdbc.sql("SELECT incident_id FROM incident_tickets WHERE ticket_id = ?").param(ticketId)
                .query(Long.class).list();
    }

    /** One page of the incident's tickets, by ticket id. */
    List<Long> ticketsOf(long incidentId, int offset, int limit) {
        return jdbc.sql("SELECT ticket_id FROM incident_tickets WHERE incident_id = ? ORDER BY ticket_id "
                        + "LIMIT ? OFFSET ?")
                .params(incidentId, limit, offset).query(Long.class).list();
    }

    List<Long> automaticTicketsOf(long incidentId) {
        return jdbc.sql("SELECT ticket_id FROM incident_tickets WHERE incident_id = ? AND automatic = TRUE")
                .param(incidentId).query(Long.class).list();
    }

    int ticketCount(long incidentId) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_tickets WHERE incident_id = ?").param(incidentId)
                .query(Integer.class).single();
    }

    // ------------------------------------------------------------------------------------------------ timeline

    void addUpdate(long incidentId, IncidentStatus status, String body, String author, Instant now) {
        jdbc.sql("INSERT INTO incident_updates (incident_id, status, body, author, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(incidentId, status.name(), body, author, Timestamp.from(now)).update();
    }

    List<IncidentDetail.Update> updates(long incidentId) {
        return jdbc.sql("SELECT status, body, author, created_at FROM incident_updates WHERE incident_id = ? "
                        + "ORDER BY created_at DESC, id DESC")
                .param(incidentId)
                .query((rs, n) -> new IncidentDetail.Update(IncidentStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    // ------------------------------------------------------------------------------------------------ deliveries

    boolean delivered(String actionKey, long ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_deliveries WHERE action_key = ? AND ticket_id = ?")
                .params(actionKey, ticketId).query(Long.class).single() > 0;
    }

    /** Which of these tickets already got the action {@code actionKey}: one query for a chunk. */
    Set<Long> deliveredAmong(String actionKey, List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT ticket_id FROM incident_deliveries WHERE action_key = :key "
                        + "AND ticket_id IN (:ids)")
                .param("key", actionKey).param("ids", ticketIds).query(Long.class).list());
    }

    void recordDeliveries(String actionKey, List<Long> ticketIds, Instant now) {
        if (ticketIds.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate("INSERT INTO incident_deliveries (action_key, ticket_id, delivered_at) VALUES (?, ?, ?)",
                ticketIds.stream().map(ticketId -> new Object[]{actionKey, ticketId, at}).toList());
    }

    // ------------------------------------------------------------------------------------------------ mapping

    private static Row row(ResultSet rs, int n) throws SQLException {
        long merged = rs.getLong("merged_into");
        long escalation = rs.getLong("escalation_ticket_id");
        return new Row(rs.getLong("id"), rs.getString("title"), IncidentStatus.valueOf(rs.getString("status")),
                rs.getBoolean("suggested"), rs.getString("category"), rs.getString("model"), rs.getString("channel"),
                rs.getBoolean("public_notice"), instant(rs, "started_at"), instant(rs, "last_signal_at"),
                instant(rs, "suppressed_until"), instant(rs, "resolved_at"), merged == 0 ? null : merged,
                escalation == 0 ? null : escalation);
    }

    private static Signal signal(ResultSet rs, int n) throws SQLException {
        return new Signal(rs.getLong("ticket_id"), rs.getString("category"), rs.getString("model"),
                rs.getString("channel"), instant(rs, "filed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
