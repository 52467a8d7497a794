package io.gatedesk.workspace;

import java.util.List;

/**
 * What a bulk action did, by ticket number: {@code done} got every part of the action; {@code conflicted} were changed
 * by someone else after the agent saw them and were left untouched; {@code refused} were skipped for a reason of
 * their own (a short answer's placeholder with no value for that ticket, a ticket that no longer exists).
 */
public record BulkResult(int selected, List<String> done, List<String> conflicted, List<Skipped> refused) {

    /** {@code reason} is {@code unfilled} (then {@code detail} names the placeholders), {@code notFound} or {@code refused}. */
    public record Skipped(String number, String reason, String detail) {
    }
}
