package io.gatedesk.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Holds anonymous callers of public endpoints to a token bucket per client address; signed-in staff pass freely.
 * Behind a reverse proxy set {@code server.forward-headers-strategy} so the address is the caller's, not the proxy's.
 */
@Component
public class PublicRateLimiter {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;
    private final Cache<String, Bucket> checkBuckets;

    PublicRateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = newBucketMap();
        this.checkBuckets = newBucketMap();
    }

    private Cache<String, Bucket> newBucketMap() {
        return Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(properties.refillPeriod().multipliedBy(2).plus(Duration.ofMinutes(1)))
                .build();
    }

    /** {@code true} when the request may go on; consumes one token from the caller's bucket for filing. */
    public boolean tryAcquire(HttpServletRequest request) {
        if (!properties.enabled() || isStaff()) {
            return true;
        }
        return buckets.get(request.getRemoteAddr(),
                address -> newBucket(properties.capacity(), properties.refillTokens())).tryConsume(1);
    }

    /** As {@link #tryAcquire}, from the caller's larger bucket for read-only checks. */
    public boolean tryAcquireCheck(HttpServletRequest request) {
        if (!properties.enabled() || isStaff()) {
            return true;
        }
        return checkBuckets.get(request.getRemoteAddr(),
                address -> newBucket(properties.checkCapacity(), properties.checkRefillTokens())).tryConsume(1);
    }

    public long retryAfterSeconds() {
        return Math.max(1, properties.refillPeriod().dividedBy(Math.max(1, properties.refillTokens())).toSeconds());
    }

    private Bucket newBucket(long capacity, long refillTokens) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(refillTokens, properties.refillPeriod())
                        .build())
                .build();
    }

    private static boolean isStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
