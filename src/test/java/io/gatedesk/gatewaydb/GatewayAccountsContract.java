package io.gatedesk.gatewaydb;

import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.MaskedKeyParser;
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
 * Reading a new-api database for the keys a ticket names, on each engine new-api runs on: the same answers from the
 * same rows, and never the key itself.
 */
abstract class GatewayAccountsContract {

    GatewaySources sources;
    GatewayAccounts accounts;

    /** A fresh, filled new-api database on this engine; its JDBC URL, user and password. */
    abstract String[] newDatabase() throws Exception;

    @BeforeEach
    void connect() throws Exception {
        String[] db = newDatabase();
        GatewaySourceProperties properties = new GatewaySourceProperties(Map.of("main",
                new GatewaySourceProperties.Source("new-api", db[0], db[1], db[2], "Asia/Shanghai", 2,
                        Duration.ofSeconds(3), Duration.ofSeconds(5))), Duration.ofSeconds(30));
        sources = new GatewaySources(properties, Clock.systemUTC());
        accounts = new GatewayAccounts(sources, List.of(new NewApiAccounts(Clock.systemUTC())), properties);
    }

    @AfterEach
    void close() {
        if (sources != null) {
            sources.destroy();
        }
    }

    private List<KeyAccount> lookup(String mask) {
        MaskedKey key = MaskedKeyParser.parse(mask).orElseThrow();
        List<SourceAccounts> answers = accounts.accountsFor(key);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).error()).isNull();
        return answers.get(0).candidates();
    }

    @Test
    void aMaskedKeyFindsItsOwnerGroupQuotaAndLimits() {
        List<KeyAccount> found = lookup("sk-abcd****wxyz");

        assertThat(found).hasSize(1);
        KeyAccount account = found.get(0);
        assertThat(account.source()).isEqualTo("main");
        assertThat(account.userId()).isEqualTo(7L);
        assertThat(account.username()).isEqualTo("zhangwei");
        assertThat(account.displayName()).isEqualTo("张伟");
        assertThat(account.group()).as("an empty token group falls back to the user's").isEqualTo("vip");
        assertThat(account.keyName()).isEqualTo("prod");
        assertThat(account.status()).isEqualTo("enabled");
        assertThat(account.remainQuota()).isEqualTo(6_200_000L);
        assertThat(account.usedQuota()).isEqualTo(1_550_000L);
        assertThat(account.remainUsd()).isEqualByComparingTo(new BigDecimal("12.40"));
        assertThat(account.usedUsd()).isEqualByComparingTo(new BigDecimal("3.10"));
        assertThat(account.unlimitedQuota()).isFalse();
        assertThat(account.expiresAt()).as("-1 means never").isNull();
        assertThat(account.models()).containsExactly("gpt-4o", "claude-3-5-sonnet-20241022");
        assertThat(account.allowedIps()).containsExactly("203.0.113.*", "198.51.100.*/24");
        assertThat(account.lastUsedAt()).isNotNull();
        assertThat(account.userStatus()).isEqualTo("enabled");
        assertThat(account.toString()).doesNotContain(NewApiDatabase.ACTIVE_KEY.substring(4, 44));
    }

    @Test
    void otherSpellingsOfTheSameMaskFindTheSameKey() {
        assertThat(lookup("sk-abcd...wxyz")).extracting(KeyAccount::keyName).containsExactly("prod");
        assertThat(lookup("abcd…wxyz")).extracting(KeyAccount::keyName).containsExactly("prod");
    }

    @Test
    void theStatusIsWhatTheGatewayWouldAnswerNow() {
        assertThat(lookup("sk-efgh****1111")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("exhausted");
            assertThat(a.models()).as("limits off: every model of the group").isEmpty();
        });
        assertThat(lookup("sk-ijkl****2222")).singleElement()
                .satisfies(a -> assertThat(a.status()).as("enabled but past expiry").isEqualTo("expired"));
        assertThat(lookup("sk-uvwx****5555")).singleElement()
                .satisfies(a -> assertThat(a.userStatus()).isEqualTo("disabled"));
    }

    @Test
    void twoKeysThatFitOneMaskAreCandidatesNotOneAccount() {
        assertThat(lookup("sk-mnop****3333")).extracting(KeyAccount::keyName).containsExactly("twin-a", "twin-b");
    }

    @Test
    void deletedKeysUnknownKeysAndOtherIssuersFindNothing() {
        assertThat(lookup("sk-qrst****4444")).as("soft-deleted").isEmpty();
        assertThat(lookup("sk-zzzz****9999")).isEmpty();
        assertThat(lookup("sk-proj-abcd****wxyz")).as("an OpenAI project key is not this gateway's").isEmpty();
    }

    @Test
    void likeWildcardsInAMaskAreNotWildcards() {
        assertThat(NewApiAccounts.pattern(MaskedKey.of("sk-", "ab_d", "wxyz"))).isEqualTo("ab!_d%wxyz");
        assertThat(NewApiAccounts.pattern(MaskedKey.of("sk-", "a%", "wxyz"))).isNull();
        assertThat(NewApiAccounts.pattern(MaskedKey.of("sk-", "", "xyz"))).as("too little visible").isNull();
    }

    @Test
    void theTestReadsTheSchemaAndRecordsHealth() {
        assertThat(accounts.test("main")).hasValueSatisfying(health -> {
            assertThat(health.up()).isTrue();
            assertThat(health.latencyMillis()).isNotNull();
            assertThat(health.lastError()).isNull();
        });
        assertThat(accounts.test("nope")).isEmpty();
    }
}
