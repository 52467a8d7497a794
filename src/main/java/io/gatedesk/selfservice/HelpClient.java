package io.gatedesk.selfservice;

import io.gatedesk.ticket.ClientApp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The clients that have a help page, with their URL slug; the check also accepts the ticket form's names. */
public enum HelpClient {
    CURSOR("cursor", ClientApp.CURSOR),
    CHERRY_STUDIO("cherry-studio", ClientApp.CHERRY_STUDIO),
    LOBECHAT("lobechat", ClientApp.LOBECHAT),
    NEXTCHAT("nextchat", ClientApp.NEXTCHAT),
    DIFY("dify", ClientApp.DIFY),
    OPENAI_PYTHON("openai-python", ClientApp.OPENAI_PYTHON),
    OPENAI_NODE("openai-node", ClientApp.OPENAI_NODE),
    CURL("curl", ClientApp.CURL);

    private final String slug;
    private final ClientApp app;

    HelpClient(String slug, ClientApp app) {
        this.slug = slug;
        this.app = app;
    }

    public String slug() {
        return slug;
    }

    public ClientApp app() {
        return app;
    }

    public static Optional<HelpClient> fromSlug(String slug) {
        return Arrays.stream(values()).filter(client -> client.slug.equals(slug)).findFirst();
    }

    public static Optional<HelpClient> of(ClientApp app) {
        return Arrays.stream(values()).filter(client -> client.app == app).findFirst();
    }

    /** A slug ({@code cherry-studio}) or a {@link ClientApp} name ({@code CHERRY_STUDIO}), any case. */
    public static Optional<ClientApp> parseClient(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        Optional<HelpClient> bySlug = fromSlug(value.toLowerCase(Locale.ROOT));
        if (bySlug.isPresent()) {
            return bySlug.map(HelpClient::app);
        }
        String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(ClientApp.values()).filter(app -> app.name().equals(name)).findFirst();
    }
}
