package io.gatedesk.secret;

import java.util.Objects;
import java.util.Optional;

/**
 * A key known only by what stays visible of it: the issuer prefix ({@code sk-}, {@code sk-proj-}, {@code gsk_}, or
 * empty when unknown), the first characters after the prefix and the last characters. This is what customers type
 * into tickets and what gateways print, so it is how evidence from different places is matched.
 *
 * @param prefix      issuer prefix, {@code ""} when unknown (e.g. "key ending in wxyz")
 * @param head        visible characters right after the prefix, possibly {@code ""}
 * @param tail        visible last characters, possibly {@code ""}
 * @param masked      the canonical form {@code prefix + head + "…" + tail}, whatever the original spelling was
 * @param fingerprint SHA-256 hex of the full key when it is known (it was masked by us), otherwise {@code null}
 */
public record MaskedKey(String prefix, String head, String tail, String masked, String fingerprint) {

    public MaskedKey {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(tail, "tail");
        Objects.requireNonNull(masked, "masked");
    }

    /** A masked key without a fingerprint, in canonical form. */
    public static MaskedKey of(String prefix, String head, String tail) {
        return new MaskedKey(prefix, head, tail, prefix + head + SecretScanner.ELLIPSIS + tail, null);
    }

    /** The masked key of something the scanner masked, carrying its fingerprint. */
    public static Optional<MaskedKey> from(SecretFinding finding) {
        return MaskedKeyParser.parse(finding.masked()).map(key -> key.withFingerprint(finding.fingerprint()));
    }

    public MaskedKey withFingerprint(String sha256Hex) {
        return new MaskedKey(prefix, head, tail, masked, sha256Hex);
    }

    public Optional<String> knownFingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /**
     * Whether this and {@code other} could be masks of the same key: the visible starts ({@code prefix + head}) agree
     * as far as both go, and so do the visible ends. When both fingerprints are known they decide alone.
     * Symmetric; a mask with nothing visible besides its prefix fits every key of that prefix.
     */
    public boolean fits(MaskedKey other) {
        if (fingerprint != null && other.fingerprint != null) {
            return fingerprint.equals(other.fingerprint);
        }
        String start = prefix + head;
        String otherStart = other.prefix + other.head;
        boolean startsAgree = start.startsWith(otherStart) || otherStart.startsWith(start);
        boolean endsAgree = tail.endsWith(other.tail) || other.tail.endsWith(tail);
        return startsAgree && endsAgree;
    }

    /** Whether {@code fullKey} is a key this mask could have been made from. */
    public boolean fitsKey(String fullKey) {
        if (fullKey == null) {
            return false;
        }
        if (fingerprint != null) {
            return fingerprint.equals(SecretScanner.fingerprint(fullKey));
        }
        String start = prefix + head;
        return fullKey.length() >= start.length() + tail.length() && fullKey.startsWith(start) && fullKey.endsWith(tail);
    }
}
