package io.gatedesk.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** While the database is away, buckets are counted on the node, and the database is not asked on every request. */
class PostgresRateBucketsTest {

    @Test
    void afterOneFailureTheNodeCountsLocallyWithoutAskingTheDatabaseAgainAtOnce() {
        AtomicInteger asked = new AtomicInteger();
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        DelegatingDataSource away = new DelegatingDataSource(
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/none", "u", "p")) {
            @Override
            public Connection getConnection() throws SQLException {
                asked.incrementAndGet();
                return super.getConnection();
            }
        };
        PostgresRateBuckets buckets = new PostgresRateBuckets(away);
        RateLimit twoAMinute = new RateLimit(2, 2, java.time.Duration.ofMinutes(1));

        assertThat(buckets.tryConsume("client-a", twoAMinute)).isTrue();
        int askedOnce = asked.get();
        assertThat(askedOnce).isPositive();
        assertThat(buckets.tryConsume("client-a", twoAMinute)).isTrue();
        assertThat(buckets.tryConsume("client-a", twoAMinute)).as("the local bucket still limits").isFalse();
        assertThat(asked.get()).as("no new connection attempt within the pause").isEqualTo(askedOnce);
    }
}
