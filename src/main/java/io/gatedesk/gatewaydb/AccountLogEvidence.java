package io.gatedesk.gatewaydb;

import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.triage.LogEvidence;
import io.gatedesk.triage.LogEvidenceSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway database says about the ticket's key, as triage weighs log evidence: the gateway would refuse a
 * key that is out of quota, expired or disabled, or a model outside its limits, before calling any model — so the
 * database row is as good as the log line the gateway would have written. Each is stated in the gateway's own words
 * (new-api/one-api {@code model/token.go} {@code ValidateUserToken}, {@code middleware/auth.go}), which the
 * classification rules already know. Only a key with exactly one candidate row speaks: several candidates say
 * nothing certain about the customer's key.
 */
@Component
class AccountLogEvidence implements LogEvidenceSource {

    private final GatewayAccounts accounts;
    private final TicketService tickets;

    AccountLogEvidence(GatewayAccounts accounts, TicketService tickets) {
        this.accounts = accounts;
        this.tickets = tickets;
    }

    @Override
    public List<LogEvidence> evidenceFor(TicketEvidence evidence) {
        if (!accounts.configured()) {
            return List.of();
        }
        Map<String, MaskedKey> keys = new LinkedHashMap<>();
        // The keys the secret guard stored carry the full key's digest (a LiteLLM proxy finds its key by it exactly);
        // masks only typed in the texts are compared by their visible characters.
        tickets.maskedKeys(evidence.id()).forEach(key -> keys.put(key.masked(), key));
        evidence.allTexts().forEach(text -> MaskedKeyParser.findAll(text).forEach(key -> keys.putIfAbsent(key.masked(), key)));
        List<LogEvidence> found = new ArrayList<>();
        for (MaskedKey key : keys.values()) {
            List<KeyAccount> candidates = accounts.accountsFor(key).stream()
                    .flatMap(answer -> answer.candidates().stream()).toList();
            if (candidates.size() == 1) {
                said(candidates.get(0), evidence.model()).ifPresent(found::add);
            }
        }
        return found;
    }

    private static java.util.Optional<LogEvidence> said(KeyAccount account, String model) {
        String where = " (gateway database " + account.source() + ", key " + account.keyMask() + ")";
        String status = "overBudget".equals(account.userStatus()) && "enabled".equals(account.status())
                ? "exhausted" : account.status();
        String message = switch (status) {
            case "exhausted" -> "该令牌额度已用尽 token quota exhausted" + where;
            case "expired" -> "该令牌已过期 token expired" + where;
            case "disabled" -> "该令牌状态不可用 token disabled" + where;
            default -> null;
        };
        if (message != null) {
            return java.util.Optional.of(new LogEvidence(401, "gateway_account", status, message));
        }
        if (model != null && !model.isBlank() && !account.models().isEmpty()
                && !account.models().contains(model.strip())) {
            return java.util.Optional.of(new LogEvidence(403, "gateway_account", "model_limits",
                    "该令牌无权使用模型 " + model.strip() + " (allowed: " + String.join(", ", account.models()) + ")"
                            + where));
        }
        return java.util.Optional.empty();
    }
}
