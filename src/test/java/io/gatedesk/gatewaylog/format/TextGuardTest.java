package io.gatedesk.gatewaylog.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The caller's secret scanner must see every text value, or a raw key could be stored. */
class TextGuardTest {

    /** Marks what passed through it, so an unguarded field shows. */
    private static final UnaryOperator<String> MARK = s -> "«" + s + "»";

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "ONE_API_TEXT, one-api.log",
            "ONE_API_TABLE, one-api-logs.json",
            "NEW_API_TABLE, new-api-logs.csv",
            "NEW_API_TABLE, new-api-logs.jsonl",
            "LITELLM_SPEND, litellm-spend.csv",
            "LITELLM_ERROR, litellm-errors.csv",
            "CANONICAL, canonical.jsonl"})
    void everyTextFieldOfEveryRecordPassesTheGuard(LogFormat format, String fixture) throws Exception {
        Fixtures.Parsed<GatewayLogRecord> parsed = Fixtures.logs(format, fixture, ParseOptions.utc(MARK));

        assertThat(parsed.rows()).isNotEmpty();
        List<String> seen = new ArrayList<>();
        for (GatewayLogRecord r : parsed.rows()) {
            for (RecordComponent c : GatewayLogRecord.class.getRecordComponents()) {
                if (c.getType() == String.class) {
                    String value = (String) c.getAccessor().invoke(r);
                    if (value != null) {
                        assertThat(value).as(c.getName()).startsWith("«").endsWith("»");
                        seen.add(c.getName());
                    }
                }
            }
        }
        assertThat(seen).contains("source");
    }

    @Test
    void theUnionOfFixturesCoversEveryTextField() throws Exception {
        List<String> covered = new ArrayList<>();
        for (String[] f : new String[][]{{"ONE_API_TEXT", "one-api.log"}, {"NEW_API_TABLE", "new-api-logs.csv"},
                {"LITELLM_SPEND", "litellm-spend.csv"}, {"CANONICAL", "canonical.jsonl"}}) {
            for (GatewayLogRecord r : Fixtures.logs(LogFormat.valueOf(f[0]), f[1], ParseOptions.utc(MARK)).rows()) {
                for (RecordComponent c : GatewayLogRecord.class.getRecordComponents()) {
                    if (c.getType() == String.class && c.getAccessor().invoke(r) != null) {
                        covered.add(c.getName());
                    }
                }
            }
        }
        List<String> all = new ArrayList<>();
        for (RecordComponent c : GatewayLogRecord.class.getRecordComponents()) {
            if (c.getType() == String.class) {
                all.add(c.getName());
            }
        }
        assertThat(covered).containsAll(all);
    }

    @Test
    void keyInventoryFieldsPassTheGuardToo() throws Exception {
        for (String[] f : new String[][]{{"NEW_API_TOKENS", "new-api-tokens.json"},
                {"LITELLM_TOKENS", "litellm-tokens.csv"}}) {
            for (KeyInventoryEntry e : Fixtures.keys(LogFormat.valueOf(f[0]), f[1], ParseOptions.utc(MARK)).rows()) {
                for (RecordComponent c : KeyInventoryEntry.class.getRecordComponents()) {
                    String value = (String) c.getAccessor().invoke(e);
                    if (value != null) {
                        assertThat(value).as(c.getName()).startsWith("«").endsWith("»");
                    }
                }
            }
        }
    }

    @Test
    void aRawKeyInAnErrorMessageOrKeyColumnReachesTheGuardAndNeverTheRecord() throws Exception {
        String key = "sk-" + "Ab3".repeat(16);
        UnaryOperator<String> scanner = s -> s.replace(key, "sk-Ab3A…Ab3");
        String canonical = "{\"created_at\":1714550400,\"key_name\":\"" + key + "\",\"error_message\":\"Incorrect API key"
                + " provided: " + key + "\",\"username\":\"" + key + "\"}\n";
        String spend = "request_id,api_key,startTime\nchatcmpl-1,\"" + key + "\",2024-05-01 12:00:00\n";
        List<GatewayLogRecord> records = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        ParseOptions options = ParseOptions.utc(scanner);
        GatewayLogParser.parseLogs(LogFormat.CANONICAL, new java.io.StringReader(canonical), options, records::add,
                errors::add);
        GatewayLogParser.parseLogs(LogFormat.LITELLM_SPEND, new java.io.StringReader(spend), options, records::add,
                errors::add);

        assertThat(errors).isEmpty();
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.toString()).doesNotContain(key));
        // The exact fingerprint of a raw key in LiteLLM's key column is kept, so it matches hashed logs.
        assertThat(records.get(1).keyHashSha256()).isEqualTo(GatewayLogRecord.sha256Hex(key));
        assertThat(records.get(1).keyLast4()).isEqualTo(key.substring(key.length() - 4));
    }

    @Test
    void valuesEchoedInLineErrorsAreGuardedToo() {
        String bad = "{\"created_at\":\"sk-abcdefghijklmnop\"}\n";
        List<LineError> errors = new ArrayList<>();
        try {
            GatewayLogParser.parseLogs(LogFormat.CANONICAL, new java.io.StringReader(bad), ParseOptions.utc(MARK),
                    r -> { }, errors::add);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.reason()).contains("«sk-abcdefghijklmnop»"));
    }
}
