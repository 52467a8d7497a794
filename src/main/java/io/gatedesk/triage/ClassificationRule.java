package io.gatedesk.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One piece of triage knowledge: when {@code value} is seen in the evidence, {@code weight} points go to
 * {@code category}. Kept as plain strings so that it can be stored, edited and versioned; the constructor rejects
 * anything the classifier could not compile.
 *
 * @param client       optional regex; the rule only counts when the reported client matches it
 * @param unlessClient optional regex; the rule does not count when the reported client matches it
 */
record ClassificationRule(String id, ErrorCategory category, RuleKind kind, String value, double weight,
                          String description, String client, String unlessClient) {

    static final int REGEX_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\(?:u|x|N\\{)");
    static final double MAX_WEIGHT = 10.0;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]+");

    ClassificationRule {
        require(id != null && ID.matcher(id).matches(),
                "id must be lower-case letters, digits, '.', '_' or '-', got '" + id + "'");
        Objects.requireNonNull(category, "category is required");
        Objects.requireNonNull(kind, "kind is required");
        // OTHER means "no rule matched"; a rule that votes for it would blur that meaning.
        require(category != ErrorCategory.OTHER, "category OTHER cannot have rules; it is what remains when none match");
        require(value != null && !value.isBlank(), "value is required");
        require(weight > 0 && weight <= MAX_WEIGHT, "weight must be > 0 and <= " + MAX_WEIGHT + ", got " + weight);
        require(description != null && !description.isBlank(), "description is required");
        value = value.strip();
        client = blankToNull(client);
        unlessClient = blankToNull(unlessClient);
        switch (kind) {
            case STATUS_CODE -> statusCodes(value);
            case ERROR_CODE -> errorCodes(value);
            case MESSAGE_PATTERN, BASE_URL_SYMPTOM -> compile("value", value);
        }
        if (client != null) {
            compile("client", client);
        }
        if (unlessClient != null) {
            compile("unless-client", unlessClient);
        }
    }

    List<Integer> statusCodes() {
        return statusCodes(value);
    }

    List<String> errorCodes() {
        return errorCodes(value);
    }

    private static List<Integer> statusCodes(String value) {
        List<Integer> codes = new ArrayList<>();
        for (String part : value.split(",")) {
            String code = part.strip();
            require(code.matches("[1-5][0-9][0-9]"), "status code must be a number from 100 to 599, got '" + code + "'");
            codes.add(Integer.valueOf(code));
        }
        return List.copyOf(codes);
    }

    private static List<String> errorCodes(String value) {
        List<String> codes = new ArrayList<>();
        for (String part : value.split(",")) {
            String code = part.strip();
            require(ERROR_CODE.matcher(code).matches(),
                    "error code must be letters, digits, '_', '.' or '-', got '" + code + "'");
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    static Pattern compile(String field, String regex) {
        try {
            return Pattern.compile(regex, flags(regex));
        }
        catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid regular expression in " + field + ": " + e.getDescription() + " near index " + e.getIndex()
                            + " of '" + regex + "'", e);
        }
    }

    /**
     * Case-insensitive always; Unicode case folding only when the pattern names a letter outside ASCII that has a
     * case (Cyrillic, Greek, accented Latin …). Evidence is NFKC-normalised first, so an ASCII-only pattern matches
     * the same text either way, and ASCII folding is several times cheaper: every character compared under
     * {@code UNICODE_CASE} goes through {@code Character.toUpperCase} and {@code toLowerCase}, which made up most
     * of the classifier's time on every filing. Chinese has no case and keeps the cheap path.
     */
    static int flags(String regex) {
        boolean casedBeyondAscii = regex.codePoints()
                .anyMatch(cp -> cp > 0x7F && (Character.toUpperCase(cp) != cp || Character.toLowerCase(cp) != cp));
        return casedBeyondAscii || UNICODE_ESCAPE.matcher(regex).find() ? REGEX_FLAGS : Pattern.CASE_INSENSITIVE;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
