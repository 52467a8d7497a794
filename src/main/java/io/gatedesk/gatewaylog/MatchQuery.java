package io.gatedesk.gatewaylog;

import io.gatedesk.secret.MaskedKey;

import java.time.Instant;
import java.util.List;

/**
 * What to match log entries against.
 *
 * @param at    the reported request time, which ranks key matches by closeness
 * @param from  start of the window for key matches
 * @param to    end of the window for key matches
 * @param model only entries of this model (or upstream model) count as key matches, when given
 */
public record MatchQuery(List<String> requestIds, List<MaskedKey> maskedKeys, Instant at, Instant from, Instant to,
                         String model) {

    public MatchQuery {
        requestIds = List.copyOf(requestIds);
        maskedKeys = List.copyOf(maskedKeys);
        model = model == null || model.isBlank() ? null : model.strip();
    }
}
