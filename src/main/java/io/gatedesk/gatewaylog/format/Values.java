package io.gatedesk.gatewaylog.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient readers for the values gateways write, each either returning {@code null} for an absent value or rejecting
 * the row with a reason that names the column. Values echoed into a reason are shortened and guarded, since a
 * mistyped column can hold a key.
 */
final class Values {

    /** 500 000 quota units are one US dollar in one-api and new-api's default configuration. */
    static final BigDecimal QUOTA_PER_USD = BigDecimal.valueOf(500_000);

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern INTEGRAL = Pattern.compile("[+-]?\\d+(?:\\.0*)?");
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+)([+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|μs|ms|s|m|h)");

    private Values() {
    }

    static Long longValue(String column, String value, Row row, ParseOptions options) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!INTEGRAL.matcher(v).matches()) {
            throw new RowRejected(LineErrorCode.BAD_NUMBER,
                    column + " is not a whole number: " + snippet(v, options));
        }
        try {
            return new BigDecimal(v).longValueExact();
        } catch (ArithmeticException e) {
            throw new RowRejected(LineErrorCode.BAD_NUMBER, column + " is out of range: " + snippet(v, options));
        }
    }

    static Integer intValue(String column, String value, Row row, ParseOptions options) {
        Long v = longValue(column, value, row, options);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new RowRejected(LineErrorCode.BAD_NUMBER, column + " is out of range: " + v);
        }
        return v.intValue();
    }

    static BigDecimal decimalValue(String column, String value, ParseOptions options) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new RowRejected(LineErrorCode.BAD_NUMBER, column + " is not a number: " + snippet(value, options));
        }
    }

    /** Milliseconds from a possibly fractional number (new-api writes {@code frt} as a float). */
    static Long roundedLong(String column, String value, ParseOptions options) {
        BigDecimal d = decimalValue(column, value, options);
        return d == null ? null : d.setScale(0, RoundingMode.HALF_UP).longValue();
    }

    static Boolean booleanValue(String column, String value, ParseOptions options) {
        if (value == null || value.isBlank()) {
            return null;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y":
                return Boolean.TRUE;
            case "false", "f", "0", "no", "n":
                return Boolean.FALSE;
            default:
                throw new RowRejected(LineErrorCode.BAD_VALUE,
                        column + " is not true or false: " + snippet(value, options));
        }
    }

    /**
     * A point in time from epoch seconds, epoch milliseconds or an ISO-like text ({@code 2024-05-01 12:00:00.123},
     * {@code 2024-05-01T12:00:00Z}, {@code ...+08}, {@code ...+0800}). Text without an offset is read in
     * {@code naiveZone}.
     */
    static Instant instant(String column, String value, ZoneId naiveZone, ParseOptions options) {
        if (value == null || value.isBlank()) {
            throw new RowRejected(LineErrorCode.MISSING_TIME, column + " is missing");
        }
        String v = value.strip();
        try {
            if (INTEGRAL.matcher(v).matches()) {
                long n = new BigDecimal(v).longValueExact();
                // Seconds until the year 33658; anything larger is milliseconds.
                return n >= 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            }
            String iso = v.replace('/', '-');
            if (iso.length() > 10 && iso.charAt(10) == ' ') {
                iso = iso.substring(0, 10) + 'T' + iso.substring(11);
            }
            iso = iso.replace(" UTC", "Z").replace(" ", "");
            if (iso.endsWith("Z") || iso.endsWith("z")) {
                return OffsetDateTime.parse(iso.substring(0, iso.length() - 1) + "Z",
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            Matcher parts = DATE_TIME.matcher(iso);
            if (parts.matches()) {
                String local = parts.group(1);
                String offset = parts.group(2);
                if (offset == null) {
                    return LocalDateTime.parse(local, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(naiveZone)
                            .toInstant();
                }
                String hours = offset.substring(0, 3);
                String minutes = offset.length() > 3 ? offset.substring(offset.length() - 2) : "00";
                return OffsetDateTime.parse(local + hours + ":" + minutes, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            }
            return LocalDate.parse(iso).atStartOfDay(naiveZone).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new RowRejected(LineErrorCode.BAD_TIME, column + " is not a time: " + snippet(v, options));
        }
    }

    /** Go's {@code time.Duration} text ({@code 1.234567s}, {@code 350.2ms}, {@code 12.5µs}, {@code 1m2.5s}) in ms. */
    static Long goDurationMillis(String text) {
        if (text == null) {
            return null;
        }
        String v = text.strip();
        if (v.equals("0") || v.equals("0s")) {
            return 0L;
        }
        Matcher m = GO_DURATION_PART.matcher(v);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            end = m.end();
            BigDecimal amount = new BigDecimal(m.group(1));
            long unitNanos = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unitNanos)));
        }
        if (end == 0 || end != v.length()) {
            return null;
        }
        return nanos.divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.HALF_UP).longValue();
    }

    static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value.strip()).matches();
    }

    static BigDecimal quotaToUsd(Long quota) {
        return quota == null ? null : BigDecimal.valueOf(quota).divide(QUOTA_PER_USD, 6, RoundingMode.HALF_UP);
    }

    /** A short, guarded excerpt of an offending value for an error reason. */
    static String snippet(String value, ParseOptions options) {
        String v = value.strip();
        if (v.length() > 40) {
            v = v.substring(0, 40) + "…";
        }
        return "'" + options.textGuard().apply(v) + "'";
    }
}
