package io.gatedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Puts the browser-hardening headers on every response before anything else runs, so pages, htmx fragments, JSON,
 * static files, 404s, error pages and the security chain's own 401/403 answers all carry them. Each request gets a
 * fresh script nonce (request attribute {@value #NONCE_ATTRIBUTE}) that the layout puts on its script tags; nothing
 * inline runs without it. Spring Security adds X-Frame-Options, Cache-Control and HSTS (on secure requests only).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String NONCE_ATTRIBUTE = "cspNonce";

    /** The follow link {@code /t/<token>} is a bearer credential in the URL: it must never leave in a Referer. */
    static final String FOLLOW_PREFIX = "/t/";

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    private final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String nonce = nonce();
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
        response.setHeader("Referrer-Policy", followPage(request) ? "no-referrer" : "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }

    /**
     * Scripts only from this origin or with this response's nonce; styles and images only from this origin (htmx's
     * indicator style is switched off and shipped in app.css). Everything else falls back to default-src 'self'.
     */
    static String contentSecurityPolicy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self'";
    }

    private static boolean followPage(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + FOLLOW_PREFIX);
    }

    private String nonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
