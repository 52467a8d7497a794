package io.gatedesk.gatewaydb;

import io.gatedesk.gatewaylog.MatchQuery;
import io.gatedesk.gatewaylog.MatchReason;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.secret.SecretScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a new-api database's own {@code logs} for a ticket, on each engine new-api runs on, beside a source that is
 * down: the same rows by the same rules as imported logs, and never a key, a consume row's content or an IP.
 */
abstract class GatewayLogsContract {

    GatewaySources sources;
    GatewayLogs logs;

    /** A fresh new-api database on this engine with its logs table (with or without token_id); URL, user, password. */
    abstract String[] newDatabase(boolean withTokenId) throws Exception;

    void connect(boolean withTokenId) throws Exception {
        String[] db = newDatabase(withTokenId);
        GatewaySourceProperties properties = NewApiDatabase.mainBesideADownSource(db);
        sources = new GatewaySources(properties, Clock.systemUTC());
        logs = new GatewayLogs(sources, new LogReader(new SecretScanner()), null, properties);
    }

    @AfterEach
    void close() {
        if (sources != null) {
            sources.destroy();
        }
    }

    private SourceLogs main(MatchQuery query) {
        List<SourceLogs> answers = logs.find(query);
        assertThat(answers).extracting(SourceLogs::source).containsExactly("down", "main");
        assertThat(answers.get(0).failed()).as("the other source is down, and says so").isTrue();
        assertThat(answers.get(0).downSince()).isNotNull();
        assertThat(answers.get(1).error()).isNull();
        return answers.get(1);
    }

    private static MatchQuery around(Instant at, String model, String... masks) {
        return new MatchQuery(List.of(), java.util.Arrays.stream(masks)
                .map(mask -> MaskedKeyParser.parse(mask).orElseThrow()).toList(), at, at.minus(Duration.ofMinutes(30)),
                at.plus(Duration.ofMinutes(30)), model);
    }

    @Test
    void aKeysCallsInTheWindowMatchByTokenIdClosestFirstWithTheErrorMasked() throws Exception {
        connect(true);
        List<LiveLogEntry> found = main(around(Instant.now(), "gpt-4o", "sk-abcd****wxyz")).entries();

        assertThat(found).hasSize(2);
        assertThat(found).allSatisfy(entry -> {
            assertThat(entry.reason()).isEqualTo(MatchReason.KEY_ID);
            assertThat(entry.via()).isEqualTo("sk-abcd…wxyz → prod #1");
            assertThat(entry.source()).isEqualTo("main");
            assertThat(entry.tokenName()).isEqualTo("prod");
        });
        LiveLogEntry call = found.get(0);
        assertThat(call.failed()).isFalse();
        assertThat(call.secondsFromTime()).isLessThan(found.get(1).secondsFromTime());
        assertThat(call.promptTokens()).isEqualTo(120L);
        assertThat(call.completionTokens()).isEqualTo(45L);
        assertThat(call.latencyMs()).isEqualTo(3_000L);
        assertThat(call.quota()).isEqualTo(1_500L);
        assertThat(call.errorMessage()).as("a consume row's content is not read").isNull();
        LiveLogEntry error = found.get(1);
        assertThat(error.failed()).isTrue();
        assertThat(error.errorMessage()).startsWith("upstream_error: bad response status code 503")
                .doesNotContain(NewApiDatabase.LOGGED_UPSTREAM_KEY);
        assertThat(found.toString()).doesNotContain(NewApiDatabase.CONSUME_CONTENT).doesNotContain("203.0.113.7")
                .doesNotContain(NewApiDatabase.ACTIVE_KEY.substring(4, 44));
    }

    @Test
    void anotherModelOrAnotherTimeMatchesNothing() throws Exception {
        connect(true);
        assertThat(main(around(Instant.now(), "claude-3-5-sonnet", "sk-abcd****wxyz")).entries()).isEmpty();
        assertThat(main(around(Instant.now().minus(Duration.ofDays(3)), null, "sk-abcd****wxyz")).entries())
                .singleElement().satisfies(old -> assertThat(old.quota()).isEqualTo(900L));
        assertThat(main(new MatchQuery(List.of(), List.of(), Instant.now(), null, null, null)).entries()).isEmpty();
    }

    @Test
    void oneApiRowsWithoutTokenIdMatchByTheTokensNameAndOwner() throws Exception {
        connect(false);
        List<LiveLogEntry> found = main(around(Instant.now(), null, "sk-abcd****wxyz")).entries();

        assertThat(found).hasSize(2).allSatisfy(entry -> assertThat(entry.reason()).isEqualTo(MatchReason.KEY_NAME));
        assertThat(main(around(Instant.now(), null, "sk-efgh****1111")).entries())
                .singleElement().satisfies(other -> assertThat(other.tokenName()).isEqualTo("batch"));
    }
}
