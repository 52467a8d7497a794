package io.gatedesk.gatewaydb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on SQLite, new-api's default database, plus what a wrong or missing database looks like. */
class SqliteGatewayAccountsTest extends GatewayAccountsContract {

    @TempDir
    Path dir;

    @Override
    String[] newDatabase() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("one-api.db");
        NewApiDatabase.create(url, null, null, false);
        return new String[]{url, null, null};
    }

    @Test
    void aDatabaseWithoutNewApiTablesIsAClearErrorNotAnException() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("empty.db");
        java.sql.DriverManager.getConnection(url).close();
        GatewaySourceProperties properties = new GatewaySourceProperties(Map.of("wrong",
                new GatewaySourceProperties.Source("new-api", url, null, null, "UTC", 1, Duration.ofSeconds(2),
                        Duration.ofSeconds(2))), Duration.ofSeconds(30));
        GatewaySources wrong = new GatewaySources(properties, Clock.systemUTC());
        try {
            GatewayAccounts reader = new GatewayAccounts(wrong, List.of(new NewApiAccounts(Clock.systemUTC())), properties);
            List<SourceAccounts> answer = reader.accountsFor(io.gatedesk.secret.MaskedKey.of("sk-", "abcd", "wxyz"));
            assertThat(answer).singleElement().satisfies(a -> {
                assertThat(a.failed()).isTrue();
                assertThat(a.error()).contains("tokens").contains("new-api");
                assertThat(a.downSince()).isNotNull();
            });
            assertThat(reader.health()).singleElement().satisfies(h -> assertThat(h.up()).isFalse());
        } finally {
            wrong.destroy();
        }
    }

    @Test
    void aBadKindOrUrlIsAConfigurationErrorAndTheRestStillWork() {
        GatewaySourceProperties properties = new GatewaySourceProperties(Map.of(
                "typo", new GatewaySourceProperties.Source("newapi", "jdbc:sqlite::memory:", null, null, "UTC", 1,
                        Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "nourl", new GatewaySourceProperties.Source("one-api", "/var/lib/one-api.db", null, null, "UTC", 1,
                        Duration.ofSeconds(1), Duration.ofSeconds(1))), Duration.ofSeconds(30));
        GatewaySources broken = new GatewaySources(properties, Clock.systemUTC());
        assertThat(broken.all()).isEmpty();
        assertThat(broken.configurationErrors()).hasSize(2)
                .anySatisfy(e -> assertThat(e).startsWith("typo: kind must be"))
                .anySatisfy(e -> assertThat(e).startsWith("nourl: url must be a JDBC URL"));
    }
}
