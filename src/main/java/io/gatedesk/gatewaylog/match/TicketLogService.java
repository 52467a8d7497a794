package io.gatedesk.gatewaylog.match;

import io.gatedesk.gatewaylog.LogEntryView;
import io.gatedesk.gatewaylog.RequestIdExtractor;
import io.gatedesk.gatewaylog.store.LogEntryStore;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What agents attach to a ticket from the logs: request IDs added by hand or struck from the extracted ones, and
 * pinned log entries. A pin copies the entry's fields, so it stays with the ticket after retention deletes the entry.
 */
@Service
@Transactional(readOnly = true)
public class TicketLogService {

    static final int MAX_REQUEST_ID = 128;

    private final JdbcTemplate jdbc;
    private final LogEntryStore store;
    private final TicketService tickets;
    private final Clock clock;

    TicketLogService(JdbcTemplate jdbc, LogEntryStore store, TicketService tickets, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * The ticket's request IDs: those the customer gave, those found in any of its texts, and those an agent added,
     * less those an agent struck; in order of appearance.
     */
    public List<String> requestIds(TicketEvidence evidence) {
        Set<String> ids = new LinkedHashSet<>();
        for (String given : evidence.requestIds()) {
            if (given != null && !given.isBlank()) {
                ids.add(given.strip());
            }
        }
        for (String text : evidence.allTexts()) {
            ids.addAll(RequestIdExtractor.extract(text));
        }
        jdbc.query("SELECT request_id, removed FROM ticket_request_ids WHERE ticket_id = ? ORDER BY changed_at, id",
                rs -> {
                    if (rs.getBoolean("removed")) {
                        ids.remove(rs.getString("request_id"));
                    } else {
                        ids.add(rs.getString("request_id"));
                    }
                }, evidence.id());
        return List.copyOf(ids);
    }

    public List<String> requestIds(long ticketId) {
        return requestIds(tickets.evidence(ticketId));
    }

    /** Adds a request ID the extractor missed; a blank or overlong one is refused. */
    @Transactional
    public void addRequestId(long ticketId, String requestId, Actor actor) {
        String id = requestId == null ? "" : requestId.strip();
        if (id.isEmpty() || id.length() > MAX_REQUEST_ID || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a request ID");
        }
        setRequestId(ticketId, id, false, actor);
        tickets.recordEvidenceAction(ticketId, TicketAction.REQUEST_ID_ADDED, id, actor);
    }

    @Transactional
    public void removeRequestId(long ticketId, String requestId, Actor actor) {
        String id = requestId == null ? "" : requestId.strip();
        if (id.isEmpty() || id.length() > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("not a request ID");
        }
        setRequestId(ticketId, id, true, actor);
        tickets.recordEvidenceAction(ticketId, TicketAction.REQUEST_ID_REMOVED, id, actor);
    }

    private void setRequestId(long ticketId, String id, boolean removed, Actor actor) {
        Instant now = clock.instant();
        int updated = jdbc.update("UPDATE ticket_request_ids SET removed = ?, changed_by = ?, changed_at = ?"
                + " WHERE ticket_id = ? AND request_id = ?", removed, actor.name(), LogEntryStore.utc(now), ticketId, id);
        if (updated == 0) {
            jdbc.update("INSERT INTO ticket_request_ids (ticket_id, request_id, removed, changed_by, changed_at)"
                    + " VALUES (?, ?, ?, ?, ?)", ticketId, id, removed, actor.name(), LogEntryStore.utc(now));
        }
    }

    /**
     * Ticket {@code fromId} was merged into {@code intoId}: the target gains the source's request IDs (as if added by
     * hand, so they stay whatever the target's texts say) and its pinned entries, a pin the target has already staying
     * with the source. {@code sourceEvidence} is the source as it was before its thread moved.
     */
    @Transactional
    public void merged(long fromId, long intoId, TicketEvidence sourceEvidence, Actor actor) {
        Set<String> known = new LinkedHashSet<>(requestIds(intoId));
        for (String id : requestIds(sourceEvidence)) {
            if (known.add(id) && id.length() <= MAX_REQUEST_ID) {
                setRequestId(intoId, id, false, actor);
            }
        }
        jdbc.update("UPDATE ticket_log_pins SET ticket_id = ? WHERE ticket_id = ? AND dedupe_key NOT IN"
                + " (SELECT dedupe_key FROM ticket_log_pins WHERE ticket_id = ?)", intoId, fromId, intoId);
    }

    /** A log entry pinned to a ticket, as copied when it was pinned. */
    public record Pin(long id, Long entryId, String pinnedBy, Instant pinnedAt, String source, String requestId,
                      Instant createdAt, String keyLabel, String model, String channel, Integer statusCode,
                      String errorCode, String errorMessage, Long latencyMs, Long promptTokens,
                      Long completionTokens) {
    }

    public List<Pin> pins(long ticketId) {
        return jdbc.query("SELECT * FROM ticket_log_pins WHERE ticket_id = ? ORDER BY created_at DESC, id DESC",
                (rs, n) -> new Pin(rs.getLong("id"), rs.getObject("entry_id", Long.class), rs.getString("pinned_by"),
                        LogEntryStore.instant(rs.getObject("pinned_at", OffsetDateTime.class)), rs.getString("source"),
                        rs.getString("request_id"), LogEntryStore.instant(rs.getObject("created_at", OffsetDateTime.class)),
                        rs.getString("key_label"), rs.getString("model"), rs.getString("channel"),
                        rs.getObject("status_code", Integer.class), rs.getString("error_code"),
                        rs.getString("error_message"), rs.getObject("latency_ms", Long.class),
                        rs.getObject("prompt_tokens", Long.class), rs.getObject("completion_tokens", Long.class)),
                ticketId);
    }

    /** Pins an entry to a ticket; pinning it twice keeps one pin. Empty when the entry no longer exists. */
    @Transactional
    public Optional<Long> pin(long ticketId, long entryId, Actor actor) {
        tickets.evidence(ticketId);
        Optional<LogEntryStore.StoredEntry> stored = store.find(entryId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        LogEntryView e = stored.get().entry();
        Integer exists = jdbc.queryForObject("SELECT count(*) FROM ticket_log_pins WHERE ticket_id = ? AND dedupe_key = ?",
                Integer.class, ticketId, stored.get().dedupeKey());
        if (exists != null && exists == 0) {
            jdbc.update("INSERT INTO ticket_log_pins (ticket_id, entry_id, dedupe_key, pinned_by, pinned_at, source,"
                            + " request_id, created_at, key_label, model, channel, status_code, error_code, error_message,"
                            + " latency_ms, prompt_tokens, completion_tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?)", ticketId, entryId, stored.get().dedupeKey(), actor.name(),
                    LogEntryStore.utc(clock.instant()), e.source(), e.requestId(), LogEntryStore.utc(e.createdAt()),
                    LogEntryStore.cut(e.keyLabel(), 200), e.model(), LogEntryStore.cut(e.channel(), 200), e.statusCode(),
                    e.errorCode(), e.errorMessage(), e.latencyMs(), e.promptTokens(), e.completionTokens());
            tickets.recordEvidenceAction(ticketId, TicketAction.LOG_PINNED, describe(e), actor);
        }
        return Optional.of(entryId);
    }

    @Transactional
    public void unpin(long ticketId, long pinId, Actor actor) {
        List<String> described = jdbc.query("SELECT source, request_id, created_at FROM ticket_log_pins"
                        + " WHERE id = ? AND ticket_id = ?",
                (rs, n) -> rs.getString("source") + " " + (rs.getString("request_id") == null
                        ? rs.getObject("created_at", OffsetDateTime.class).toInstant().toString()
                        : rs.getString("request_id")), pinId, ticketId);
        if (!described.isEmpty()) {
            jdbc.update("DELETE FROM ticket_log_pins WHERE id = ? AND ticket_id = ?", pinId, ticketId);
            tickets.recordEvidenceAction(ticketId, TicketAction.LOG_UNPINNED, described.get(0), actor);
        }
    }

    private static String describe(LogEntryView e) {
        return e.source() + " " + (e.requestId() != null ? e.requestId() : e.createdAt().toString())
                + (e.statusCode() != null ? " · " + e.statusCode() : "");
    }
}
