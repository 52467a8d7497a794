package io.gatedesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled corpus of tickets in {@code triage/corpus.jsonl}, read once per test JVM. Public for the benchmarks in
 * {@code io.gatedesk.triage.bench}.
 */
public final class TriageCorpus {

    record Case(String id, ErrorCategory expected, String lang, Integer statusCode, String errorMessage,
                String text, String client, String baseUrl, String model, List<LogEvidence> logEvidence) {

        TriageInput input() {
            return new TriageInput(statusCode, errorMessage, text, client, baseUrl, model, logEvidence);
        }
    }

    private static final List<Case> CASES = read();

    private TriageCorpus() {
    }

    static List<Case> cases() {
        return CASES;
    }

    /** What the classifier is given for each case, in corpus order. */
    public static List<TriageInput> inputs() {
        return CASES.stream().map(Case::input).toList();
    }

    private static List<Case> read() {
        JsonMapper mapper = JsonMapper.builder().build();
        try (InputStream in = TriageCorpus.class.getResourceAsStream("/triage/corpus.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("corpus resource /triage/corpus.jsonl is missing");
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
