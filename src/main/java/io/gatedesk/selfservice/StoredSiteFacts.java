package io.gatedesk.selfservice;

import io.gatedesk.answer.SiteFacts;
import io.gatedesk.ticket.ClientApp;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Short answers quote the site as admins set it on /admin/site, and give each client the same base URL that the help
 * pages and the configuration check compute, so a customer never reads two different addresses.
 */
@Component
@Primary
class StoredSiteFacts implements SiteFacts {

    private final SiteSettingsService settings;

    StoredSiteFacts(SiteSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public String siteName() {
        return settings.current().name();
    }

    /** Answers quote the OpenAI-style API base ({@code GET {{site.apiBaseUrl}}/models}): the stored root + /v1. */
    @Override
    public String apiBaseUrl() {
        return settings.current().apiBaseUrl().replaceAll("/+$", "") + "/v1";
    }

    @Override
    public Optional<String> expectedBaseUrl(ClientApp client) {
        return client == null ? Optional.empty()
                : Optional.ofNullable(ConfigChecker.expectedBaseUrl(settings.current(), client));
    }
}
