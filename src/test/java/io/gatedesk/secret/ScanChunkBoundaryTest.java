package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The scan copies the text in chunks of {@link SecretScanner#CHUNK} characters and skips through each; the rules read
 * the text itself. A secret, its name or its trigger character on either side of a chunk edge must be found exactly as
 * anywhere else: moving a text across the edge behind plain words changes nothing but the position.
 */
class ScanChunkBoundaryTest {

    private final SecretScanner scanner = new SecretScanner();

    @Test
    void aSecretAcrossAChunkEdgeIsMaskedAsAnywhereElse() {
        SplittableRandom random = new SplittableRandom(26);
        List<String> snippets = new ArrayList<>();
        for (var sample : SampleKeys.STANDALONE) {
            snippets.add(sample.apply(random).written() + " end");
        }
        String token = SampleKeys.opaqueToken(random);
        snippets.add("Authorization: Bearer " + token + "\n");
        snippets.add("api_key=" + token + "\n");
        snippets.add("{\"x-api-key\": \"" + token + "\"}");
        snippets.add("我的密钥是" + token + "，谢谢");
        snippets.add("AWS_ACCESS_KEY_ID=AK" + "IA" + "Q3EGRTZ7LHMX5B2N\n");
        snippets.add("--api-key " + token + " --model x");

        for (String snippet : snippets) {
            String alone = scanner.redact(snippet).text();
            assertThat(alone).as(snippet).isNotEqualTo(snippet);
            for (int shift = SecretScanner.CHUNK - snippet.length() - 2; shift <= SecretScanner.CHUNK + 2; shift++) {
                String words = plainWords(shift);

                assertThat(scanner.redact(words + snippet).text()).as("%s at %d", snippet, shift)
                        .isEqualTo(words + alone);
            }
        }
    }

    /** {@code length} characters of ordinary words that hold no secret, ending in a space. */
    static String plainWords(int length) {
        StringBuilder words = new StringBuilder(length);
        while (words.length() < length) {
            words.append("please check the quota ");
        }
        words.setLength(length - 1);
        return words.append(' ').toString();
    }
}
