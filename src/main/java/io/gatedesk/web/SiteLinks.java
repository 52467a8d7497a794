package io.gatedesk.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links to this site. {@code gatedesk.site.base-url} wins when set (the address customers know); otherwise
 * the link is built from the current request, which honours {@code server.forward-headers-strategy} behind a proxy.
 */
@Component
public class SiteLinks {

    private final String configuredBaseUrl;

    SiteLinks(@Value("${gatedesk.site.base-url:}") String configuredBaseUrl) {
        this.configuredBaseUrl = configuredBaseUrl == null ? "" : configuredBaseUrl.strip().replaceAll("/+$", "");
    }

    public String absolute(String path) {
        String base = configuredBaseUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configuredBaseUrl;
        return base + path;
    }

    public String followUrl(String followToken) {
        return absolute("/t/" + followToken);
    }
}
