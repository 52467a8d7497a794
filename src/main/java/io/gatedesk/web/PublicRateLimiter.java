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

    PublicRateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(properties.refillPeriod().multipliedBy(2).plus(Duration.ofMinutes(1)))
                .build();
    }

    /** {@code true} when the request may go on; consumes one token from the caller's bucket. */
    public boolean tryAcquire(HttpServletRequest request) {
        if (!properties.enabled() || isStaff()) {
            return true;
        }
        return buckets.get(request.getRemoteAddr(), address -> newBucket()).tryConsume(1);
    }

    public long retryAfterSeconds() {
        return Math.max(1, properties.refillPeriod().dividedBy(Math.max(1, properties.refillTokens())).toSeconds());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.capacity())
                        .refillGreedy(properties.refillTokens(), properties.refillPeriod())
                        .build())
                .build();
    }

    private static boolean isStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
