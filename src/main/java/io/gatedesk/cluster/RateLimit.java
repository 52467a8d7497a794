package io.gatedesk.cluster;

import java.time.Duration;

/** A token bucket's shape: {@code capacity} tokens at once, {@code refillTokens} more every {@code refillPeriod}. */
public record RateLimit(long capacity, long refillTokens, Duration refillPeriod) {

    /** How long an untouched bucket is kept: once it would be full again it is the same as a new one. */
    Duration idleLifetime() {
        return refillPeriod.multipliedBy(Math.max(1, capacity / Math.max(1, refillTokens)) + 1)
                .plus(Duration.ofMinutes(1));
    }
}
