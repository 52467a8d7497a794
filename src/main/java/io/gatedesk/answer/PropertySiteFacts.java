package io.gatedesk.answer;

import io.gatedesk.ticket.ClientApp;

import java.util.Optional;

/**
 * Site facts from {@code gatedesk.site.name} and {@code gatedesk.site.api-base-url}, with the client conventions of
 * reference/gateway-errors.md: SDKs, Cursor, LobeChat, Dify and backends want host + /v1; NextChat and Cherry Studio
 * the bare host (they append the path); curl the full endpoint.
 */
class PropertySiteFacts implements SiteFacts {

    private final String siteName;
    private final String host;

    PropertySiteFacts(String siteName, String apiBaseUrl) {
        this.siteName = siteName;
        this.host = hostOf(apiBaseUrl);
    }

    /** The configured address without a trailing slash or /v1, whichever way it was written. */
    static String hostOf(String apiBaseUrl) {
        String url = apiBaseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url.endsWith("/v1") ? url.substring(0, url.length() - 3) : url;
    }

    @Override
    public String siteName() {
        return siteName;
    }

    @Override
    public String apiBaseUrl() {
        return host + "/v1";
    }

    @Override
    public Optional<String> expectedBaseUrl(ClientApp client) {
        if (client == null) {
            return Optional.empty();
        }
        return Optional.of(switch (client) {
            case NEXTCHAT, CHERRY_STUDIO -> host;
            case CURL -> host + "/v1/chat/completions";
            case CURSOR, LOBECHAT, DIFY, OPENAI_PYTHON, OPENAI_NODE, BACKEND_SERVICE, OTHER -> host + "/v1";
        });
    }
}
