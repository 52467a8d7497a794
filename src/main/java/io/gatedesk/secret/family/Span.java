package io.gatedesk.secret.family;

/**
 * Where a key sits in a text: {@code [start, end)} is the whole key, {@code [maskFrom, maskTo)} the characters hidden
 * behind the ellipsis (all but their first and last four). What lies before {@code maskFrom} (the issuer prefix) and
 * after {@code maskTo} stays visible.
 */
public record Span(int start, int maskFrom, int maskTo, int end) {

    public static Span prefixed(int start, int maskFrom, int end) {
        return new Span(start, maskFrom, end, end);
    }
}
