package io.gatedesk.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Infers the error category of a failing request from all its evidence. Every rule that matches adds its weight,
 * scaled by the trust in the source where it matched ({@link EvidenceSource}), to its category; a rule counts once, at
 * its strongest match. The highest total wins; the confidence grows with the margin over the runner-up and with the
 * total itself. Immutable and thread-safe; patterns are compiled once in the constructor.
 *
 * <p>Most rules match almost no ticket, so a rule's regex only runs on a text that contains one of its
 * {@link RequiredLiterals}; rules whose pattern gives none are always run.
 */
public final class Classifier {

    // Long pastes (whole logs, stack traces) are cut to their head and tail, where the error lines are.
    static final int MAX_TEXT_CHARS = 20_000;

    // A total of this size gives about 63 % of full strength; a single strong message rule (5) gives about 80 %.
    private static final double STRENGTH_SCALE = 3.0;
    private static final int MAX_MATCHED_CHARS = 120;

    // HTTP error codes quoted in prose: "Error code: 429", "HTTP/2 429", "status_code=503", "报 401", but not
    // request ids, ports, versions, sizes or counts ("500 次", "128000 tokens").
    private static final Pattern QUOTED_STATUS = Pattern.compile(
            "(?=[45])(?<![\\w.$¥/#-])(?<!\\d:)([45]\\d\\d)(?![\\w%/]|[.:-]\\d|\\s*(?:次|秒|个|元|块|万|条|ms\\b|s\\b|tokens?\\b|requests?\\b|rpm\\b|tpm\\b|k\\b))",
            Pattern.CASE_INSENSITIVE);

    // Words that mark a clause of the ticket text as the customer's theory of the cause rather than what they saw.
    private static final Pattern HEDGE = Pattern.compile(
            "是不是|是否|难道|怀疑|可能是|可能因为|估计|猜|应该是|以为|会不会|莫非|大概是|好像是|感觉是?"
                    + "|\\b(?:maybe|perhaps|probably|my guess|i (?:think|guess|suspect|assume|believe)|might be|could (?:it|this|that) be"
                    + "|is (?:it|this|that) (?:because|due to|a|an|the)|wondering if|not sure (?:if|whether)|does (?:it|this) mean)\\b",
            Pattern.CASE_INSENSITIVE);
    // Clause boundaries: sentence ends in both scripts, commas, semicolons and line breaks.
    private static final Pattern CLAUSE_END = Pattern.compile("[。！？!?；;，,\\n]|\\.(?=\\s|$)");

    // A fallback verdict counts this many points times its probability: more than a guess, less than any rule.
    private static final double FALLBACK_WEIGHT = 2.0;
    private static final double DECISIVE_WEIGHT = 2.0;

    private final List<CompiledRule> rules;
    // Null when the classifier has no statistical fallback.
    private final WordModel fallback;

    /** The rules, with the word statistics of the shipped tickets where they are silent. */
    Classifier(List<ClassificationRule> rules) {
        this(rules, true, WordModel.shipped());
    }

    /** With {@code prefilter} false every regex runs on every text: the reference the prefilter is tested against. */
    Classifier(List<ClassificationRule> rules, boolean prefilter) {
        this(rules, prefilter, WordModel.shipped());
    }

    /** {@code fallback} may be null: then text no rule recognises is OTHER. */
    Classifier(List<ClassificationRule> rules, boolean prefilter, WordModel fallback) {
        this.rules = rules.stream().map(rule -> new CompiledRule(rule, prefilter)).toList();
        this.fallback = fallback;
    }

