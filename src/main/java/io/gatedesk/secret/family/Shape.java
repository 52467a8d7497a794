package io.gatedesk.secret.family;

/** How a family's keys are read from text, for families whose keys are more than a prefix and a run of characters. */
public interface Shape {

    /** The character the scan stops at to try this shape. */
    char anchor(KeyFamily family);

    /**
     * Text every key of this shape has at its anchor (the family's prefix for prefixed shapes), so a scan can reject
     * a position with one comparison before {@link #match} reads anything else.
     */
    default String anchorLiteral(KeyFamily family) {
        return family.prefix();
    }

    /**
     * Whether {@code c} may stand right before the anchor of a key of this shape. The scan stops at a literal of one
     * character ({@code .}) only after such a character; for longer literals it stops at a pair inside the literal.
     */
    default boolean mayPrecedeAnchor(char c) {
        return true;
    }

    /**
     * A quick test on a copy of the text around an anchor at {@code chars[at]} ({@code chars} holds at least 40
     * characters on each side, {@code \0} outside the text): {@code false} only where {@link #match} would find
     * nothing. The scan asks it before {@link #match} where the anchor is common, as Zhipu's dot is.
     */
    default boolean mayMatch(char[] chars, int at) {
        return true;
    }

    /** The key at {@code at}, an occurrence of {@link #anchor}, or {@code null}. */
    Span match(String text, int at, KeyFamily family);
}
