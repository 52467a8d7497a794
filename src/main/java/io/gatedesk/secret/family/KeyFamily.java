package io.gatedesk.secret.family;

import java.util.List;
import java.util.Objects;

/**
 * What the keys of one issuer look like: everything the scanner needs to recognise them without context, and where
 * that knowledge comes from. Adding a family is adding one declaration to {@link KeyFamilies} and a row to the corpus.
 *
 * @param kind         the {@code SecretKind} name findings of this family are reported as
 * @param prefix       the literal the key starts with ({@code ""} for keys found by their shape alone)
 * @param alphabet     the characters of the body after the prefix
 * @param minLength    fewest body characters; shorter ones are fragments or examples
 * @param maxLength    most body characters
 * @param checksum     the issuer's built-in check, or {@code null}
 * @param contextWords names the key is usually stored under (environment variables, headers)
 * @param source       where the format is documented: the issuer's docs page or SDK source
 * @param shape        how a body is read when it is more than a run of {@code alphabet}
 */
public record KeyFamily(String kind, String prefix, Alphabet alphabet, int minLength, int maxLength, Checksum checksum,
                        List<String> contextWords, String source, Shape shape) {

    public KeyFamily {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(alphabet, "alphabet");
        Objects.requireNonNull(shape, "shape");
        contextWords = List.copyOf(contextWords);
        if (minLength < 4 || maxLength < minLength) {
            throw new IllegalArgumentException(kind + ": lengths " + minLength + ".." + maxLength);
        }
    }

    /** A key that is its prefix followed by a run of {@code alphabet}. */
    public static KeyFamily prefixed(String kind, String prefix, Alphabet alphabet, int minLength, int maxLength) {
        return new KeyFamily(kind, prefix, alphabet, minLength, maxLength, null, List.of(), "", Shapes.PLAIN);
    }

    public KeyFamily shape(Shape newShape) {
        return new KeyFamily(kind, prefix, alphabet, minLength, maxLength, checksum, contextWords, source, newShape);
    }

    public KeyFamily checksum(Checksum newChecksum) {
        return new KeyFamily(kind, prefix, alphabet, minLength, maxLength, newChecksum, contextWords, source, shape);
    }

    public KeyFamily context(String... words) {
        return new KeyFamily(kind, prefix, alphabet, minLength, maxLength, checksum, List.of(words), source, shape);
    }

    public KeyFamily source(String url) {
        return new KeyFamily(kind, prefix, alphabet, minLength, maxLength, checksum, contextWords, url, shape);
    }

    /** The character at which a scan tries this family. */
    public char anchor() {
        return shape.anchor(this);
    }

    /** What every key of this family has at its {@link #anchor()}: its prefix, or the literal its shape anchors on. */
    public String anchorLiteral() {
        return shape.anchorLiteral(this);
    }

    /** This family's key at {@code at} (an occurrence of {@link #anchor()}), or {@code null}. */
    public Span match(String text, int at) {
        return shape.match(text, at, this);
    }

    /** A body of an acceptable length, in the alphabet, passing the checksum and not a placeholder. */
    boolean acceptsBody(String text, int from, int to) {
        int length = to - from;
        if (length < minLength || length > maxLength) {
            return false;
        }
        String body = text.substring(from, to);
        return (checksum == null || checksum.valid(body)) && !KeyText.isPlaceholder(body);
    }
}
