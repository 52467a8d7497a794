package io.gatedesk.gatewaylog;

import io.gatedesk.gatewaylog.match.LogMatcher;
import io.gatedesk.gatewaylog.match.TicketLogService;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the gateway log entries behind a ticket, for the pages, the API, answers and triage: a ticket's request IDs,
 * masked keys, reported time and model become a {@link MatchQuery}, which {@link LogMatcher} answers (request IDs
 * first; otherwise the ticket's keys within {@link #window()} of the reported time, ranked by closeness).
 */
@Service
@Transactional(readOnly = true)
public class LogMatchService {

    private final LogMatcher matcher;
    private final TicketService tickets;
    private final TicketLogService ticketLogs;
    private final Duration window;

    LogMatchService(LogMatcher matcher, TicketService tickets, TicketLogService ticketLogs,
                    GatewayLogProperties properties) {
        this.matcher = matcher;
        this.tickets = tickets;
        this.ticketLogs = ticketLogs;
        this.window = properties.matchWindow();
    }

    public Duration window() {
        return window;
    }

    /** The matches for a ticket, from its evidence, its agent-edited request IDs and its masked keys. */
    public List<LogMatch> forTicket(long ticketId) {
        return forTicket(tickets.evidence(ticketId));
    }

    /** As {@link #forTicket(long)}, for a caller that has the ticket's evidence at hand already. */
    public List<LogMatch> forTicket(TicketEvidence evidence) {
        return find(queryFor(evidence));
    }

    /** The query the ticket's evidence makes: its effective request IDs, its masked keys, its window and model. */
    public MatchQuery queryFor(TicketEvidence evidence) {
        Instant at = evidence.requestTime() != null ? evidence.requestTime().toInstant() : evidence.createdAt();
        return new MatchQuery(ticketLogs.requestIds(evidence), maskedKeys(evidence), at, at.minus(window),
                at.plus(window), evidence.model());
    }

    /** Every masked key written anywhere on the ticket, the masked-key field first. */
    static List<MaskedKey> maskedKeys(TicketEvidence evidence) {
        Map<String, MaskedKey> keys = new LinkedHashMap<>();
        if (evidence.maskedKey() != null) {
            MaskedKeyParser.parse(evidence.maskedKey()).ifPresent(key -> keys.putIfAbsent(key.masked(), key));
        }
        for (String text : evidence.allTexts()) {
            for (MaskedKey key : MaskedKeyParser.findAll(text)) {
                keys.merge(key.masked(), key, (a, b) -> a.fingerprint() != null ? a : b);
            }
        }
        return List.copyOf(keys.values());
    }

    /** The ticket's effective request IDs: given, found in its texts or added by an agent, less those struck. */
    public List<String> requestIds(TicketEvidence evidence) {
        return ticketLogs.requestIds(evidence);
    }

    /** The log entries agents pinned to the ticket, newest first. */
    public List<PinnedLogRow> pinned(long ticketId) {
        return ticketLogs.pins(ticketId).stream().map(pin -> new PinnedLogRow(pin.entryId(), pin.pinnedBy(),
                pin.pinnedAt(), pin.source(), pin.requestId(), pin.createdAt(), pin.keyLabel(), pin.model(),
                pin.channel(), pin.statusCode(), pin.errorCode(), pin.errorMessage(), pin.latencyMs())).toList();
    }

    /** What the key inventory knows of each of these masked keys; a key it does not know is left out. */
    public List<KnownKey> knownKeys(List<MaskedKey> keys) {
        Map<String, KnownKey> known = new LinkedHashMap<>();
        for (MaskedKey key : keys) {
            for (var row : matcher.inventoryFor(key)) {
                KnownKey entry = new KnownKey(key.masked(), row.source(),
                        row.keyName() != null ? row.keyName() : row.keyAlias(),
                        row.username() != null ? row.username() : row.userId(), row.group(), row.status());
                known.putIfAbsent(key.masked() + "|" + row.source() + "|" + row.keyId() + "|" + row.keyName(), entry);
            }
        }
        return List.copyOf(known.values());
    }

    /**
     * The entries that match, best first: see {@link LogMatcher}. Called on its own, its reads run without a
     * transaction of their own (one indexed {@code SELECT} each, on rows that are only ever added): opening and
     * committing a read-only one around a lookup by request ID took longer than the lookup (match p50 0.57 against
     * 0.31 ms for the bare SQL at 22 M rows). Called inside one (a ticket's matches), it reads in that one.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<LogMatch> find(MatchQuery query) {
        return matcher.find(query);
    }
}