    public Classification classify(TriageInput input) {
        Evidence evidence = Evidence.of(input);
        List<Reason> reasons = new ArrayList<>();
        for (CompiledRule rule : rules) {
            Reason best = rule.bestMatch(evidence);
            if (best != null) {
                reasons.add(best);
            }
        }
        if (fallback != null && reasons.stream().allMatch(Classifier::weak)) {
            fallback.classify(evidence.withoutGuesses()).filter(verdict -> verdict.category() != ErrorCategory.OTHER)
                    .ifPresent(verdict -> reasons.add(new Reason(WordModel.RULE_ID, verdict.category(),
                            EvidenceSource.FALLBACK.name(), "top words: " + String.join(", ", verdict.topWords()),
                            round(FALLBACK_WEIGHT * verdict.probability()))));
        }
        if (reasons.isEmpty()) {
            return Classification.nothingMatched();
        }
        Map<ErrorCategory, Double> totals = new EnumMap<>(ErrorCategory.class);
        Map<ErrorCategory, Double> strongest = new EnumMap<>(ErrorCategory.class);
        for (Reason reason : reasons) {
            totals.merge(reason.category(), reason.weight(), Double::sum);
            strongest.merge(reason.category(), reason.weight(), Math::max);
        }
        List<ErrorCategory> ranking = totals.keySet().stream()
                .sorted(Comparator.comparingDouble((ErrorCategory c) -> totals.get(c)).reversed()
                        .thenComparing(Comparator.comparingDouble((ErrorCategory c) -> strongest.get(c)).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        ErrorCategory winner = ranking.get(0);
        double top = totals.get(winner);
        double runnerUp = ranking.size() > 1 ? totals.get(ranking.get(1)) : 0.0;
        double confidence = (top - runnerUp) / top * (1 - Math.exp(-top / STRENGTH_SCALE));
        reasons.sort(Comparator.comparing((Reason r) -> r.category() != winner)
                .thenComparing(Comparator.comparingDouble(Reason::weight).reversed())
                .thenComparing(Reason::ruleId));
        return new Classification(winner, round(Math.min(1.0, Math.max(0.0, confidence))), reasons);
    }

    /**
     * Evidence the word statistics may outvote: a customer's guess, or a rule below {@link #DECISIVE_WEIGHT}
     * (a status code, an HTML page, a generic word), which points to a category without naming the error.
     */
    private static boolean weak(Reason reason) {
        return reason.source().equals(EvidenceSource.GUESS.name()) || reason.weight() < DECISIVE_WEIGHT;
    }

    /** Ids of the rules that run their regex on this ticket text, in rule order; the prefilter skipped the others. */
    List<String> rulesSearching(String text) {
        Evidence evidence = Evidence.of(TriageInput.ofText(text));
        return rules.stream()
                .filter(rule -> rule.searchesPassages() && evidence.passages().stream().anyMatch(rule::mayMatch))
                .map(rule -> rule.rule.id())
                .toList();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The input split into the places rules look at, normalised once per classification. */
    private record Evidence(String client, List<Integer> reportedStatus, List<Passage> passages, Passage baseUrl,
                            List<Integer> loggedStatus, List<String> loggedCodes) {

        /** The error message, log messages and ticket text without the customer's guesses, for the word statistics. */
        String withoutGuesses() {
            return passages.stream()
                    .map(p -> p.source() == EvidenceSource.TEXT ? Classifier.withoutGuesses(p.text()) : p.text())
                    .collect(Collectors.joining("\n"));
        }

        static Evidence of(TriageInput input) {
            List<Passage> passages = new ArrayList<>();
            for (LogEvidence log : input.logEvidence()) {
                addPassage(passages, EvidenceSource.LOG, log.errorMessage());
            }
            addPassage(passages, EvidenceSource.ERROR_MESSAGE, input.errorMessage());
            addPassage(passages, EvidenceSource.TEXT, input.text());
            List<Integer> loggedStatus = input.logEvidence().stream()
                    .map(LogEvidence::statusCode).filter(Objects::nonNull).distinct().toList();
            List<String> loggedCodes = input.logEvidence().stream()
                    .flatMap(log -> Stream.of(log.errorType(), log.errorCode()))
                    .filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
            String baseUrl = normalise(input.baseUrl());
            return new Evidence(normalise(input.client()),
                    input.statusCode() == null ? List.of() : List.of(input.statusCode()), passages,
                    baseUrl == null ? null : new Passage(EvidenceSource.BASE_URL, baseUrl, Set.of()),
                    loggedStatus, loggedCodes);
        }

        private static void addPassage(List<Passage> passages, EvidenceSource source, String raw) {
            String text = normalise(raw);
            if (text != null) {
                List<int[]> guesses = source == EvidenceSource.TEXT ? guessClauses(text) : List.of();
                passages.add(new Passage(source, text, quotedStatusCodes(text, guesses, false), guesses,
                        quotedStatusCodes(text, guesses, true)));
            }
        }

        private static Set<Integer> quotedStatusCodes(String text, List<int[]> guesses, boolean guessed) {
            Set<Integer> codes = new LinkedHashSet<>();
            Matcher m = QUOTED_STATUS.matcher(text);
            while (m.find()) {
                if (inside(guesses, m.start()) == guessed) {
                    codes.add(Integer.valueOf(m.group(1)));
                }
            }
            return codes;
        }

    }

    /** The [start, end) spans of the clauses that carry a hedge word, in text order. */
    static List<int[]> guessClauses(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher hedge = HEDGE.matcher(text);
        int searchFrom = 0;
        while (searchFrom < text.length() && hedge.find(searchFrom)) {
            int start = clauseStart(text, hedge.start());
            Matcher end = CLAUSE_END.matcher(text);
            int stop = end.find(hedge.end()) ? end.start() : text.length();
            spans.add(new int[]{start, stop});
            searchFrom = stop + 1;
        }
        return spans;
    }

    private static int clauseStart(String text, int from) {
        int start = 0;
        Matcher end = CLAUSE_END.matcher(text).region(0, from);
        while (end.find()) {
            start = end.end();
        }
        return start;
    }

    private static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        // NFKC folds full-width forms (＄, （, ４０１) that Chinese input methods produce into ASCII.
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (text.length() > MAX_TEXT_CHARS) {
            int half = MAX_TEXT_CHARS / 2;
            text = text.substring(0, half) + "\n" + text.substring(text.length() - half);
        }
        return text;
    }

    /** The text with every clause that guesses at the cause left out. */
    static String withoutGuesses(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int[] guess : guessClauses(text)) {
            out.append(text, from, guess[0]).append('\n');
            from = guess[1];
        }
        return out.append(text, from, text.length()).toString();
    }

    static boolean inside(List<int[]> spans, int index) {
        for (int[] span : spans) {
            if (index >= span[0] && index < span[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A normalised text and its case-folded copy, where the prefilter looks for required literals; for ticket text,
     * the clauses where the customer guesses at the cause and the status codes quoted there.
     */
    private record Passage(EvidenceSource source, String text, String folded, Set<Integer> statusCodes,
                           List<int[]> guesses, Set<Integer> guessedStatusCodes) {

        Passage(EvidenceSource source, String text, Set<Integer> statusCodes) {
            this(source, text, RequiredLiterals.fold(text), statusCodes, List.of(), Set.of());
        }

        Passage(EvidenceSource source, String text, Set<Integer> statusCodes, List<int[]> guesses,
                Set<Integer> guessedStatusCodes) {
            this(source, text, RequiredLiterals.fold(text), statusCodes, guesses, guessedStatusCodes);
        }
    }

    private static final class CompiledRule {

        private final ClassificationRule rule;
        private final Pattern pattern;
        private final Set<Integer> statusCodes;
        private final Pattern client;
        private final Pattern unlessClient;
        // Null when the rule's regex runs on every text.
        private final RequiredLiterals requiredLiterals;

        CompiledRule(ClassificationRule rule, boolean prefilter) {
            this.rule = rule;
            this.pattern = switch (rule.kind()) {
                case STATUS_CODE -> null;
                // Error codes are ASCII (ClassificationRule checks). The lookahead for their first letters lets the
                // engine skip most positions before it evaluates the lookbehind and every code: 4x faster on tickets.
                case ERROR_CODE -> Pattern.compile(rule.errorCodes().stream()
                                .map(code -> Pattern.quote(code.substring(0, 1)))
                                .collect(Collectors.joining("|", "(?=", ")"))
                                + rule.errorCodes().stream().map(Pattern::quote)
                                .collect(Collectors.joining("|", "(?<![A-Za-z0-9_])(?:", ")(?![A-Za-z0-9_])")),
                        Pattern.CASE_INSENSITIVE);
                case MESSAGE_PATTERN, BASE_URL_SYMPTOM -> ClassificationRule.compile("value", rule.value());
            };
            this.statusCodes = rule.kind() == RuleKind.STATUS_CODE ? Set.copyOf(rule.statusCodes()) : Set.of();
            this.client = rule.client() == null ? null : ClassificationRule.compile("client", rule.client());
            this.unlessClient = rule.unlessClient() == null ? null
                    : ClassificationRule.compile("unless-client", rule.unlessClient());
            this.requiredLiterals = !prefilter ? null : switch (rule.kind()) {
                case STATUS_CODE -> null;
                case ERROR_CODE -> RequiredLiterals.anyOf(rule.errorCodes());
                case MESSAGE_PATTERN, BASE_URL_SYMPTOM -> RequiredLiterals.of(pattern).orElse(null);
            };
        }

        Reason bestMatch(Evidence evidence) {
            if (!appliesTo(evidence.client())) {
                return null;
            }
            Reason best = null;
            for (Candidate candidate : candidates(evidence)) {
                double weight = round(rule.weight() * candidate.source().trust());
                if (best == null || weight > best.weight()) {
                    best = new Reason(rule.id(), rule.category(), candidate.source().name(), candidate.matched(), weight);
                }
            }
            return best;
        }

        private boolean appliesTo(String reportedClient) {
            if (client != null && (reportedClient == null || !client.matcher(reportedClient).find())) {
                return false;
            }
            return unlessClient == null || reportedClient == null || !unlessClient.matcher(reportedClient).find();
        }

        /** Every place the rule matches, most trusted source first. */
        private List<Candidate> candidates(Evidence evidence) {
            List<Candidate> found = new ArrayList<>();
            switch (rule.kind()) {
                case STATUS_CODE -> {
                    evidence.loggedStatus().stream().filter(statusCodes::contains).findFirst()
                            .ifPresent(code -> found.add(new Candidate(EvidenceSource.LOG, code.toString())));
                    evidence.reportedStatus().stream().filter(statusCodes::contains).findFirst()
                            .ifPresent(code -> found.add(new Candidate(EvidenceSource.STATUS_CODE, code.toString())));
                    for (Passage passage : evidence.passages()) {
                        passage.statusCodes().stream().filter(statusCodes::contains).findFirst()
                                .ifPresent(code -> found.add(new Candidate(passage.source(), code.toString())));
                        passage.guessedStatusCodes().stream().filter(statusCodes::contains).findFirst()
                                .ifPresent(code -> found.add(new Candidate(EvidenceSource.GUESS, code.toString())));
                    }
                }
                case ERROR_CODE -> {
                    for (String code : evidence.loggedCodes()) {
                        match(code).ifPresent(words -> found.add(new Candidate(EvidenceSource.LOG, words)));
                    }
                    matchPassages(evidence, found);
                }
                case MESSAGE_PATTERN -> matchPassages(evidence, found);
                case BASE_URL_SYMPTOM -> {
                    if (evidence.baseUrl() != null) {
                        matchPassage(evidence.baseUrl(), found);
                    }
                }
            }
            return found;
        }

        private void matchPassages(Evidence evidence, List<Candidate> found) {
            for (Passage passage : evidence.passages()) {
                matchPassage(passage, found);
            }
        }

        /** The first match outside the customer's guesses counts at the passage's trust; one inside them, at a guess's. */
        private void matchPassage(Passage passage, List<Candidate> found) {
            if (!mayMatch(passage)) {
                return;
            }
            Matcher m = pattern.matcher(passage.text());
            String guessed = null;
            while (m.find()) {
                if (!inside(passage.guesses(), m.start())) {
                    found.add(new Candidate(passage.source(), words(m, passage.text())));
                    return;
                }
                if (guessed == null) {
                    guessed = words(m, passage.text());
                }
            }
            if (guessed != null) {
                found.add(new Candidate(EvidenceSource.GUESS, guessed));
            }
        }

        boolean searchesPassages() {
            return rule.kind() == RuleKind.ERROR_CODE || rule.kind() == RuleKind.MESSAGE_PATTERN;
        }

        /** False only when the passage lacks every literal that a match would contain. */
        private boolean mayMatch(Passage passage) {
            return requiredLiterals == null || requiredLiterals.occurIn(passage.folded());
        }

        private Optional<String> match(String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? Optional.of(words(m, text)) : Optional.empty();
        }

        private static String words(Matcher m, String text) {
            String words = m.group().strip();
            if (words.isEmpty()) {
                words = text.length() > MAX_MATCHED_CHARS ? text.substring(0, MAX_MATCHED_CHARS) : text;
            }
            return words.length() > MAX_MATCHED_CHARS ? words.substring(0, MAX_MATCHED_CHARS) + "…" : words;
        }
    }

    private record Candidate(EvidenceSource source, String matched) {
    }
}
