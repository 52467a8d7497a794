package io.gatedesk.gatewaylog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Authenticates gateways pushing logs with an ingest token ({@code Authorization: Bearer gdi_…}). The principal gets
 * only {@value #AUTHORITY}, which the API chain grants for {@code POST /api/v1/gateway-logs} and nothing else.
 * Other bearer tokens (personal {@code gdp_} tokens) are left to their own filter.
 */
public class IngestTokenAuthenticationFilter extends OncePerRequestFilter {

    public static final String AUTHORITY = "ROLE_INGEST";

    private final IngestTokenService tokens;
    private final AuthenticationEntryPoint entryPoint;

    public IngestTokenAuthenticationFilter(IngestTokenService tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (token.startsWith(IngestTokenService.TOKEN_PREFIX)) {
                var name = tokens.authenticate(token);
                if (name.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    entryPoint.commence(request, response, new BadCredentialsException("Invalid ingest token"));
                    return;
                }
                var authentication = UsernamePasswordAuthenticationToken.authenticated("ingest:" + name.get(), null,
                        List.of(new SimpleGrantedAuthority(AUTHORITY)));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
