package io.gatedesk.ticket;

import io.gatedesk.common.Hashing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The idempotency key of one ticket submission: the public form's hidden field (a random UUID per rendered form) or
 * the API's {@code Idempotency-Key} header. Only its hash is stored; the key itself also unlocks the stored receipt,
 * so it must be random (16–128 letters, digits, '-' or '_'; a UUID fits).
 */
public final class SubmissionKey {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final String value;

    private SubmissionKey(String value) {
        this.value = value;
    }

    /** The key, if {@code text} has the shape of one; blank means the caller sent none. */
    public static Optional<SubmissionKey> parse(String text) {
        if (text == null || !SHAPE.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SubmissionKey(text.trim()));
    }

    /** What the table is keyed on. */
    public String hash() {
        return Hashing.sha256Hex("gatedesk submission key\n" + value);
    }

    /** The receipt's encryption key: derived from the key, never stored, so the table alone opens nothing. */
    public byte[] receiptSecret() {
        return java.util.HexFormat.of().parseHex(Hashing.sha256Hex("gatedesk submission receipt\n" + value));
    }

    @Override
    public String toString() {
        return "SubmissionKey[hash=" + hash().substring(0, 12) + "…]";
    }
}
