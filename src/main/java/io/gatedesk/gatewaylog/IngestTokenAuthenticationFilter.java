package io.gatedesk.gatewaylog;

import io.gatedesk.web.PrefixedBearerTokenFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.util.List;
import java.util.Optional;

/**
 * Authenticates gateways pushing logs with an ingest token ({@code Authorization: Bearer gdi_…}). The principal gets
 * only {@value #AUTHORITY}, which the API chain grants for {@code POST /api/v1/gateway-logs} and nothing else.
 * Other bearer tokens (personal {@code gdp_} tokens) are left to their own filter.
 */
public class IngestTokenAuthenticationFilter extends PrefixedBearerTokenFilter {

    public static final String AUTHORITY = "ROLE_INGEST";

    private final IngestTokens tokens;

    public IngestTokenAuthenticationFilter(IngestTokens tokens, AuthenticationEntryPoint entryPoint) {
        super(IngestTokens.TOKEN_PREFIX, entryPoint);
        this.tokens = tokens;
    }

    @Override
    protected Optional<Authentication> authenticate(String token) {
        return tokens.authenticate(token).map(name -> UsernamePasswordAuthenticationToken.authenticated(
                "ingest:" + name, null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
    }
}
