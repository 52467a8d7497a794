package io.gatedesk.gatewaylog.match;

import io.gatedesk.gatewaylog.LogEntryView;
import io.gatedesk.gatewaylog.LogMatch;
import io.gatedesk.gatewaylog.MatchQuery;
import io.gatedesk.gatewaylog.MatchReason;
import io.gatedesk.gatewaylog.store.LogEntryStore;
import io.gatedesk.secret.MaskedKey;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a query against the stored entries. Exact request-ID matches come first and, when there are any, alone.
 * Otherwise entries of the query's keys: each masked key is resolved through the key inventory to the fingerprints,
 * token ids and token names the logs carry (a short mask such as {@code sk-...wxyz} may fit several keys, and then all
 * count), plus log rows whose own masked key fits; only within the query's window and, when it names one, of the same
 * model; ranked by closeness in time.
 */
@Component
public class LogMatcher {

    static final int LIMIT = 50;
    private static final int PER_QUERY = 500;

    private final LogEntryStore store;

    LogMatcher(LogEntryStore store) {
        this.store = store;
    }

    public List<LogMatch> find(MatchQuery query) {
        if (!query.requestIds().isEmpty()) {
            List<LogMatch> exact = store.byRequestIds(query.requestIds(), PER_QUERY).stream()
                    .map(entry -> new LogMatch(entry, MatchReason.REQUEST_ID, entry.requestId(),
                            distance(entry, query.at())))
                    .sorted(ranking()).limit(LIMIT).toList();
            if (!exact.isEmpty()) {
                return exact;
            }
        }
        if (query.maskedKeys().isEmpty() || query.from() == null || query.to() == null) {
            return List.of();
        }
        Map<Long, LogMatch> found = new LinkedHashMap<>();
        for (MaskedKey key : query.maskedKeys()) {
            for (KeyLookup lookup : lookups(key)) {
                for (LogEntryView entry : store.byKeyColumn(lookup.column(), lookup.value(), lookup.source(),
                        lookup.userId(), query.from(), query.to(), query.model(), PER_QUERY)) {
                    if (lookup.reason() == MatchReason.KEY_MASK && !maskOf(entry).fits(key)) {
                        continue;
                    }
                    LogMatch match = new LogMatch(entry, lookup.reason(), lookup.via(), distance(entry, query.at()));
                    found.merge(entry.id(), match, (a, b) -> a.reason().ordinal() <= b.reason().ordinal() ? a : b);
                }
            }
        }
        List<LogMatch> ranked = new ArrayList<>(found.values());
        ranked.sort(ranking());
        return ranked.size() > LIMIT ? List.copyOf(ranked.subList(0, LIMIT)) : List.copyOf(ranked);
    }

    /** One indexed lookup that a masked key turns into. */
    record KeyLookup(MatchReason reason, String column, String value, String source, String userId, String via) {
    }

    List<KeyLookup> lookups(MaskedKey key) {
        Set<KeyLookup> lookups = new LinkedHashSet<>();
        if (key.fingerprint() != null) {
            lookups.add(new KeyLookup(MatchReason.KEY_FINGERPRINT, "key_hash_sha256", key.fingerprint(), null, null,
                    key.masked()));
        }
        for (LogEntryStore.KeyInventoryRow row : inventoryFor(key)) {
            String via = key.masked() + " → " + (row.keyName() != null ? row.keyName() : row.keyAlias() != null
                    ? row.keyAlias() : "sha256:" + row.keyHashSha256().substring(0, 12))
                    + (row.keyId() != null ? " #" + row.keyId() : "");
            if (row.keyHashSha256() != null) {
                lookups.add(new KeyLookup(MatchReason.KEY_FINGERPRINT, "key_hash_sha256", row.keyHashSha256(), null,
                        null, via));
            }
            if (row.keyId() != null) {
                lookups.add(new KeyLookup(MatchReason.KEY_ID, "key_id", row.keyId(), row.source(), null, via));
            } else if (row.keyName() != null && !row.keyName().contains("...")) {
                // Token names repeat across users ("default", "cursor"), so a name counts only with its owner.
                if (row.userId() != null) {
                    lookups.add(new KeyLookup(MatchReason.KEY_NAME, "key_name", row.keyName(), row.source(),
                            row.userId(), via));
                }
            }
            if (row.keyAlias() != null) {
                lookups.add(new KeyLookup(MatchReason.KEY_NAME, "key_name", row.keyAlias(), row.source(), null, via));
            }
        }
        if (key.tail().length() >= 4) {
            lookups.add(new KeyLookup(MatchReason.KEY_MASK, "key_last4", key.tail().substring(key.tail().length() - 4),
                    null, null, key.masked()));
        }
        return List.copyOf(lookups);
    }

    /** The key inventory's rows that fit a masked key: by its fingerprint, else by its visible head and tail. */
    public List<LogEntryStore.KeyInventoryRow> inventoryFor(MaskedKey key) {
        List<LogEntryStore.KeyInventoryRow> inventory = new ArrayList<>();
        if (key.fingerprint() != null) {
            inventory.addAll(store.inventoryByHash(key.fingerprint()));
        }
        if (!key.tail().isEmpty()) {
            for (LogEntryStore.KeyInventoryRow row : store.inventoryByTail(key.tail())) {
                MaskedKey known = MaskedKey.of(key.prefix().isEmpty() ? "" : "sk-",
                        row.maskedHead() == null ? "" : row.maskedHead(), row.maskedTail() == null ? "" : row.maskedTail());
                if (row.maskedTail() != null && fitsLoosely(key, known)) {
                    inventory.add(row);
                }
            }
        }
        return inventory;
    }

    /** Inventory masks carry no issuer prefix of their own; the visible head and tail decide. */
    private static boolean fitsLoosely(MaskedKey ticketKey, MaskedKey inventoryKey) {
        MaskedKey ticketWithoutFingerprint = MaskedKey.of(ticketKey.prefix().isEmpty() ? "" : "sk-", ticketKey.head(),
                ticketKey.tail());
        return ticketWithoutFingerprint.fits(inventoryKey);
    }

    /** What a log row shows of its key, as a mask: {@code key_prefix} such as {@code sk-abcd} and {@code key_last4}. */
    static MaskedKey maskOf(LogEntryView entry) {
        String prefix = entry.keyPrefix() == null ? "" : entry.keyPrefix();
        String head = prefix.startsWith("sk-") ? prefix.substring(3) : prefix;
        return MaskedKey.of(prefix.startsWith("sk-") ? "sk-" : "", head, entry.keyLast4() == null ? "" : entry.keyLast4());
    }

    private static Long distance(LogEntryView entry, Instant at) {
        return at == null ? null : Math.abs(Duration.between(at, entry.createdAt()).toSeconds());
    }

    private static Comparator<LogMatch> ranking() {
        return Comparator.comparing((LogMatch m) -> m.reason() == MatchReason.REQUEST_ID ? 0 : 1)
                .thenComparing(m -> m.secondsFromTime() == null ? Long.MAX_VALUE : m.secondsFromTime())
                .thenComparing(m -> m.entry().createdAt(), Comparator.reverseOrder());
    }
}
