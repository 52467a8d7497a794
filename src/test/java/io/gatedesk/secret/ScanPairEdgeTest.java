package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The scan stops at pairs of adjacent characters and tests the neighbours of a stop on a chunk that overlaps the next
 * by {@link SecretScanner#PAD} characters each side (Zhipu's dot looks 32 back, a digest 70 ahead). A pair split by a
 * chunk edge, or a neighbour test reaching into the overlap, must decide exactly as anywhere else: every family and
 * every context form is moved across the chunk edge and both overlap edges, one character at a time.
 */
class ScanPairEdgeTest {

    private final SecretScanner scanner = new SecretScanner();

    @Test
    void everyFamilyAndContextFormIsFoundAtEveryChunkAndOverlapEdge() {
        List<String> snippets = snippets(new SplittableRandom(2612));
        for (String snippet : snippets) {
            String alone = scanner.redact(snippet).text();
            assertThat(alone).as(snippet).isNotEqualTo(snippet);
            assertEverywhereAsAlone(snippet, alone);
        }
    }

    @Test
    void whatTheChunkTestsRejectStaysRejectedAtEveryEdge() {
        SplittableRandom random = new SplittableRandom(2613);
        String digest = SecretCorpus.random(random, SecretCorpus.HEX, 63) + "7";
        List<String> untouched = List.of(
                "{\"request_id\":\"chatcmpl-1\",\"api_key\":\"" + digest + "\",\"model\":\"gpt-4o\"}",
                "{\"api_key\": \"" + digest + "\"}",
                "Authorization: Bearer $OPENAI_API_KEY -H x",
                "see https://api.example.com/v1, version 1.5 and 0.005 USD.",
                "gemini-1.5-pro-002 deepseek-chat o1-mini-2024-09-12 model_not_found new_api_error");
        for (String text : untouched) {
            assertThat(scanner.redact(text).text()).as(text).isEqualTo(text);
            assertEverywhereAsAlone(text, text);
        }
    }

    @Test
    void aPasswordNameBeforeBearerIsStillReadAsAPassword() {
        // The chunk test that leaves "Authorization: Bearer …" to the Bearer rule must not skip a password name
        String text = "db_password: BearerPass9x7 and more";

        assertThat(scanner.redact(text).text()).isEqualTo("db_password: Bear…s9x7 and more");
    }

    @Test
    void nestedLiteralsKeepTheMoreSpecificFamily() {
        // sk-svcacct- and sk- are tried at the same pair, so the service-account family, declared first, wins
        String key = "sk-" + "svcacct-" + SecretCorpus.random(new SplittableRandom(7), SecretCorpus.ALNUM, 60);

        Redaction redaction = scanner.redact("key " + key + " end");

        assertThat(redaction.findings()).extracting(SecretFinding::kind)
                .containsExactly(SecretKind.OPENAI_SERVICE_ACCOUNT_KEY);
    }

    @Test
    void controlCodesThatShareAClassWithChineseSeparatorsAreNotSeparators() {
        // The non-ASCII classes reuse the codes U+0002..U+0005, so those stop the scan; the rules must refuse them
        String token = SampleKeys.opaqueToken(new SplittableRandom(3));
        for (char code = 2; code <= 5; code++) {
            String text = "my api_key" + code + token + " and 密钥" + code + token;

            assertThat(scanner.redact(text).text()).as("\\u%04x", (int) code).isEqualTo(text);
        }
    }

    private void assertEverywhereAsAlone(String snippet, String alone) {
        int edge = SecretScanner.CHUNK;
        for (int shift = edge - snippet.length() - SecretScanner.PAD - 2; shift <= edge + SecretScanner.PAD + 2; shift++) {
            String words = ScanChunkBoundaryTest.plainWords(shift);
            assertThat(scanner.redact(words + snippet + " trailing words").text()).as("%s at %d", snippet, shift)
                    .isEqualTo(words + alone + " trailing words");
        }
    }

    private static List<String> snippets(SplittableRandom random) {
        List<String> snippets = new ArrayList<>();
        for (SecretCorpus.Family family : SecretCorpus.FAMILIES) {
            String secret = family.generator().apply(random);
            if (family.name().equals("password")) {
                snippets.add("password=" + secret);
                snippets.add("postgres://admin:" + secret + "@db.example.com/app");
                snippets.add("curl -u admin:" + secret + " https://x.example.com");
            }
            else if (family.name().equals("basic-auth")) {
                snippets.add("Authorization: Basic " + secret);
            }
            else if (family.kind() == null) {
                snippets.add("api_key=" + secret);
            }
            else {
                snippets.add(secret + " end");
            }
        }
        String token = SampleKeys.opaqueToken(random);
        snippets.add("Authorization: Bearer " + token);
        snippets.add("-H \"Authorization: bearer " + token + "\"");
        snippets.add("{\"x-api-key\": \"" + token + "\"}");
        snippets.add("{\"api_key\":\"" + token + "\"}");
        snippets.add(".header(\"x-api-key\", \"" + token + "\")");
        snippets.add("client.setApiKey(\"" + token + "\")");
        snippets.add("API_KEY：" + token);
        snippets.add("API_KEY＝" + token);
        snippets.add("我的密钥是" + token + "，谢谢");
        snippets.add("新的key为" + token);
        snippets.add("「令牌」：" + token);
        snippets.add("--api-key " + token + " --model x");
        snippets.add("export OPENAI_API_KEY=" + token);
        return snippets;
    }
}
