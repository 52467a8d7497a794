package io.gatedesk.answer;

import io.gatedesk.ticket.ClientApp;

import java.util.Optional;

/**
 * What answers say about this site: its name, its API base URL, and the base URL each client should be given. The
 * default comes from properties ({@link PropertySiteFacts}); a bean of this type defined elsewhere (site settings
 * edited by admins) replaces it.
 */
public interface SiteFacts {

    String siteName();

    /** The OpenAI-style API base that answers quote: the gateway's root followed by {@code /v1}. */
    String apiBaseUrl();

    /** The base URL as this client wants it entered; empty when the client is not known. */
    Optional<String> expectedBaseUrl(ClientApp client);
}
