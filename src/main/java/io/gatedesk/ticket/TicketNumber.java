package io.gatedesk.ticket;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tickets are known to people as {@code GD-<n>}. */
public final class TicketNumber {

    private static final Pattern FORMAT = Pattern.compile("(?i)\\s*(?:GD-?)?(\\d{1,18})\\s*");

    private TicketNumber() {
    }

    public static String format(long id) {
        return "GD-" + id;
    }

    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
