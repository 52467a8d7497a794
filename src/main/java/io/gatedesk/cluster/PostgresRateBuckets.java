package io.gatedesk.cluster;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Buckets as rows of {@code rate_limit_buckets} (V34), read and written under {@code SELECT ... FOR UPDATE} by
 * Bucket4j's PostgreSQL proxy manager, so a client's tokens are counted once across all nodes. While the database
 * cannot be reached the node counts in memory instead: a public form must not fail because its limiter did.
 */
class PostgresRateBuckets implements RateBuckets {

    static final String TABLE = "rate_limit_buckets";
    private static final Logger log = LoggerFactory.getLogger(PostgresRateBuckets.class);

    /** After a failure, how long buckets are counted on this node without asking the database again. */
    static final Duration LOCAL_AFTER_FAILURE = Duration.ofSeconds(5);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final LocalRateBuckets fallback = new LocalRateBuckets();
    /** {@link System#nanoTime()} until which the database is not asked: each ask would wait out the pool's timeout. */
    private volatile long localUntil = System.nanoTime();

    PostgresRateBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public boolean tryConsume(String key, RateLimit limit) {
        if (System.nanoTime() - localUntil < 0) {
            return fallback.tryConsume(key, limit);
        }
        try {
            return buckets.builder()
                    .build(key, () -> BucketConfiguration.builder().addLimit(LocalRateBuckets.bandwidth(limit)).build())
                    .tryConsume(1);
        } catch (RuntimeException databaseAway) {
            // Without the pause every limited request of an outage would first wait out the connection timeout here,
            // then again for the work it came for.
            localUntil = System.nanoTime() + LOCAL_AFTER_FAILURE.toNanos();
            log.debug("Rate limit for {} counted on this node only: {}", key, databaseAway.toString());
            return fallback.tryConsume(key, limit);
        }
    }

    /** Deletes buckets that would be full again by now: a new bucket is the same. */
    @Scheduled(fixedDelayString = "${gatedesk.rate-limit.purge-interval:PT10M}", initialDelay = 60_000)
    @SchedulerLock(name = "rate-limit-buckets-purge", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    public void purgeExpired() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1_000);
            } while (removed == 1_000);
        } catch (RuntimeException e) {
            log.warn("Could not purge expired rate-limit buckets: {}", e.toString());
        }
    }
}
