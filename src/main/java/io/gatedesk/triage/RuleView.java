package io.gatedesk.triage;

import java.time.Instant;

/** A stored rule as the admin page shows it. {@code edited}: a seeded rule an admin has changed since. */
record RuleView(String id, ErrorCategory category, RuleKind kind, String value, double weight, String description,
                String client, String unlessClient, boolean enabled, RuleOrigin origin, boolean edited,
                int currentVersion, String updatedBy, Instant updatedAt, long version) {
}
