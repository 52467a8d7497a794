package io.gatedesk.ticket;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** "5 min ago", "3 h ago", "2 d ago": how long ago something happened, short enough for one queue line. */
@Component
public class RelativeTime {

    private final MessageSource messages;
    private final Clock clock;

    public RelativeTime(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public String ago(Instant then, Locale locale) {
        if (then == null) {
            return "—";
        }
        Duration age = Duration.between(then, clock.instant());
        if (age.toMinutes() < 1) {
            return messages.getMessage("time.justNow", null, locale);
        }
        if (age.toHours() < 1) {
            return messages.getMessage("time.minutesAgo", new Object[]{String.valueOf(age.toMinutes())}, locale);
        }
        if (age.toDays() < 1) {
            return messages.getMessage("time.hoursAgo", new Object[]{String.valueOf(age.toHours())}, locale);
        }
        return messages.getMessage("time.daysAgo", new Object[]{String.valueOf(age.toDays())}, locale);
    }
}
