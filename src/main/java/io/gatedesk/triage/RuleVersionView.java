package io.gatedesk.triage;

import java.time.Instant;

record RuleVersionView(int number, RuleChange change, ErrorCategory category, RuleKind kind, String value,
                       double weight, String description, String client, String unlessClient, boolean enabled,
                       String changedBy, Instant changedAt) {
}
