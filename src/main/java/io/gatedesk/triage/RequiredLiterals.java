package io.gatedesk.triage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strings of which every match of a rule's regex contains at least one, compared case-folded. A text that contains
 * none of them cannot match, so the classifier does not run the regex there; the regex still decides wherever one
 * occurs. Most rules match almost no ticket, and looking for a few literals costs far less than running the regex.
 *
 * <p>Extraction reads the pattern's top-level alternatives and offers, for each, every run of plain characters outside
 * a group, and the literals of every group that must occur (no {@code ?}, {@code *} or count from zero): each match
 * of the group is a match of one of its alternatives, read the same way, so it contains one of their literals. Of
 * these offers the alternative keeps the one whose shortest literal is longest, then the one with fewest literals;
 * the rule's literals are the union. It gives up, and the rule has no prefilter, on any alternative without an offer
 * and on every construct it does not reason about: inline flags, lookaround and named groups ({@code (?} other than
 * {@code (?:}), quoting, numeric and property escapes, backreferences, nested character classes; and on patterns
 * compiled with flags beyond case-insensitivity. A single ASCII character is never offered.
 */
final class RequiredLiterals {

    // Escapes of a class of characters or a control character, and of a position: they end a run of literals.
    private static final String CLASS_ESCAPES = "dDwWsShHvVRXtnrfa";
    private static final String POSITION_ESCAPES = "bBAzZG";

    // Shorter literals occur in more texts; among equally short ones, fewer mean fewer searches.
    private static final Comparator<List<String>> BETTER_FILTER = Comparator
            .comparingInt(RequiredLiterals::shortest)
            .thenComparing(List::size, Comparator.reverseOrder());

    private final List<String> folded;

    private RequiredLiterals(Collection<String> literals) {
        this.folded = essential(literals.stream().map(RequiredLiterals::fold).toList());
    }

    /**
     * The required literals of a rule's regex, or empty when the rule must always be run. A single ASCII character
     * (a space, a slash) is in nearly every text, so an alternative that offers nothing longer leaves the rule
     * without a prefilter.
     */
    static Optional<RequiredLiterals> of(Pattern pattern) {
        // The pattern is read as written; under COMMENTS or CANON_EQ, for instance, the same text matches other strings.
        if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new PatternReader(pattern.pattern()).requiredLiterals()).map(RequiredLiterals::new);
        }
        catch (NotUnderstood e) {
            return Optional.empty();
        }
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

    /** The literals, folded; none contains another, which would add nothing. */
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

    /** The distinct literals, without any that contains another: a text containing it contains the other too. */
    private static List<String> essential(Collection<String> folded) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(folded));
        return distinct.stream()
                .filter(literal -> distinct.stream()
                        .noneMatch(other -> other.length() < literal.length() && literal.contains(other)))
                .toList();
    }

    private static int shortest(List<String> literals) {
        return literals.stream().mapToInt(String::length).min().orElse(0);
    }

    /** Thrown on a construct the reader does not reason about; the rule then has no prefilter. */
    private static final class NotUnderstood extends RuntimeException {

        NotUnderstood() {
            super(null, null, false, false);
        }
    }

    /** What one alternative offers as its literals while it is read, and the best offer so far. */
    private static final class Candidates {

        private final StringBuilder run = new StringBuilder();
        private List<String> best;

        void append(int codePoint) {
            run.appendCodePoint(codePoint);
        }

        void endRun() {
            if (!run.isEmpty()) {
                offer(List.of(fold(run.toString())));
                run.setLength(0);
            }
        }

        /** Offers folded literals of which every match of the alternative contains one. */
        void offer(List<String> literals) {
            // A lone ASCII character (a space, a slash) is in nearly every text.
            if (literals.stream().anyMatch(l -> l.length() == 1 && l.charAt(0) < 0x80)) {
                return;
            }
            if (best == null || BETTER_FILTER.compare(literals, best) > 0) {
                best = literals;
            }
        }

        /** The best literals, or null if the alternative offered none. */
        List<String> best() {
            endRun();
            return best;
        }
    }

    /** One left-to-right reading of a pattern, descending into groups. */
    private static final class PatternReader {

        private final String regex;
        private int pos;

        PatternReader(String regex) {
            this.regex = regex;
        }

        /** The literals of the whole pattern, or null if one of its alternatives has none. */
        List<String> requiredLiterals() {
            return alternatives(false);
        }

        /**
         * Reads alternatives to the end of the pattern or, in a group, past the group's closing parenthesis. Every match
         * is a match of one alternative, so it contains one of the union of their literals; if one alternative has none,
         * there are none (null).
         */
        private List<String> alternatives(boolean inGroup) {
            List<String> union = new ArrayList<>();
            boolean eachHasLiterals = true;
            while (true) {
                List<String> best = alternative();
                if (best == null) {
                    eachHasLiterals = false;
                }
                else {
                    union.addAll(best);
                }
                if (pos == regex.length()) {
                    if (inGroup) {
                        throw new NotUnderstood();
                    }
                    break;
                }
                if (regex.charAt(pos++) == ')') {
                    if (!inGroup) {
                        throw new NotUnderstood();
                    }
                    break;
                }
            }
            return eachHasLiterals ? essential(union) : null;
        }

        /** Reads one alternative up to a {@code |}, a {@code )} or the end; returns its best literals, or null. */
        private List<String> alternative() {
            Candidates candidates = new Candidates();
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                switch (c) {
                    case '|', ')' -> {
                        return candidates.best();
                    }
                    case '(' -> {
                        candidates.endRun();
                        List<String> inside = group();
                        // Only a group that must occur puts one of its literals into every match.
                        if (quantifier() && inside != null) {
                            candidates.offer(inside);
                        }
                    }
                    case '[' -> {
                        candidates.endRun();
                        skipClass();
                        quantifier();
                    }
                    case '.', '^', '$' -> {
                        candidates.endRun();
                        pos++;
                        quantifier();
                    }
                    case '\\' -> escape(candidates);
                    case ']', '{', '}', '?', '*', '+' -> throw new NotUnderstood();
                    default -> literal(regex.codePointAt(pos), candidates);
                }
            }
            return candidates.best();
        }

        /** Reads a group {@code (…)} or {@code (?:…)}; returns the literals of which every match of it contains one. */
        private List<String> group() {
            pos++;
            if (pos < regex.length() && regex.charAt(pos) == '?') {
                if (pos + 1 >= regex.length() || regex.charAt(pos + 1) != ':') {
                    throw new NotUnderstood();
                }
                pos += 2;
            }
            return alternatives(true);
        }

        private void literal(int codePoint, Candidates candidates) {
            if (Character.isBmpCodePoint(codePoint) && Character.isSurrogate((char) codePoint)) {
                throw new NotUnderstood();
            }
            pos += Character.charCount(codePoint);
            boolean quantified = pos < regex.length() && "?*+{".indexOf(regex.charAt(pos)) >= 0;
            if (quantifier()) {
                candidates.append(codePoint);
            }
            if (quantified) {
                // An optional character may be absent, and what follows a repeated one comes after its last
                // occurrence: either way the run stops, after the character only if it is certain.
                candidates.endRun();
            }
        }

        private void escape(Candidates candidates) {
            if (pos + 1 >= regex.length()) {
                throw new NotUnderstood();
            }
            char d = regex.charAt(pos + 1);
            if (isEscapedLiteral(d)) {
                pos++;
                literal(d, candidates);
                return;
            }
            candidates.endRun();
            skipEscape();
            quantifier();
        }

        /** Moves past a backslash and the escape it starts, if that escape is one of the few we reason about. */
        private void skipEscape() {
            if (pos + 1 >= regex.length()) {
                throw new NotUnderstood();
            }
            char d = regex.charAt(pos + 1);
            boolean known = isEscapedLiteral(d) || CLASS_ESCAPES.indexOf(d) >= 0 || POSITION_ESCAPES.indexOf(d) >= 0;
            // \b{g} is a grapheme boundary whose braces would read as a quantifier.
            if (!known || d == 'b' && pos + 2 < regex.length() && regex.charAt(pos + 2) == '{') {
                throw new NotUnderstood();
            }
            pos += 2;
        }

        private static boolean isEscapedLiteral(char c) {
            return c < 0x80 && !Character.isLetterOrDigit(c);
        }

        /** Moves past a character class without nested classes; a {@code ]} right after the opening is refused. */
        private void skipClass() {
            pos++;
            if (pos < regex.length() && regex.charAt(pos) == '^') {
                pos++;
            }
            if (pos < regex.length() && regex.charAt(pos) == ']') {
                throw new NotUnderstood();
            }
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (c == '\\') {
                    skipEscape();
                }
                else if (c == '[') {
                    throw new NotUnderstood();
                }
                else {
                    pos++;
                    if (c == ']') {
                        return;
                    }
                }
            }
            throw new NotUnderstood();
        }

        /**
         * Moves past a quantifier and its lazy or possessive mark, if one follows; returns whether the atom before it
         * still occurs at least once: with no quantifier, {@code +}, or a count from one up.
         */
        private boolean quantifier() {
            if (pos >= regex.length()) {
                return true;
            }
            char c = regex.charAt(pos);
            boolean required;
            if (c == '?' || c == '*' || c == '+') {
                pos++;
                required = c == '+';
            }
            else if (c == '{') {
                int close = regex.indexOf('}', pos);
                String count = close < 0 ? "" : regex.substring(pos + 1, close);
                if (!count.matches("\\d+(,\\d*)?")) {
                    throw new NotUnderstood();
                }
                required = !count.matches("0+(,\\d*)?");
                pos = close + 1;
            }
            else {
                return true;
            }
            if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
                pos++;
            }
            if (pos < regex.length() && "?*+{".indexOf(regex.charAt(pos)) >= 0) {
                throw new NotUnderstood();
            }
            return required;
        }
    }
}
