package io.gatedesk.gatewaydb;

import java.time.Instant;
import java.util.List;

/** What one source's log table said for a ticket: the matching rows, or why it could not be asked. */
public record SourceLogs(String source, String kind, List<LiveLogEntry> entries, String error, Instant downSince) {

    public SourceLogs {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public boolean failed() {
        return error != null;
    }
}
