package io.gatedesk.gatewaylog;

import java.util.Optional;

/**
 * The ingest tokens gateways push logs with, as the security chain sees them: a raw token in, the token's name out.
 * Issuing and revoking them is the feature's own business ({@code gatewaylog.ingest}).
 */
public interface IngestTokens {

    String TOKEN_PREFIX = "gdi_";

    /** The token's name when the raw token is known and not revoked; notes when it was last used. */
    Optional<String> authenticate(String rawToken);

    /** Whether a gateway has a token to push logs with (revoked or not): a log source has been set up. */
    boolean anyIssued();
}
