package io.gatedesk.security;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** What every response must carry, whatever produced it. */
final class HardenedHeaders {

    private HardenedHeaders() {
    }

    /**
     * Asserts the browser-hardening headers on one response to {@code path}; {@code header} reads a response header
     * by name (null when absent). Returns the script nonce of its policy.
     */
    static String assertOn(String what, String path, Function<String, String> header) {
        String csp = header.apply("Content-Security-Policy");
        assertThat(csp).as("Content-Security-Policy of %s", what).isNotNull();
        String scriptSrc = directive(csp, "script-src");
        assertThat(scriptSrc).as("script-src of %s", what).isNotNull().doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval").containsPattern("'nonce-[A-Za-z0-9+/=]{20,}'");
        assertThat(directive(csp, "default-src")).as("default-src of %s", what).isEqualTo("default-src 'self'");
        assertThat(directive(csp, "object-src")).isEqualTo("object-src 'none'");
        assertThat(directive(csp, "base-uri")).isEqualTo("base-uri 'none'");
        assertThat(directive(csp, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(directive(csp, "form-action")).isEqualTo("form-action 'self'");
        assertThat(header.apply("Referrer-Policy")).as("Referrer-Policy of %s", what)
                .isEqualTo(path.startsWith("/t/") ? "no-referrer" : "strict-origin-when-cross-origin");
        assertThat(header.apply("Permissions-Policy")).as("Permissions-Policy of %s", what)
                .contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(header.apply("X-Content-Type-Options")).as("X-Content-Type-Options of %s", what)
                .isEqualTo("nosniff");
        return scriptSrc.replaceAll(".*'nonce-([^']+)'.*", "$1");
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            String trimmed = directive.trim();
            if (trimmed.equals(name) || trimmed.startsWith(name + " ")) {
                return trimmed;
            }
        }
        return null;
    }
}
