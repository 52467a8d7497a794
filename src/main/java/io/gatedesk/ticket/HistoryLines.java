package io.gatedesk.ticket;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ticket's audit trail as a person reads it: "changed the status: Open → Resolved", with status and category
 * codes in words, newest first. Public so that other features that show a ticket's events (the escalation
 * bundle's timeline) word them the same way.
 */
@Component
public class HistoryLines {

    private static final String ARROW = " → ";

    private final MessageSource messages;
    private final RelativeTime relativeTime;

    HistoryLines(MessageSource messages, RelativeTime relativeTime) {
        this.messages = messages;
        this.relativeTime = relativeTime;
    }

    public record Line(Instant at, String when, String actor, String what, String detail) {
    }

    public List<Line> of(List<EventView> events, Locale locale) {
        List<Line> lines = new ArrayList<>(events.size());
        for (int i = events.size() - 1; i >= 0; i--) {
            EventView event = events.get(i);
            lines.add(new Line(event.createdAt(), relativeTime.ago(event.createdAt(), locale), event.actorName(),
                    message("audit." + event.action(), locale), detail(event, locale)));
        }
        return lines;
    }

    private String detail(EventView event, Locale locale) {
        String detail = event.detail();
        if (detail == null || detail.isBlank()) {
            return null;
        }
        return switch (event.action()) {
            case STATUS_CHANGED, REOPENED -> words(detail, "status.", locale);
            case CATEGORY_OVERRIDDEN -> words(detail, "category.", locale);
            case HANDED_BACK, RESOLVED_BY_ENGINEER -> words(detail, "escalation.rootCause.", locale);
            default -> detail;
        };
    }

    /** "OPEN → RESOLVED" as "Open → Resolved"; a part that is no known code stays as it is. */
    private String words(String detail, String prefix, Locale locale) {
        String[] parts = detail.split(ARROW, -1);
        List<String> shown = new ArrayList<>(parts.length);
        for (String part : parts) {
            String code = part.strip();
            String suffix = "";
            int space = code.indexOf(' ');
            if (space > 0) {
                suffix = code.substring(space);
                code = code.substring(0, space);
            }
            String key = prefix.equals("category.") ? "category." + code + ".name" : prefix + code;
            shown.add(messages.getMessage(key, null, code, locale) + suffix);
        }
        return String.join(ARROW, shown);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
