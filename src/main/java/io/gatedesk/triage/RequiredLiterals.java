package io.gatedesk.triage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strings of which every match of a rule's regex contains at least one, compared case-folded. A text that contains
 * none of them cannot match, so the classifier does not run the regex there; the regex still decides wherever one
 * occurs. Most rules match almost no ticket, and looking for a few literals costs far less than running the regex.
 *
 * <p>Extraction reads the pattern's top-level alternatives and takes from each the longest run of plain characters
 * outside any group. It gives up, and the rule has no prefilter, on any alternative without such a run and on every
 * construct it does not reason about: inline flags, lookaround and named groups ({@code (?} other than {@code (?:}),
 * quoting, numeric and property escapes, backreferences, nested character classes; and on patterns compiled with
 * flags beyond case-insensitivity. Rules that need a single ASCII character are given none either.
 */
final class RequiredLiterals {

    // Escapes of a class of characters or a control character, and of a position: they end a run of literals.
    private static final String CLASS_ESCAPES = "dDwWsShHvVRXtnrfa";
    private static final String POSITION_ESCAPES = "bBAzZG";

    private final List<String> folded;

    private RequiredLiterals(Collection<String> literals) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String literal : literals) {
            distinct.add(fold(literal));
        }
        this.folded = List.copyOf(distinct);
    }

    /**
     * The required literals of a rule's regex, or empty when the rule must always be run. A single ASCII character
     * (a space, a slash) is in nearly every text, so a rule that needs one is run without searching.
     */
    static Optional<RequiredLiterals> of(Pattern pattern) {
        // The pattern is read as written; under COMMENTS or CANON_EQ, for instance, the same text matches other strings.
        if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
            return Optional.empty();
        }
        List<String> literals = new PatternReader(pattern.pattern()).longestRunPerAlternative();
        if (literals == null || literals.stream().anyMatch(l -> l.length() == 1 && l.charAt(0) < 0x80)) {
            return Optional.empty();
        }
        return Optional.of(new RequiredLiterals(literals));
    }

    /** Literals given as they are, such as the error codes of an ERROR_CODE rule. */
    static RequiredLiterals anyOf(Collection<String> literals) {
        if (literals.isEmpty() || literals.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("required literals must be non-empty strings, got " + literals);
        }
        return new RequiredLiterals(literals);
    }

    /** Whether the text, already {@link #fold folded}, contains one of the literals. */
    boolean occurIn(String foldedText) {
        for (String literal : folded) {
            if (foldedText.indexOf(literal) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The literals, folded. */
    List<String> literals() {
        return folded;
    }

    /**
     * Case-folds per code point as {@code Pattern.UNICODE_CASE} compares characters, so two texts that a
     * case-insensitive regex takes as equal fold to the same string (ASCII-only case-insensitivity equates fewer).
     */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                folded.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
            }
            else {
                folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c)));
            }
        }
        return folded.toString();
    }

    /** One left-to-right reading of a pattern; a step that returns false could not tell, and the reading gives up. */
    private static final class PatternReader {

        private final String regex;
        private int pos;
        private final StringBuilder run = new StringBuilder();
        private String longest = "";

        PatternReader(String regex) {
            this.regex = regex;
        }

        List<String> longestRunPerAlternative() {
            List<String> chosen = new ArrayList<>();
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                boolean understood = switch (c) {
                    case '|' -> {
                        pos++;
                        yield endAlternative(chosen);
                    }
                    case '(' -> skipGroup() && endRunAt(skipQuantifier());
                    case '[' -> skipClass() && endRunAt(skipQuantifier());
                    case '.', '^', '$' -> {
                        pos++;
                        yield endRunAt(skipQuantifier());
                    }
                    case '\\' -> topLevelEscape();
                    case ')', ']', '{', '}', '?', '*', '+' -> false;
                    default -> literal(regex.codePointAt(pos));
                };
                if (!understood) {
                    return null;
                }
            }
            return endAlternative(chosen) ? chosen : null;
        }

        private boolean endAlternative(List<String> chosen) {
            endRun();
            if (longest.isEmpty()) {
                return false;
            }
            chosen.add(longest);
            longest = "";
            return true;
        }

        private void endRun() {
            if (run.length() > longest.length()) {
                longest = run.toString();
            }
            run.setLength(0);
        }

        private boolean endRunAt(boolean understood) {
            endRun();
            return understood;
        }

        private boolean literal(int codePoint) {
            if (Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint)) {
                return false;
            }
            pos += Character.charCount(codePoint);
            char next = pos < regex.length() ? regex.charAt(pos) : 0;
            if (next == '?' || next == '*' || next == '{') {
                // Optional or counted: the character may be absent, so the run stops before it.
                return endRunAt(skipQuantifier());
            }
            run.appendCodePoint(codePoint);
            if (next == '+') {
                // One occurrence is certain, and what follows comes after the last one.
                return endRunAt(skipQuantifier());
            }
            return true;
        }

        private boolean topLevelEscape() {
            if (pos + 1 >= regex.length()) {
                return false;
            }
            char d = regex.charAt(pos + 1);
            if (isEscapedLiteral(d)) {
                pos++;
                return literal(d);
            }
            if (!skipEscape()) {
                return false;
            }
            return endRunAt(skipQuantifier());
        }

        /** Moves past a backslash and the escape it starts, if that escape is one of the few we reason about. */
        private boolean skipEscape() {
            if (pos + 1 >= regex.length()) {
                return false;
            }
            char d = regex.charAt(pos + 1);
            boolean known = isEscapedLiteral(d) || CLASS_ESCAPES.indexOf(d) >= 0 || POSITION_ESCAPES.indexOf(d) >= 0;
            // \b{g} is a grapheme boundary whose braces would read as a quantifier.
            if (!known || d == 'b' && pos + 2 < regex.length() && regex.charAt(pos + 2) == '{') {
                return false;
            }
            pos += 2;
            return true;
        }

        private static boolean isEscapedLiteral(char c) {
            return c < 0x80 && !Character.isLetterOrDigit(c);
        }

        /** Moves past a whole group, which may only contain plain groups {@code (…)} and {@code (?:…)}. */
        private boolean skipGroup() {
            int depth = 0;
            do {
                char c = regex.charAt(pos);
                switch (c) {
                    case '\\' -> {
                        if (!skipEscape()) {
                            return false;
                        }
                    }
                    case '[' -> {
                        if (!skipClass()) {
                            return false;
                        }
                    }
                    case '(' -> {
                        pos++;
                        if (pos < regex.length() && regex.charAt(pos) == '?') {
                            if (pos + 1 >= regex.length() || regex.charAt(pos + 1) != ':') {
                                return false;
                            }
                            pos += 2;
                        }
                        depth++;
                    }
                    case ')' -> {
                        pos++;
                        depth--;
                    }
                    default -> pos++;
                }
            } while (depth > 0 && pos < regex.length());
            return depth == 0;
        }

        /** Moves past a character class without nested classes; a {@code ]} right after the opening is refused. */
        private boolean skipClass() {
            pos++;
            if (pos < regex.length() && regex.charAt(pos) == '^') {
                pos++;
            }
            if (pos < regex.length() && regex.charAt(pos) == ']') {
                return false;
            }
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (c == '\\') {
                    if (!skipEscape()) {
                        return false;
                    }
                }
                else if (c == '[') {
                    return false;
                }
                else {
                    pos++;
                    if (c == ']') {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Moves past a quantifier and its lazy or possessive mark, if one follows; false if it is malformed. */
        private boolean skipQuantifier() {
            if (pos >= regex.length()) {
                return true;
            }
            char c = regex.charAt(pos);
            if (c == '?' || c == '*' || c == '+') {
                pos++;
            }
            else if (c == '{') {
                int close = regex.indexOf('}', pos);
                if (close < 0 || !regex.substring(pos + 1, close).matches("\\d+(,\\d*)?")) {
                    return false;
                }
                pos = close + 1;
            }
            else {
                return true;
            }
            if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
                pos++;
            }
            return pos >= regex.length() || "?*+{".indexOf(regex.charAt(pos)) < 0;
        }
    }
}
