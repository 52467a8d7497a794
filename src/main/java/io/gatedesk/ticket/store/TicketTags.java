package io.gatedesk.ticket.store;

import io.gatedesk.ticket.Tag;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tags on tickets and the colours admins chose, read and written with plain SQL. */
@Component
public class TicketTags {

    private final NamedParameterJdbcTemplate jdbc;

    TicketTags(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each ticket's tags in name order; tickets without tags are left out. */
    public Map<Long, List<String>> of(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.query("SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN (:ids) ORDER BY tag",
                Map.of("ids", ticketIds), row -> {
                    tags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
                });
        return tags;
    }

    /** Adds the tags the ticket does not have yet, up to {@link Tag#MAX_PER_TICKET}; returns those added. */
    public List<String> add(long ticketId, Collection<String> wanted) {
        List<String> present = of(List.of(ticketId)).getOrDefault(ticketId, List.of());
        List<String> added = new ArrayList<>();
        for (String tag : wanted) {
            if (!present.contains(tag) && !added.contains(tag) && present.size() + added.size() < Tag.MAX_PER_TICKET) {
                jdbc.update("INSERT INTO ticket_tags (ticket_id, tag) VALUES (:id, :tag)",
                        Map.of("id", ticketId, "tag", tag));
                added.add(tag);
            }
        }
        return added;
    }

    /** Removes these tags from the ticket; returns those it had. */
    public List<String> remove(long ticketId, Collection<String> unwanted) {
        List<String> removed = new ArrayList<>();
        for (String tag : unwanted) {
            if (jdbc.update("DELETE FROM ticket_tags WHERE ticket_id = :id AND tag = :tag",
                    Map.of("id", ticketId, "tag", tag)) > 0) {
                removed.add(tag);
            }
        }
        return removed;
    }

    /** Tags in use that start with {@code prefix}, most used first, at most {@code limit}: the autocomplete. */
    public List<String> startingWith(String prefix, int limit) {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.queryForList("SELECT tag FROM ticket_tags WHERE tag LIKE :like ESCAPE '\\' GROUP BY tag"
                        + " ORDER BY COUNT(*) DESC, tag LIMIT :limit",
                Map.of("like", like, "limit", limit), String.class);
    }

    /** The colours admins chose, by tag. */
    public Map<String, String> colours() {
        Map<String, String> colours = new LinkedHashMap<>();
        jdbc.query("SELECT tag, colour FROM tag_colours ORDER BY tag", Map.of(),
                row -> {
                    colours.put(row.getString(1), row.getString(2));
                });
        return colours;
    }

    /** Sets the tag's colour, or goes back to the derived one when {@code colour} is null. */
    public void setColour(String tag, String colour) {
        jdbc.update("DELETE FROM tag_colours WHERE tag = :tag", Map.of("tag", tag));
        if (colour != null) {
            jdbc.update("INSERT INTO tag_colours (tag, colour) VALUES (:tag, :colour)",
                    Map.of("tag", tag, "colour", colour.toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
