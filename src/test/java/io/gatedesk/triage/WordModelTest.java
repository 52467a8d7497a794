package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WordModelTest {

    private final WordModel model = WordModel.train(List.of(
            new WordModel.Example(ErrorCategory.CONTEXT_LENGTH, "maximum context length exceeded tokens"),
            new WordModel.Example(ErrorCategory.CONTEXT_LENGTH, "input too long tokens limit 上下文太长"),
            new WordModel.Example(ErrorCategory.WRONG_BASE_URL, "host not resolved dns lookup failed"),
            new WordModel.Example(ErrorCategory.WRONG_BASE_URL, "could not resolve host 域名解析失败"),
            new WordModel.Example(ErrorCategory.RATE_LIMITED, "too many requests slow down")));

    @Test
    void wordsAreSplitAtCaseChangesAndUnderscoresAndChineseIntoCharacterPairs() {
        assertThat(WordModel.tokens("HeadersTimeoutError context_length_exceeded 上下文太长 HTTP 429 20250611093322871"))
                .containsExactly("headerstimeouterror", "headers", "timeout", "context_length_exceeded", "context",
                        "length", "exceeded", "429", "上下", "下文", "文太", "太长");
    }

    @Test
    void stopWordsShortWordsAndLongNumbersAreNotFeatures() {
        assertThat(WordModel.tokens("the error is at a 12 https 1234567 x")).isEmpty();
        assertThat(WordModel.tokens(null)).isEmpty();
    }

    @Test
    void theMostLikelyCategoryWinsAndNamesTheWordsThatDecided() {
        WordModel.Verdict verdict = model.classify("the request failed: context length is over the tokens limit").orElseThrow();

        assertThat(verdict.category()).isEqualTo(ErrorCategory.CONTEXT_LENGTH);
        assertThat(verdict.probability()).isGreaterThan(0.6).isLessThanOrEqualTo(1.0);
        assertThat(verdict.topWords()).contains("tokens", "context").doesNotContain("failed");
        assertThat(model.classify("上下文太长了").orElseThrow().category()).isEqualTo(ErrorCategory.CONTEXT_LENGTH);
        assertThat(model.classify("dns could not resolve the host").orElseThrow().category())
                .isEqualTo(ErrorCategory.WRONG_BASE_URL);
    }

    @Test
    void itDeclinesWithFewerThanTwoKnownWordsOrNoClearWinner() {
        assertThat(model.classify("tokens")).isEmpty();
        assertThat(model.classify("completely unrelated words here")).isEmpty();
        assertThat(model.classify("  ")).isEmpty();
        assertThat(model.classify(null)).isEmpty();
        assertThat(model.classify("tokens host")).isEmpty();
        assertThat(WordModel.train(List.of()).classify("tokens context")).isEmpty();
    }

    @Test
    void twoKnownWordsAreEnoughAndTwoLetterWordsCount() {
        WordModel small = WordModel.train(List.of(
                new WordModel.Example(ErrorCategory.RATE_LIMITED, "throttled slowdown throttled slowdown"),
                new WordModel.Example(ErrorCategory.CONTEXT_LENGTH, "oversized prompt oversized prompt")));

        assertThat(small.classify("throttled slowdown")).hasValueSatisfying(verdict -> {
            assertThat(verdict.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
            assertThat(verdict.topWords()).containsExactlyInAnyOrder("throttled", "slowdown");
        });
        assertThat(small.classify("throttled")).isEmpty();
        assertThat(WordModel.tokens("ok go aB")).containsExactly("ok", "go", "ab");
    }

    @Test
    void aGuessInTheTrainingTextTeachesNothing() {
        WordModel guessing = WordModel.train(List.of(
                new WordModel.Example(ErrorCategory.STREAM_INTERRUPTED, "stream cut halfway. maybe balance insufficient"),
                new WordModel.Example(ErrorCategory.INSUFFICIENT_QUOTA, "quota exhausted no credits")));

        assertThat(guessing.classify("balance insufficient")).isEmpty();
    }

    @Test
    void theShippedTrainingFileHoldsExactlyTheCorpus() throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        List<String> shipped;
        try (InputStream in = WordModel.class.getResourceAsStream(WordModel.TRAINING_RESOURCE)) {
            assertThat(in).as(WordModel.TRAINING_RESOURCE).isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(line -> {
                        JsonNode node = mapper.readTree(line);
                        return node.get("category").asString() + "|" + node.get("text").asString();
                    }).toList();
        }
        List<String> corpus = TriageCorpus.cases().stream().map(TriageCorpus.Case::example)
                .map(e -> e.category().name() + "|" + e.text()).toList();

        assertThat(shipped).as("regenerate with src/test/resources/triage/generate_corpus.py").isEqualTo(corpus);
    }
}
