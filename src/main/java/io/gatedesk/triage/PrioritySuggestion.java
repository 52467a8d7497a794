package io.gatedesk.triage;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.Priority;

/**
 * The priority a ticket should start with, from what broke and who is hurt. Caller type sets the order (production
 * before high-cost before test before personal); a failure on the gateway's side (upstream down, timeouts, cut
 * streams, no channel, saturation) is one step more urgent than one the customer can fix in their own settings.
 */
final class PrioritySuggestion {

    private PrioritySuggestion() {
    }

    static Priority of(ErrorCategory category, CallerType callerType) {
        int base = switch (callerType == null ? CallerType.HIGH_COST : callerType) {
            case PRODUCTION -> 1;
            case HIGH_COST -> 2;
            case TEST -> 3;
            case PERSONAL -> 4;
        };
        int rank = gatewaySide(category) ? base : base + 1;
        return Priority.values()[Math.min(Math.max(rank, 1), Priority.values().length) - 1];
    }

    static boolean gatewaySide(ErrorCategory category) {
        return switch (category) {
            case UPSTREAM_ERROR, UPSTREAM_TIMEOUT, STREAM_INTERRUPTED, MODEL_NOT_AVAILABLE, RATE_LIMITED -> true;
            case INVALID_KEY, ACCESS_DENIED, INSUFFICIENT_QUOTA, BILLING, WRONG_BASE_URL, CONTEXT_LENGTH, OTHER -> false;
        };
    }
}
