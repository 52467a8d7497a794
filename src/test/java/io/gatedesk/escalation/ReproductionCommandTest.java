package io.gatedesk.escalation;

import io.gatedesk.secret.SampleKeys;
import io.gatedesk.secret.SecretScanner;
import io.gatedesk.ticket.ClientApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The URL each client really called, and that nothing key-like ever reaches the command. */
class ReproductionCommandTest {

    final io.gatedesk.secret.SecretGuard guard = new SecretScanner();

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "OPENAI_PYTHON, https://api.example.com/v1, https://api.example.com/v1/chat/completions",
            "CURSOR, https://api.example.com/v1/, https://api.example.com/v1/chat/completions",
            // A full endpoint pasted as the base URL: the SDK appends again, and so does the reproduction.
            "OPENAI_NODE, https://api.example.com/v1/chat/completions, https://api.example.com/v1/chat/completions/chat/completions",
            "LOBECHAT, https://api.example.com, https://api.example.com/chat/completions",
            "NEXTCHAT, https://api.example.com, https://api.example.com/v1/chat/completions",
            "NEXTCHAT, https://api.example.com/v1, https://api.example.com/v1/v1/chat/completions",
            "CHERRY_STUDIO, https://api.example.com, https://api.example.com/v1/chat/completions",
            "CHERRY_STUDIO, https://api.example.com/v2, https://api.example.com/v2/chat/completions",
            "CHERRY_STUDIO, https://api.example.com/custom/chat#, https://api.example.com/custom/chat",
            "CURL, https://api.example.com/v1/chat/completions, https://api.example.com/v1/chat/completions",
            "CURL, https://api.example.com/v1, https://api.example.com/v1/chat/completions",
            "DIFY, api.example.com:8443/v1?token=x#frag, https://api.example.com:8443/v1/chat/completions"
    })
    void theUrlIsTheOneTheClientCalled(ClientApp client, String baseUrl, String expected) {
        assertThat(ReproductionCommand.url(client, baseUrl, "/chat/completions", guard)).isEqualTo(expected);
    }

    @Test
    void aKeyInTheBaseUrlOrModelNeverReachesTheCommand() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            SampleKeys.Sample key = SampleKeys.any(random);
            String masked = guard.redact(key.written()).text();
            for (String base : new String[]{"https://u:" + key.written() + "@api.example.com/v1?key=" + key.written(),
                    "https://api.example.com/" + masked + "/v1", "https://api.example.com/v1#" + key.written()}) {
                String command = ReproductionCommand.of(ClientApp.OPENAI_PYTHON, base, masked, true, null, guard);
                assertThat(command).doesNotContain(key.secret()).doesNotContain(masked).doesNotContain("…")
                        .contains("Bearer $GATEWAY_API_KEY").contains("https://api.example.com");
            }
        }
    }

    @Test
    void endpointAndStreamComeFromTheLogRowAndTheTicket() {
        String command = ReproductionCommand.of(ClientApp.OPENAI_PYTHON, "https://api.example.com/v1",
                "text-embedding-3-small", false, "/v1/embeddings", guard);
        assertThat(command).contains("'https://api.example.com/v1/embeddings'", "\"input\": \"ping\"")
                .doesNotContain("-sSN");
        String streaming = ReproductionCommand.of(null, null, "it's-a-model", true, null, guard);
        assertThat(streaming).contains("curl -sSN \"$GATEWAY_BASE_URL/v1/chat/completions\"", "\"stream\": true",
                "it'\\''s-a-model");
    }
}
