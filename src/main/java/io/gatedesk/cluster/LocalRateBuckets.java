package io.gatedesk.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/** Buckets in this process's memory: bounded, and each forgotten once it would be full again anyway. */
class LocalRateBuckets implements RateBuckets {

    private record Entry(Bucket bucket, RateLimit limit) {
    }

    private final Cache<String, Entry> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.accessing((String key, Entry entry) -> entry.limit().idleLifetime()))
            .build();

    @Override
    public boolean tryConsume(String key, RateLimit limit) {
        return buckets.get(key, ignored -> new Entry(Bucket.builder().addLimit(bandwidth(limit)).build(), limit))
                .bucket().tryConsume(1);
    }

    static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder().capacity(limit.capacity())
                .refillGreedy(limit.refillTokens(), limit.refillPeriod()).build();
    }
}
