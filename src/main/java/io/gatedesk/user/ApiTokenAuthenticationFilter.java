package io.gatedesk.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Authenticates staff API calls that carry a personal token ({@code Authorization: Bearer gdp_…}).
 * Other bearer tokens (such as log-ingest tokens) are left for their own endpoints.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final UserService users;
    private final AuthenticationEntryPoint entryPoint;

    public ApiTokenAuthenticationFilter(UserService users, AuthenticationEntryPoint entryPoint) {
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (token.startsWith(UserService.TOKEN_PREFIX)) {
                var staff = users.authenticateToken(token);
                if (staff.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    entryPoint.commence(request, response, new BadCredentialsException("Invalid API token"));
                    return;
                }
                var member = staff.get();
                var principal = User.withUsername(member.username()).password("")
                        .authorities(StaffUserDetailsService.authorities(member.roles())).build();
                var authentication = UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, principal.getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
