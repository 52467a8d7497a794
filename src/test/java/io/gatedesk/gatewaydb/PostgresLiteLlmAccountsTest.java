package io.gatedesk.gatewaydb;

import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a LiteLLM proxy's database (PostgreSQL, the only engine LiteLLM runs on) for the keys a ticket names: a key
 * GateDesk masked itself is found exactly by its digest, a typed mask by its last four characters, and the key is
 * never read (LiteLLM does not even hold it).
 */
class PostgresLiteLlmAccountsTest {

    GatewaySources sources;
    GatewayAccounts accounts;

    @BeforeEach
    void connect() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        LiteLlmDatabase.create(url, "postgres", "postgres");
        GatewaySourceProperties properties = new GatewaySourceProperties(Map.of("proxy",
                new GatewaySourceProperties.Source("litellm", url, "postgres", "postgres", "UTC", 2,
                        Duration.ofSeconds(3), Duration.ofSeconds(5))), Duration.ofSeconds(30));
        sources = new GatewaySources(properties, Clock.systemUTC());
        accounts = new GatewayAccounts(sources, List.of(new NewApiAccounts(Clock.systemUTC()),
                new LiteLlmAccounts(Clock.systemUTC())), properties);
    }

    @AfterEach
    void close() {
        sources.destroy();
    }

    private List<KeyAccount> lookup(MaskedKey key) {
        List<SourceAccounts> answers = accounts.accountsFor(key);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).error()).isNull();
        assertThat(answers.get(0).kind()).isEqualTo("litellm");
        return answers.get(0).candidates();
    }

    /** The key as the secret guard leaves it: a mask with the full key's SHA-256. */
    private static MaskedKey guarded(String key) {
        return MaskedKeyParser.parse(key.substring(0, 7) + "…" + key.substring(key.length() - 4)).orElseThrow()
                .withFingerprint(LiteLlmDatabase.hash(key));
    }

    @Test
    void aKeyTheGuardMaskedIsFoundExactlyWithOwnerTeamBudgetAndModels() {
        List<KeyAccount> found = lookup(guarded(LiteLlmDatabase.ACTIVE_KEY));

        assertThat(found).hasSize(1);
        KeyAccount account = found.get(0);
        assertThat(account.source()).isEqualTo("proxy");
        assertThat(account.username()).isEqualTo("u-7");
        assertThat(account.displayName()).isEqualTo("张伟");
        assertThat(account.group()).isEqualTo("vip");
        assertThat(account.keyName()).isEqualTo("prod");
        assertThat(account.status()).isEqualTo("enabled");
        assertThat(account.unlimitedQuota()).isFalse();
        assertThat(account.usedUsd()).isEqualByComparingTo(new BigDecimal("3.10"));
        assertThat(account.remainUsd()).isEqualByComparingTo(new BigDecimal("46.90"));
        assertThat(account.remainQuota()).isNull();
        assertThat(account.models()).containsExactly("gpt-4o", "claude-3-5-sonnet");
        assertThat(account.lastUsedAt()).isNotNull();
        assertThat(account.refused()).isFalse();
    }

    @Test
    void aTypedMaskFindsEveryKeyEndingSoAsCandidates() {
        MaskedKey typed = MaskedKeyParser.parse("sk-Qm7X****Hwz1").orElseThrow();

        List<KeyAccount> found = lookup(typed);

        assertThat(found).extracting(KeyAccount::keyName).containsExactly("prod", "staging");
        // The customer may also paste the key name LiteLLM's own UI shows.
        assertThat(MaskedKeyParser.parse("sk-...Hwz1")).hasValueSatisfying(shown ->
                assertThat(lookup(shown)).hasSize(2));
    }

    @Test
    void theStatusIsWhatTheProxyWouldAnswerNow() {
        assertThat(lookup(guarded(LiteLlmDatabase.OVER_BUDGET_KEY)).get(0).status()).isEqualTo("exhausted");
        assertThat(lookup(guarded(LiteLlmDatabase.BLOCKED_KEY)).get(0).status()).isEqualTo("disabled");
        KeyAccount expired = lookup(guarded(LiteLlmDatabase.EXPIRED_KEY)).get(0);
        assertThat(expired.status()).isEqualTo("expired");
        assertThat(expired.unlimitedQuota()).isTrue();
        assertThat(expired.keyName()).isEqualTo("sk-..." + LiteLlmDatabase.EXPIRED_KEY.substring(
                LiteLlmDatabase.EXPIRED_KEY.length() - 4));
        // A key in a blocked team is refused although the key itself is not blocked.
        KeyAccount frozen = lookup(guarded(LiteLlmDatabase.SAME_ENDING_KEY)).get(0);
        assertThat(frozen.status()).isEqualTo("disabled");
        assertThat(frozen.group()).isEqualTo("frozen");
    }

    @Test
    void otherIssuersAndShortTailsFindNothingAndNoAnswerHoldsAKey() {
        assertThat(lookup(MaskedKeyParser.parse("sk-proj-Qm7X****Hwz1").orElseThrow())).isEmpty();
        assertThat(lookup(guarded("sk-" + "Unknown0Unknown0Unknown"))).isEmpty();
        String everything = LiteLlmDatabase.ALL_KEYS.stream().map(key -> lookup(guarded(key)).toString())
                .reduce("", String::concat);
        for (String key : LiteLlmDatabase.ALL_KEYS) {
            assertThat(everything).doesNotContain(key.substring(3)).doesNotContain(LiteLlmDatabase.hash(key));
        }
    }

    @Test
    void theTestConnectionReadsTheLiteLlmTables() {
        assertThat(accounts.test("proxy")).hasValueSatisfying(health -> assertThat(health.lastError()).isNull());
    }
}
