package io.gatedesk.incident;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timeline lines GateDesk writes itself ("Confirmed", "Merged incident #4", …) are stored in English, as the
 * record; this reads them back as a message key with arguments, so each reader sees them in their own language. A
 * line staff typed matches none of these and is shown as typed.
 */
public final class TimelineText {

    /** A message key of the {@code incident.timeline.} family and its arguments. */
    public record Line(String key, Object[] args) {
    }

    private record Form(Pattern pattern, String key) {
    }

    private static final List<Form> FORMS = List.of(
            form("Opened", "opened"),
            form("Confirmed", "confirmed"),
            form("Dismissed", "dismissed"),
            form("Public notice on", "publicOn"),
            form("Public notice off", "publicOff"),
            form("Merged incident #(\\d+)", "merged"),
            form("Resolved; tickets set to RESOLVED", "resolved"),
            form("Resolved; tickets set to WAITING_ON_CUSTOMER", "resolvedWaiting"),
            form("Suggested: (\\d+) tickets within (\\d+) min", "suggestedTickets"),
            form("Suggested: (\\d+) error rows of (\\d+) in (\\d+) min", "suggestedLogs"),
            form("Engineering case (GD-\\d+) linked", "caseLinked"),
            form("Engineering case (GD-\\d+) unlinked", "caseUnlinked"));

    private TimelineText() {
    }

    private static Form form(String regex, String key) {
        return new Form(Pattern.compile(regex), "incident.timeline." + key);
    }

    /** The key and arguments for a line GateDesk wrote; {@code null} for anything else. */
    public static Line of(String body) {
        if (body == null) {
            return null;
        }
        for (Form form : FORMS) {
            Matcher matcher = form.pattern().matcher(body);
            if (matcher.matches()) {
                Object[] args = new Object[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = matcher.group(i + 1);
                }
                return new Line(form.key(), args);
            }
        }
        return null;
    }
}
