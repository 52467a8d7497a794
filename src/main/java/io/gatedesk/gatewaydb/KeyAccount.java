package io.gatedesk.gatewaydb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One key row a gateway database holds for a masked key, with its owner: what the field report asks agents to find.
 * Quotas are in the gateway's own units; {@code remainUsd}/{@code usedUsd} convert them with the gateway's
 * {@code QuotaPerUnit} (new-api/one-api) or are LiteLLM's dollars. {@code allowedIps} are shown masked.
 *
 * @param userStatus the owner's standing: {@code enabled}, {@code disabled} (new-api/one-api) or {@code overBudget}
 *                   (a LiteLLM user at their budget); {@code null} when the key has no owner
 * @param status {@code enabled}, {@code disabled}, {@code expired} or {@code exhausted}: what the gateway would
 *               answer for this key now (an enabled key past its expiry counts as expired, as the gateway does)
 */
public record KeyAccount(String source, String kind, String keyMask, Long userId, String username, String displayName,
                         String group, String keyName, String status, Instant expiresAt, Long remainQuota,
                         Long usedQuota, boolean unlimitedQuota, BigDecimal remainUsd, BigDecimal usedUsd,
                         List<String> models, List<String> allowedIps, Instant lastUsedAt, String userStatus) {

    public KeyAccount {
        models = models == null ? List.of() : List.copyOf(models);
        allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
    }

    /** Whether the gateway refuses this key before any model is called. */
    public boolean refused() {
        return !"enabled".equals(status) || userStatus != null && !"enabled".equals(userStatus);
    }
}
