package io.gatedesk.gatewaylog.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogFormatDetectorTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "one-api.log, ONE_API_TEXT",
            "one-api-logs.json, ONE_API_TABLE",
            "new-api-logs.csv, NEW_API_TABLE",
            "new-api-logs.jsonl, NEW_API_TABLE",
            "litellm-spend.csv, LITELLM_SPEND",
            "litellm-spend.json, LITELLM_SPEND",
            "litellm-errors.csv, LITELLM_ERROR",
            "canonical.jsonl, CANONICAL",
            "canonical.csv, CANONICAL",
            "new-api-tokens.json, NEW_API_TOKENS",
            "litellm-tokens.csv, LITELLM_TOKENS"})
    void everyFixtureIsRecognisedByItsContentAlone(String fixture, LogFormat expected) throws IOException {
        try (InputStream in = Fixtures.open(fixture); BufferedReader reader = Bom.open(in)) {
            assertThat(LogFormatDetector.detect(reader, null)).contains(expected);
            // The reader is left at the start, so the parser sees the whole file.
            assertThat(reader.read()).isNotEqualTo(-1);
        }
    }

    @ParameterizedTest(name = "{0} with name {1}")
    @CsvSource(delimiter = '|', value = {
            "''|LiteLLM_SpendLogs.csv|LITELLM_SPEND",
            "''|gateway.log|ONE_API_TEXT",
            "''|tokens.json|NEW_API_TOKENS",
            "'[]'|litellm_verificationtokens.json|LITELLM_TOKENS"})
    void theFileNameDecidesOnlyWhenTheContentSaysNothing(String head, String name, LogFormat expected) {
        assertThat(LogFormatDetector.detect(head, name)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"hello world|notes.txt", "'{\"a\":1}'|data.json"})
    void unknownContentIsNotGuessed(String head, String name) {
        assertThat(LogFormatDetector.detect(head, name)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{\"a\":1}]|JSON_ARRAY",
            "'{\"success\":true,\"data\":[]}'|JSON_ARRAY",
            "'{\"id\":1,\"created_at\":2}'|JSON_LINES",
            "id,created_at|CSV"})
    void containerIsToldFromTheFirstCharacters(String head, LogContainer expected) {
        assertThat(TableReader.detect(head)).isEqualTo(expected);
    }
}
