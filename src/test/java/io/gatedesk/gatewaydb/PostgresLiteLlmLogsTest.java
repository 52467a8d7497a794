package io.gatedesk.gatewaydb;

import io.gatedesk.gatewaylog.MatchQuery;
import io.gatedesk.gatewaylog.MatchReason;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.secret.SecretScanner;
import io.gatedesk.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LiteLLM proxy's {@code LiteLLM_SpendLogs} read for a ticket: a key GateDesk masked itself by its digest, a typed
 * mask by the tokens whose {@code key_name} fits (so every key ending so), a request ID exactly; never the messages.
 */
class PostgresLiteLlmLogsTest {

    GatewaySources sources;
    GatewayLogs logs;

    @BeforeEach
    void connect() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        LiteLlmDatabase.create(url, "postgres", "postgres");
        LiteLlmDatabase.createSpendLogs(url, "postgres", "postgres");
        GatewaySourceProperties properties = new GatewaySourceProperties(Map.of("proxy",
                new GatewaySourceProperties.Source("litellm", url, "postgres", "postgres", "UTC", 2,
                        Duration.ofSeconds(3), Duration.ofSeconds(5))), Duration.ofSeconds(30));
        sources = new GatewaySources(properties, Clock.systemUTC());
        logs = new GatewayLogs(sources, new LogReader(new SecretScanner()), null, properties);
    }

    @AfterEach
    void close() {
        sources.destroy();
    }

    private List<LiveLogEntry> find(List<String> requestIds, MaskedKey key, String model) {
        Instant now = Instant.now();
        List<SourceLogs> answers = logs.find(new MatchQuery(requestIds, List.of(key), now,
                now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(30)), model));
        assertThat(answers).singleElement().satisfies(answer -> assertThat(answer.error()).isNull());
        return answers.get(0).entries();
    }

    @Test
    void aKeyTheGuardMaskedFindsItsOwnCallsByDigestClosestFirst() {
        MaskedKey guarded = MaskedKeyParser.parse("sk-Qm7X…Hwz1").orElseThrow()
                .withFingerprint(LiteLlmDatabase.hash(LiteLlmDatabase.ACTIVE_KEY));

        List<LiveLogEntry> found = find(List.of(), guarded, "gpt-4o");

        assertThat(found).extracting(LiveLogEntry::requestId).containsExactly("chatcmpl-live-2", "chatcmpl-live-1");
        assertThat(found).allSatisfy(entry -> assertThat(entry.reason()).isEqualTo(MatchReason.KEY_FINGERPRINT));
        assertThat(found.get(0).failed()).isTrue();
        assertThat(found.get(1).costUsd()).isEqualByComparingTo("0.0123");
        assertThat(found.get(1).latencyMs()).isEqualTo(2_000L);
        assertThat(found.get(1).userId()).isEqualTo("u-7");
        assertThat(found.toString()).doesNotContain("a private question").doesNotContain("198.51.100.9")
                .doesNotContain(LiteLlmDatabase.hash(LiteLlmDatabase.ACTIVE_KEY));
    }

    @Test
    void aTypedMaskFindsEveryKeyEndingSoAndARequestIdComesFirstAndAlone() {
        MaskedKey typed = MaskedKeyParser.parse("sk-Qm7X****Hwz1").orElseThrow();

        assertThat(find(List.of(), typed, null)).extracting(LiveLogEntry::requestId)
                .containsExactlyInAnyOrder("chatcmpl-live-1", "chatcmpl-live-2", "chatcmpl-other")
                .hasSize(3);
        assertThat(find(List.of(), typed, null)).allSatisfy(e -> assertThat(e.reason()).isEqualTo(MatchReason.KEY_MASK));
        assertThat(find(List.of("chatcmpl-old"), typed, null)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(MatchReason.REQUEST_ID));
        assertThat(find(List.of(), typed, "claude-3-5-sonnet")).isEmpty();
    }
}
