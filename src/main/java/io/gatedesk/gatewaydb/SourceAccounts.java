package io.gatedesk.gatewaydb;

import java.time.Instant;
import java.util.List;

/**
 * What one source said about one masked key: its candidate key rows (several are shown as candidates, never merged),
 * or why it could not be asked ({@code error}, and since when the source has been failing).
 */
public record SourceAccounts(String source, String kind, List<KeyAccount> candidates, String error,
                             Instant downSince) {

    public SourceAccounts {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public boolean failed() {
        return error != null;
    }
}
