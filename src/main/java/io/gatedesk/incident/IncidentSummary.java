package io.gatedesk.incident;

import java.time.Instant;
import java.util.List;

/** An incident as lists, banners and the JSON API show it. */
public record IncidentSummary(long id, String title, IncidentStatus status, String category, List<String> models,
                              String channel, int ticketCount, Instant startedAt, boolean suggested,
                              boolean publicNotice, Instant resolvedAt) {
}
