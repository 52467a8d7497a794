package io.gatedesk.ticket.store;

import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.secret.SecretFinding;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the masked keys a ticket mentions: those the secret guard produced (with fingerprints) and those the
 * customer typed or a gateway printed (sk-abcd****wxyz, sk-...wxyz, "key ending in wxyz").
 */
@Component
public class MaskedKeyEvidence {

    private final TicketMaskedKeyRepository keys;
    private final Clock clock;

    public MaskedKeyEvidence(TicketMaskedKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** As {@link #record}, for a ticket being filed: it has no keys yet, so there is nothing to look up first. */
    public void recordNew(long ticketId, Collection<String> texts, List<SecretFinding> findings) {
        found(texts, findings).values().forEach(key -> keys.save(new TicketMaskedKey(ticketId, key, clock.instant())));
    }

    public void record(long ticketId, Collection<String> texts, List<SecretFinding> findings) {
        Map<String, MaskedKey> found = found(texts, findings);
        if (found.isEmpty()) {
            return;
        }
        Map<String, TicketMaskedKey> known = new LinkedHashMap<>();
        keys.findByTicketIdOrderByIdAsc(ticketId).forEach(key -> known.put(key.getMasked(), key));
        found.values().forEach(key -> {
            TicketMaskedKey existing = known.get(key.masked());
            if (existing == null) {
                keys.save(new TicketMaskedKey(ticketId, key, clock.instant()));
            } else if (key.fingerprint() != null) {
                existing.learnFingerprint(key.fingerprint());
            }
        });
    }

    /** Gives ticket {@code intoId} the keys of {@code fromId} it does not hold yet (a merge); the source keeps its own. */
    public void copy(long fromId, long intoId) {
        java.util.Set<String> known = new java.util.HashSet<>();
        keys.findByTicketIdOrderByIdAsc(intoId).forEach(key -> known.add(key.getMasked()));
        keys.findByTicketIdOrderByIdAsc(fromId).stream().filter(key -> known.add(key.getMasked()))
                .forEach(key -> keys.save(new TicketMaskedKey(intoId, key.toMaskedKey(), clock.instant())));
    }

    /** Whether the texts or findings name any masked key, without reading the ticket's keys. */
    public boolean mentionsAny(Collection<String> texts, List<SecretFinding> findings) {
        return !found(texts, findings).isEmpty();
    }

    private static Map<String, MaskedKey> found(Collection<String> texts, List<SecretFinding> findings) {
        Map<String, MaskedKey> found = new LinkedHashMap<>();
        for (SecretFinding finding : findings) {
            MaskedKey.from(finding).ifPresent(key -> found.putIfAbsent(key.masked(), key));
        }
        texts.stream().filter(Objects::nonNull).flatMap(text -> MaskedKeyParser.findAll(text).stream())
                .forEach(key -> found.putIfAbsent(key.masked(), key));
        return found;
    }

    /** The keys of several tickets with one query; a ticket with none is absent. */
    public Map<Long, List<MaskedKey>> of(java.util.Collection<Long> ticketIds) {
        Map<Long, List<MaskedKey>> byTicket = new java.util.HashMap<>();
        keys.findByTicketIdInOrderByIdAsc(ticketIds).forEach(key -> byTicket
                .computeIfAbsent(key.getTicketId(), id -> new java.util.ArrayList<>()).add(key.toMaskedKey()));
        return byTicket;
    }

    public List<MaskedKey> of(long ticketId) {
        return keys.findByTicketIdOrderByIdAsc(ticketId).stream().map(TicketMaskedKey::toMaskedKey).toList();
    }
}
