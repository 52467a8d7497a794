package io.gatedesk.gatewaylog.format;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How to read one file.
 *
 * @param zone      time zone of times written without one (one-api text logs print local time); epoch times are UTC
 * @param textGuard applied to every text value before it leaves the parser; the caller passes the secret scanner so
 *                  a raw key in an error message or a key column is masked (and fingerprinted) on the way in. There is
 *                  no default on purpose: forgetting it must not silently keep plaintext keys.
 * @param source    the {@code source} to stamp on rows, or {@code null} for the format's own default
 */
public record ParseOptions(ZoneId zone, UnaryOperator<String> textGuard, String source) {

    public ParseOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(textGuard, "textGuard");
    }

    static ParseOptions utc(UnaryOperator<String> textGuard) {
        return new ParseOptions(ZoneId.of("UTC"), textGuard, null);
    }

    ParseOptions withZone(ZoneId newZone) {
        return new ParseOptions(newZone, textGuard, source);
    }

    ParseOptions withSource(String newSource) {
        return new ParseOptions(zone, textGuard, newSource);
    }

    String sourceFor(LogFormat format) {
        return source != null && !source.isBlank() ? source : format.defaultSource();
    }
}
