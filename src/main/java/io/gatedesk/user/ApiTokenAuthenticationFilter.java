package io.gatedesk.user;

import io.gatedesk.web.PrefixedBearerTokenFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.util.Optional;

/**
 * Authenticates staff API calls that carry a personal token ({@code Authorization: Bearer gdp_…}).
 * Other bearer tokens (such as log-ingest tokens) are left for their own endpoints.
 */
public class ApiTokenAuthenticationFilter extends PrefixedBearerTokenFilter {

    private final UserService users;

    public ApiTokenAuthenticationFilter(UserService users, AuthenticationEntryPoint entryPoint) {
        super(UserService.TOKEN_PREFIX, entryPoint);
        this.users = users;
    }

    @Override
    protected Optional<Authentication> authenticate(String token) {
        return users.authenticateToken(token).map(member -> {
            var principal = User.withUsername(member.username()).password("")
                    .authorities(StaffUserDetailsService.authorities(member.roles())).build();
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        });
    }
}
