package io.gatedesk.presence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Who is on which ticket page, kept in the database with last-seen times so that all nodes of a desk share it. A
 * page reports itself on every poll; an entry not refreshed within {@code expireAfter} no longer counts and is
 * deleted by the next poll on any ticket.
 */
@Service
public class PresenceService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PresenceProperties properties;

    PresenceService(JdbcClient jdbc, Clock clock, PresenceProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Records that the user has the ticket open ({@code typing}: and typed in its reply box just now). */
    public void report(long ticketId, long userId, String name, boolean typing) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = typing
                ? jdbc.sql("UPDATE ticket_presence SET seen_at = ?, typing_at = ?, display_name = ?"
                        + " WHERE ticket_id = ? AND user_id = ?").params(now, now, name, ticketId, userId).update()
                : jdbc.sql("UPDATE ticket_presence SET seen_at = ?, display_name = ? WHERE ticket_id = ? AND user_id = ?")
                        .params(now, name, ticketId, userId).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO ticket_presence (ticket_id, user_id, display_name, seen_at, typing_at)"
                        + " VALUES (?, ?, ?, ?, ?)").params(ticketId, userId, name, now, typing ? now : null).update();
            } catch (DuplicateKeyException raced) {
                // Two tabs (or nodes) of the same user inserted at once: the other row says the same.
            }
        }
    }

    /** Everyone else on the ticket within the expiry, oldest arrival first; drops expired entries of all tickets. */
    public List<Presence> others(long ticketId, long userId) {
        Instant now = clock.instant();
        OffsetDateTime expired = now.minus(properties.expireAfter()).atOffset(ZoneOffset.UTC);
        OffsetDateTime typingSince = now.minus(properties.typingFor()).atOffset(ZoneOffset.UTC);
        jdbc.sql("DELETE FROM ticket_presence WHERE seen_at < ?").param(expired).update();
        return jdbc.sql("SELECT user_id, display_name, typing_at FROM ticket_presence"
                        + " WHERE ticket_id = ? AND user_id <> ? AND seen_at >= ? ORDER BY display_name, user_id")
                .params(ticketId, userId, expired)
                .query((rs, n) -> {
                    OffsetDateTime typed = rs.getObject("typing_at", OffsetDateTime.class);
                    return new Presence(rs.getLong("user_id"), rs.getString("display_name"),
                            typed != null && !typed.isBefore(typingSince));
                }).list();
    }

    /** The page was closed: the user leaves the list at once instead of after the expiry. */
    public void leave(long ticketId, long userId) {
        jdbc.sql("DELETE FROM ticket_presence WHERE ticket_id = ? AND user_id = ?").params(ticketId, userId).update();
    }
}
