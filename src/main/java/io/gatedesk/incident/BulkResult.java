package io.gatedesk.incident;

import java.util.List;

/**
 * What a bulk reply did: how many tickets got it now, and the tickets skipped with why (a placeholder that could not
 * be filled, or already answered by this same action).
 */
public record BulkResult(int sent, List<Skipped> skipped) implements java.io.Serializable {

    public record Skipped(String ticket, String reason) implements java.io.Serializable {
    }
}
