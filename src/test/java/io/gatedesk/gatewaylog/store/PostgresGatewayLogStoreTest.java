package io.gatedesk.gatewaylog.store;

import io.gatedesk.support.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ActiveProfiles({"test", "postgres"})
class PostgresGatewayLogStoreTest extends GatewayLogStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnARealPostgresServer() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void whileAnotherNodeHoldsTheRetentionLockThisOneSkipsTheRun() throws Exception {
        importFile(write("old.jsonl", row(marker + "-old", Instant.now().minus(Duration.ofDays(90)), null, null, null,
                "gpt-4o", 500, null)), "old.jsonl", "CANONICAL");
        try (Connection otherNode = dataSource.getConnection()) {
            lock(otherNode, "SELECT pg_advisory_lock(?)");
            assertThat(retention.purge()).isZero();
            assertThat(count(marker + "-old")).isEqualTo(1);
            lock(otherNode, "SELECT pg_advisory_unlock(?)");
        }
        assertThat(retention.purge()).isPositive();
        assertThat(count(marker + "-old")).isZero();
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LogRetentionJob.LOCK_KEY);
            statement.execute();
        }
    }

    private long count(String requestId) {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_log_entries WHERE request_id = ?", Long.class,
                requestId);
    }
}
