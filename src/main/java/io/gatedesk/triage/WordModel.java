package io.gatedesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistical fallback for text no rule recognises: a multinomial naive Bayes over words (split at case changes
 * and underscores, so {@code HeadersTimeoutError} also counts as {@code headers}, {@code timeout}) and Chinese
 * character pairs, trained on labelled tickets. Priors are uniform so that a category with many tickets does not win
 * by count alone. It answers only when one category is clearly the most likely, and names the words that decided.
 * Immutable and thread-safe.
 */
final class WordModel {

    static final String RULE_ID = "fallback.word-statistics";
    static final String TRAINING_RESOURCE = "/triage/fallback-training.jsonl";

    // The most likely category must hold at least this share of the probability, from at least this many known words.
    private static final double MIN_POSTERIOR = 0.6;
    private static final int MIN_KNOWN_TOKENS = 2;
    private static final int TOP_WORDS = 4;
    private static final double SMOOTHING = 0.5;

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]|(?<![\\d.])\\d{3,6}(?![\\d.])");
    private static final Pattern CAMEL_OR_SNAKE = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|_");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{2,}");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "this", "that", "you", "your",
            "are", "was", "but", "not", "have", "has", "from", "https", "http", "www", "com", "json", "at", "in", "of",
            "to", "on", "is", "it", "my", "me", "we", "our", "an", "or", "be", "do", "if", "can", "please", "error",
            "message", "type", "code", "null", "none", "true", "false", "api", "request", "id", "example", "gw",
            "v1", "chat", "completions");

    private static final class Shipped {
        static final WordModel MODEL = load();
    }

    private final Map<ErrorCategory, Map<String, Integer>> counts;
    private final Map<ErrorCategory, Integer> totals;
    private final int vocabulary;

    private WordModel(Map<ErrorCategory, Map<String, Integer>> counts) {
        this.counts = counts;
        this.totals = new EnumMap<>(ErrorCategory.class);
        Set<String> words = new java.util.HashSet<>();
        counts.forEach((category, perWord) -> {
            totals.put(category, perWord.values().stream().mapToInt(Integer::intValue).sum());
            words.addAll(perWord.keySet());
        });
        this.vocabulary = Math.max(1, words.size());
    }

    /** A ticket text and the category a person gave it. */
    record Example(ErrorCategory category, String text) {
    }

    /** The category the words point to, how sure, and the words that weighed most for it. */
    record Verdict(ErrorCategory category, double probability, List<String> topWords) {
    }

    static WordModel train(List<Example> examples) {
        Map<ErrorCategory, Map<String, Integer>> counts = new EnumMap<>(ErrorCategory.class);
        for (Example example : examples) {
            Map<String, Integer> perWord = counts.computeIfAbsent(example.category(), k -> new HashMap<>());
            // The customer's guesses are left out here as when classifying: they say what the ticket is not, often.
            for (String token : tokens(Classifier.withoutGuesses(example.text()))) {
                perWord.merge(token, 1, Integer::sum);
            }
        }
        return new WordModel(counts);
    }

    /** The model trained on the tickets shipped in {@value #TRAINING_RESOURCE}, read once. */
    static WordModel shipped() {
        return Shipped.MODEL;
    }

    Optional<Verdict> classify(String text) {
        if (text == null || text.isBlank() || counts.isEmpty()) {
            return Optional.empty();
        }
        List<String> known = tokens(text).stream().filter(this::known).toList();
        if (known.size() < MIN_KNOWN_TOKENS) {
            return Optional.empty();
        }
        Map<ErrorCategory, Double> logLikelihood = new EnumMap<>(ErrorCategory.class);
        for (ErrorCategory category : counts.keySet()) {
            double sum = 0;
            for (String token : known) {
                sum += logProbability(category, token);
            }
            logLikelihood.put(category, sum);
        }
        ErrorCategory best = logLikelihood.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double max = logLikelihood.get(best);
        double normaliser = logLikelihood.values().stream().mapToDouble(v -> Math.exp(v - max)).sum();
        double posterior = 1.0 / normaliser;
        if (posterior < MIN_POSTERIOR) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(best, posterior, topWords(best, known)));
    }

    private boolean known(String token) {
        for (Map<String, Integer> perWord : counts.values()) {
            if (perWord.containsKey(token)) {
                return true;
            }
        }
        return false;
    }

    private double logProbability(ErrorCategory category, String token) {
        int count = counts.get(category).getOrDefault(token, 0);
        return Math.log((count + SMOOTHING) / (totals.get(category) + SMOOTHING * vocabulary));
    }

    /** The words with the largest margin for the winner over the average of the other categories. */
    private List<String> topWords(ErrorCategory winner, List<String> known) {
        Map<String, Double> margin = new HashMap<>();
        for (String token : new LinkedHashSet<>(known)) {
            double others = counts.keySet().stream().filter(c -> c != winner)
                    .mapToDouble(c -> logProbability(c, token)).average().orElse(0);
            margin.put(token, logProbability(winner, token) - others);
        }
        return margin.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_WORDS).map(Map.Entry::getKey).toList();
    }

    /** Lower-case words, their parts at case changes and underscores, and pairs of adjacent Chinese characters. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String whole = word.group();
            addWord(tokens, whole);
            String[] parts = CAMEL_OR_SNAKE.split(whole);
            if (parts.length > 1) {
                for (String part : parts) {
                    addWord(tokens, part);
                }
            }
        }
        Matcher han = HAN_RUN.matcher(text);
        while (han.find()) {
            String run = han.group();
            for (int i = 0; i + 1 < run.length(); i++) {
                tokens.add(run.substring(i, i + 2));
            }
        }
        return tokens;
    }

    private static void addWord(List<String> tokens, String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (lower.length() >= 2 && !STOP_WORDS.contains(lower)) {
            tokens.add(lower);
        }
    }

    private static WordModel load() {
        JsonMapper mapper = JsonMapper.builder().build();
        try (InputStream in = WordModel.class.getResourceAsStream(TRAINING_RESOURCE)) {
            if (in == null) {
                return train(List.of());
            }
            List<Example> examples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = mapper.readTree(line);
                    examples.add(new Example(ErrorCategory.valueOf(node.get("category").asString()),
                            node.get("text").asString()));
                }
            }
            return train(examples);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TRAINING_RESOURCE, e);
        }
    }
}
