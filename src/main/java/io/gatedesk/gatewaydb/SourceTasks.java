package io.gatedesk.gatewaydb;

import java.time.Instant;
import java.util.List;

/** What one source said about a ticket's task IDs: the tasks it holds, or why it could not be asked. */
public record SourceTasks(String source, String kind, List<GatewayTask> tasks, String error, Instant downSince) {

    public SourceTasks {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public boolean failed() {
        return error != null;
    }
}
