package io.gatedesk.gatewaylog.match;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Reads a time filter: ISO-8601 with an offset ({@code 2024-05-01T08:00:00Z}), or a local date-time or date as a
 * browser's date picker sends it, read in the site's time zone.
 */
public final class TimeParam {

    private TimeParam() {
    }

    /** {@code null} for blank input; throws {@link IllegalArgumentException} for anything unreadable. */
    public static Instant parse(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notOffset) {
            // Fall through to the local forms.
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException notLocal) {
            // Fall through to a plain date.
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeException notDate) {
            throw new IllegalArgumentException("not a time: " + text);
        }
    }
}
