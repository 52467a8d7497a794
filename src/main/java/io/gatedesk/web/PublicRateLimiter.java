package io.gatedesk.web;

import io.gatedesk.cluster.RateBuckets;
import io.gatedesk.cluster.RateLimit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Holds anonymous callers of public endpoints to a token bucket per client address; signed-in staff pass freely.
 * Behind a reverse proxy set {@code server.forward-headers-strategy} so the address is the caller's, not the proxy's.
 * On PostgreSQL the buckets are shared by all nodes ({@link RateBuckets}).
 */
@Component
public class PublicRateLimiter {

    private final RateLimitProperties properties;
    private final RateBuckets buckets;

    PublicRateLimiter(RateLimitProperties properties, RateBuckets buckets) {
        this.properties = properties;
        this.buckets = buckets;
    }

    /** {@code true} when the request may go on; consumes one token from the caller's bucket for filing. */
    public boolean tryAcquire(HttpServletRequest request) {
        if (!properties.enabled() || isStaff()) {
            return true;
        }
        return buckets.tryConsume("public:" + request.getRemoteAddr(),
                new RateLimit(properties.capacity(), properties.refillTokens(), properties.refillPeriod()));
    }

    /** As {@link #tryAcquire}, from the caller's larger bucket for read-only checks. */
    public boolean tryAcquireCheck(HttpServletRequest request) {
        if (!properties.enabled() || isStaff()) {
            return true;
        }
        return buckets.tryConsume("check:" + request.getRemoteAddr(),
                new RateLimit(properties.checkCapacity(), properties.checkRefillTokens(), properties.refillPeriod()));
    }

    public long retryAfterSeconds() {
        return Math.max(1, properties.refillPeriod().dividedBy(Math.max(1, properties.refillTokens())).toSeconds());
    }

    private static boolean isStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
