package io.gatedesk.secret;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads masked keys the way customers type them and gateways print them: {@code sk-abcd************wxyz} (new-api
 * token list), {@code sk-abc***xyz} (new-api errors), {@code sk-...wxyz} (LiteLLM), {@code sk-abcdefgh****12345678}
 * (Cherry Studio), our own {@code sk-abcd…wxyz}, and phrases such as "key ending in wxyz", "尾号wxyz", "后四位 wxyz".
 *
 * <p>Static on purpose: parsing is a pure function of the text with no configuration, so callers in any package
 * (and logback, which Spring does not manage) use it without wiring. The patterns are bounded, so no input makes
 * them backtrack badly.
 */
public final class MaskedKeyParser {

    private static final String KEY_PREFIX = "sk-ant-[a-z]+\\d+-|sk-or-v1-|sk-proj-|sk-svcacct-|sk-admin-|sk-|gsk_";
    private static final String MASK_RUN = "(?:\u2026+|\\.{3,}|\\*{2,})";

    private static final Pattern PREFIXED = Pattern.compile(
            "(?<![A-Za-z0-9_-])(" + KEY_PREFIX + ")([A-Za-z0-9_-]{0,16}?)" + MASK_RUN
                    + "([A-Za-z0-9_-]{2,16})(?![A-Za-z0-9_-])");

    /** One value on its own: the prefix may be missing ("abcd…wxyz", "…wxyz"), and so may the mask ("wxyz"). */
    private static final Pattern WHOLE_VALUE = Pattern.compile(
            "(?:Bearer\\s+)?(" + KEY_PREFIX + ")?([A-Za-z0-9_-]{0,16}?)" + MASK_RUN + "([A-Za-z0-9_-]{2,16})");
    private static final Pattern BARE_TAIL = Pattern.compile("[A-Za-z0-9]{3,8}");

    private static final String TAIL = "[\"'`“‘]?([A-Za-z0-9_-]{3,8})(?![A-Za-z0-9_-])";

    /**
     * A tail phrase, with words every match contains ({@code hints}, lower case): texts without any of them are not
     * searched. Running the four phrase patterns over every text of every ticket was most of the parser's time; few
     * texts say "ending in" or "尾号" at all.
     */
    private record TailPhrase(Pattern pattern, List<String> hints) {

        boolean mayMatch(String lowerCaseText) {
            for (String hint : hints) {
                if (lowerCaseText.contains(hint)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<TailPhrase> TAIL_PHRASES = List.of(
            new TailPhrase(Pattern.compile("(?i)(?<![A-Za-z])(?:ending|ends)\\s+(?:in|with)\\s*[:：]?\\s*" + TAIL),
                    List.of("end")),
            new TailPhrase(Pattern.compile("(?i)(?<![A-Za-z])last\\s*(?:4|four)(?:\\s*(?:chars?|characters|digits))?"
                    + "(?:\\s+of\\s+(?:the|my)\\s+key)?\\s*(?:is|are|=|:|：)?\\s*" + TAIL), List.of("last")),
            new TailPhrase(Pattern.compile("(?:尾号|尾数|后四位|后4位|末四位|末4位|最后四位|最后4位)\\s*(?:是|为|[:：])?\\s*"
                    + TAIL), List.of("尾号", "尾数", "后四位", "后4位", "末四位", "末4位")),
            new TailPhrase(Pattern.compile("以\\s*" + TAIL.replace("(?![A-Za-z0-9_-])", "") + "\\s*结尾"),
                    List.of("结尾")));

    private MaskedKeyParser() {
    }

    /** Every masked key in free text, in order of appearance, without repeats. */
    public static List<MaskedKey> findAll(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<MaskedKey> found = new LinkedHashSet<>();
        // Every prefix in KEY_PREFIX starts with "sk-" or is "gsk_".
        if (text.contains("sk-") || text.contains("gsk_")) {
            Matcher prefixed = PREFIXED.matcher(text);
            while (prefixed.find()) {
                toMaskedKey(prefixed.group(1), prefixed.group(2), prefixed.group(3)).ifPresent(found::add);
            }
        }
        // ASCII case folding is all (?i) does here, and lower-casing the whole text folds at least that much.
        String lowerCase = text.toLowerCase(Locale.ROOT);
        for (TailPhrase phrase : TAIL_PHRASES) {
            if (!phrase.mayMatch(lowerCase)) {
                continue;
            }
            Matcher matcher = phrase.pattern().matcher(text);
            while (matcher.find()) {
                found.add(MaskedKey.of("", "", matcher.group(1)));
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * One value typed into a "masked key" field or printed in a log column. Besides the forms {@link #findAll} finds,
     * it accepts a value without a prefix ({@code abcd…wxyz}, {@code …wxyz}) and a bare last four ({@code wxyz}).
     * A full, unmasked key is not a masked key: run it through {@link SecretGuard} first.
     */
    public static Optional<MaskedKey> parse(String oneValue) {
        if (oneValue == null) {
            return Optional.empty();
        }
        String value = stripBrackets(oneValue.strip());
        Matcher whole = WHOLE_VALUE.matcher(value);
        if (whole.matches()) {
            return toMaskedKey(whole.group(1) == null ? "" : whole.group(1), whole.group(2), whole.group(3));
        }
        if (BARE_TAIL.matcher(value).matches()) {
            return Optional.of(MaskedKey.of("", "", value));
        }
        List<MaskedKey> inText = findAll(value);
        return inText.size() == 1 ? Optional.of(inText.get(0)) : Optional.empty();
    }

    private static Optional<MaskedKey> toMaskedKey(String prefix, String head, String tail) {
        // sk-xxxx…xxxx is a documentation placeholder, not a key anybody can be asked about
        if (isAllX(head) && isAllX(tail)) {
            return Optional.empty();
        }
        return Optional.of(MaskedKey.of(prefix, head, tail));
    }

    private static boolean isAllX(String s) {
        return s.chars().allMatch(c -> c == 'x' || c == 'X');
    }

    private static String stripBrackets(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if ((first == '[' && last == ']') || (first == '(' && last == ')') || (first == '"' && last == '"')
                    || (first == '\'' && last == '\'') || (first == '`' && last == '`')) {
                return value.substring(1, value.length() - 1).strip();
            }
        }
        return value;
    }
}
