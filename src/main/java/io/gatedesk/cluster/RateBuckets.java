package io.gatedesk.cluster;

/**
 * Token buckets by key (a client address and what it is doing). On PostgreSQL the buckets are rows every node counts
 * in ({@code rate_limit_buckets}, V34); on the embedded H2 database, which only one process can open, they are kept
 * in memory.
 */
public interface RateBuckets {

    /** Takes one token from the bucket {@code key}, made with {@code limit} on first use; {@code false} when empty. */
    boolean tryConsume(String key, RateLimit limit);
}
