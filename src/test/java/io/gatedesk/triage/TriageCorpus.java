package io.gatedesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled corpus of tickets, read once per test JVM: {@code triage/corpus.jsonl} (the first corpus) and
 * {@code triage/corpus-sources.jsonl} (written from providers', gateways' and clients' own error texts by
 * {@code generate_corpus.py}) and {@code triage/corpus-unnamed.jsonl} (written after the rules were frozen, from
 * providers and clients no rule names, and not tuned on). Every case names its {@code source} (a provider, gateway, HTTP client or app, or
 * {@code customers} for tickets in the customer's own words) and {@code cite}s where its wording was taken from.
 * Public for the benchmarks in {@code io.gatedesk.triage.bench}.
 */
public final class TriageCorpus {

    record Case(String id, ErrorCategory expected, String source, String cite, String style, String lang,
                Integer statusCode, String errorMessage, String text, String client, String baseUrl, String model,
                List<LogEvidence> logEvidence) {

        TriageInput input() {
            return new TriageInput(statusCode, errorMessage, text, client, baseUrl, model, logEvidence);
        }

        /** The case as a training example for the word statistics: the same text the shipped training file holds. */
        WordModel.Example example() {
            List<String> parts = new java.util.ArrayList<>();
            java.util.stream.Stream.of(errorMessage, text).filter(p -> p != null && !p.isEmpty()).forEach(parts::add);
            if (logEvidence != null) {
                logEvidence.stream().map(LogEvidence::errorMessage).filter(p -> p != null && !p.isEmpty()).forEach(parts::add);
            }
            return new WordModel.Example(expected, String.join("\n", parts));
        }
    }

    static final String CUSTOMERS = "customers";
    private static final List<String> FILES = List.of("/triage/corpus.jsonl", "/triage/corpus-sources.jsonl",
            "/triage/corpus-unnamed.jsonl");
    private static final List<Case> CASES = FILES.stream().flatMap(file -> read(file).stream()).toList();

    private TriageCorpus() {
    }

    static List<Case> cases() {
        return CASES;
    }

    /** What the classifier is given for each case, in corpus order. */
    public static List<TriageInput> inputs() {
        return CASES.stream().map(Case::input).toList();
    }

    private static List<Case> read(String file) {
        JsonMapper mapper = JsonMapper.builder().build();
        try (InputStream in = TriageCorpus.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("corpus resource " + file + " is missing");
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return content.lines().filter(line -> !line.isBlank())
                    .map(line -> mapper.readValue(line, Case.class)).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the triage corpus", e);
        }
    }
}
