package io.gatedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Rate-limits the public JSON API. It runs inside the security chain, after authentication, so staff calls are
 * recognised and let through. Browser forms are limited by their controllers, which can keep what was typed.
 */
public class PublicApiRateLimitFilter extends OncePerRequestFilter {

    private final PublicRateLimiter limiter;
    private final ApiErrorWriter errors;

    public PublicApiRateLimitFilter(PublicRateLimiter limiter, ApiErrorWriter errors) {
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean files = request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/tickets");
        if (files ? limiter.tryAcquire(request) : limiter.tryAcquireCheck(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", String.valueOf(limiter.retryAfterSeconds()));
        errors.write(request, response, 429, "RATE_LIMITED", "error.rateLimited");
    }
}
