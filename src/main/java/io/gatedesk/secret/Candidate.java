package io.gatedesk.secret;

import io.gatedesk.secret.family.KeyText;
import io.gatedesk.secret.family.Span;

/**
 * A secret found at {@code [start, end)}, to be replaced by {@code replacement}; {@code masked} is reported and
 * {@code secret} fingerprinted. A family's own finding outranks a context rule's finding of the same text.
 */
record Candidate(int start, int end, SecretKind kind, String secret, String replacement, String masked, boolean byContext) {

    static Candidate of(String text, Span span, SecretKind kind) {
        String masked = text.substring(span.start(), span.maskFrom())
                + KeyText.mask(text.substring(span.maskFrom(), span.maskTo()))
                + text.substring(span.maskTo(), span.end());
        return new Candidate(span.start(), span.end(), kind, text.substring(span.start(), span.end()), masked, masked,
                false);
    }

    static Candidate inContext(int start, int end, SecretKind kind, String secret, String masked, String replacement) {
        return new Candidate(start, end, kind, secret, replacement, masked, true);
    }
}
