package io.gatedesk.gatewaylog.format;

/** The gateway exports GateDesk can read. Tabular formats may come as JSON array, JSON Lines or CSV. */
public enum LogFormat {
    ONE_API_TEXT("one-api", false),
    ONE_API_TABLE("one-api", false),
    NEW_API_TABLE("new-api", false),
    LITELLM_SPEND("litellm", false),
    LITELLM_ERROR("litellm", false),
    CANONICAL("canonical", false),
    NEW_API_TOKENS("new-api", true),
    LITELLM_TOKENS("litellm", true);

    private final String defaultSource;
    private final boolean keyInventory;

    LogFormat(String defaultSource, boolean keyInventory) {
        this.defaultSource = defaultSource;
        this.keyInventory = keyInventory;
    }

    /** The {@code source} stamped on rows unless the caller names the site. */
    public String defaultSource() {
        return defaultSource;
    }

    /** True for token lists, which yield key inventory entries rather than log records. */
    public boolean keyInventory() {
        return keyInventory;
    }
}
