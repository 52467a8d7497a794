package io.gatedesk.selfservice;

import java.util.List;

/**
 * A model the gateway serves: the exact name to send, other spellings customers type for it (used for "did you mean",
 * not accepted as names), and the key groups that may use it (empty: every group).
 */
public record CatalogueModel(String name, List<String> aliases, List<String> groups) {

    public CatalogueModel {
        name = name == null ? "" : name.strip();
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
