package io.gatedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer <prefix>…} tokens of one kind. A token with another prefix is left to
 * its own filter; a token of this kind that does not authenticate is refused at once rather than passed on anonymous.
 */
public abstract class PrefixedBearerTokenFilter extends OncePerRequestFilter {

    private final String prefix;
    private final AuthenticationEntryPoint entryPoint;

    protected PrefixedBearerTokenFilter(String prefix, AuthenticationEntryPoint entryPoint) {
        this.prefix = prefix;
        this.entryPoint = entryPoint;
    }

    /** The authentication a live token of this kind stands for; empty when it is unknown, revoked or disabled. */
    protected abstract Optional<Authentication> authenticate(String token);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (token.startsWith(prefix)) {
                Optional<Authentication> authentication = authenticate(token);
                if (authentication.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    entryPoint.commence(request, response, new BadCredentialsException("Invalid bearer token"));
                    return;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication.get());
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
