package io.gatedesk.escalation;

import io.gatedesk.gatewaylog.KnownKey;
import io.gatedesk.gatewaylog.LogEntryView;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.gatewaylog.LogMatch;
import io.gatedesk.gatewaylog.LogMatchService;
import io.gatedesk.gatewaylog.PinnedLogRow;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.EvidenceSection;
import io.gatedesk.ticket.HistoryLines;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketEvidenceContributor;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.triage.TicketTriage;
import io.gatedesk.triage.TriageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Puts together the evidence bundle of an escalated ticket from tickets, gateway logs, triage and escalation. */
@Service
@Transactional(readOnly = true)
public class EvidenceBundleService {

    static final int MAX_TIMELINE_TEXT = 280;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Logger log = LoggerFactory.getLogger(EvidenceBundleService.class);

    private final TicketService tickets;
    private final LogMatchService logs;
    private final LogImportService imports;
    private final TriageService triage;
    private final EscalationService escalations;
    private final SecretGuard secretGuard;
    private final MessageSource messages;
    private final HistoryLines history;
    private final List<TicketEvidenceContributor> contributors;
    private final Clock clock;

    EvidenceBundleService(TicketService tickets, LogMatchService logs, LogImportService imports,
                          TriageService triage, EscalationService escalations, SecretGuard secretGuard,
                          MessageSource messages, HistoryLines history, List<TicketEvidenceContributor> contributors,
                          Clock clock) {
        this.history = history;
        this.contributors = contributors;
        this.tickets = tickets;
        this.logs = logs;
        this.imports = imports;
        this.triage = triage;
        this.escalations = escalations;
        this.secretGuard = secretGuard;
        this.messages = messages;
        this.clock = clock;
    }

    /** The bundle, its words in {@code locale}; a ticket that was never escalated has none. */
    public EvidenceBundle bundle(long ticketId, Locale locale) {
        List<EscalationView> rounds = escalations.rounds(ticketId);
        if (rounds.isEmpty()) {
            throw new NoBundleException();
        }
        TicketDetail ticket = tickets.detail(ticketId);
        TicketEvidence evidence = tickets.evidence(ticketId);
        ZoneId zone = imports.siteZone();
        List<LogMatch> matches = logs.forTicket(evidence);
        List<EvidenceBundle.LogRow> rows = matches.stream().map(match -> row(match, zone)).toList();
        List<EvidenceBundle.LogRow> pinned = logs.pinned(ticketId).stream().map(pin -> row(pin, zone)).toList();

        Map<String, MaskedKey> keys = new LinkedHashMap<>();
        if (ticket.maskedKey() != null) {
            MaskedKeyParser.parse(ticket.maskedKey()).ifPresent(key -> keys.put(key.masked(), key));
        }
        ticket.maskedKeys().forEach(key -> keys.merge(key.masked(), key, (a, b) -> a.fingerprint() != null ? a : b));
        List<KnownKey> known = logs.knownKeys(List.copyOf(keys.values()));
        List<EvidenceBundle.KeyFacts> keyFacts = keys.values().stream()
                .map(key -> new EvidenceBundle.KeyFacts(key.masked(), key.fingerprint(), known.stream()
                        .filter(k -> k.masked().equals(key.masked())).toList()))
                .toList();

        TicketTriage triaged = triage.forTicket(ticketId);
        EvidenceBundle.Category category = triaged == null || triaged.category() == null ? null
                : new EvidenceBundle.Category(triaged.category().name(),
                messages.getMessage(triaged.category().nameKey(), null, triaged.category().name(), locale),
                triaged.confidencePercent(), triaged.overridden(), triaged.reasons().stream()
                .map(reason -> reason.source() + ": " + reason.matched() + " (" + reason.ruleId() + ")").toList());

        String requestPath = matches.stream().map(m -> m.entry().requestPath()).filter(p -> p != null)
                .findFirst().orElse(null);
        String reproduction = ReproductionCommand.of(ticket.client(), ticket.baseUrl(), ticket.model(),
                ticket.stream(), requestPath, secretGuard);

        EvidenceBundle.Evidence fields = new EvidenceBundle.Evidence(
                ticket.client() == null ? null : messages.getMessage("client." + ticket.client(), null,
                        ticket.client().name(), locale),
                ticket.clientVersion(), ticket.baseUrl(), ticket.model(), ticket.maskedKey(), ticket.statusCode(),
                ticket.errorMessage(), ticket.requestTime() == null ? null : ticket.requestTime().toString(),
                ticket.requestTimeZone(), ticket.stream(),
                ticket.callerType() == null ? null : ticket.callerType().name(), ticket.createdAt());

        return new EvidenceBundle(ticket.number(), ticket.subject(), ticket.status().name(),
                ticket.priority().name(), zoneName(zone, locale), clock.instant(), fields, keyFacts,
                logs.requestIds(evidence), rows, pinned, category, rounds,
                timeline(ticket, rows, pinned, zone, locale), reproduction, sections(evidence, locale));
    }

    /** Every other feature's facts about the ticket; one that fails leaves its section out, not the bundle. */
    private List<EvidenceSection> sections(TicketEvidence evidence, Locale locale) {
        List<EvidenceSection> sections = new ArrayList<>();
        for (TicketEvidenceContributor contributor : contributors) {
            try {
                sections.addAll(contributor.sections(evidence, locale));
            } catch (RuntimeException failed) {
                log.warn("Evidence section of {} left out: {}", contributor.getClass().getSimpleName(),
                        failed.toString());
            }
        }
        return sections;
    }

    /** {@code Asia/Shanghai (UTC+08:00)}: the zone and its offset now, so no reader has to guess. */
    static String zoneName(ZoneId zone, Locale locale) {
        String offset = zone.getRules().getOffset(Instant.now()).getId();
        return zone.getId() + " (UTC" + ("Z".equals(offset) ? "+00:00" : offset) + ")";
    }

    private EvidenceBundle.LogRow row(LogMatch match, ZoneId zone) {
        LogEntryView entry = match.entry();
        return new EvidenceBundle.LogRow(match.reason().name(), match.via(), entry.requestId(), entry.createdAt(),
                format(entry.createdAt(), zone), entry.source(), entry.model(), entry.upstreamModel(),
                entry.channel(), entry.statusCode(), entry.errorType(), entry.errorCode(), entry.errorMessage(),
                entry.latencyMs(), entry.clientIp(), entry.keyLabel(), entry.requestPath(), entry.isStream());
    }

    private static EvidenceBundle.LogRow row(PinnedLogRow pin, ZoneId zone) {
        return new EvidenceBundle.LogRow("PINNED", pin.pinnedBy(), pin.requestId(), pin.createdAt(),
                format(pin.createdAt(), zone), pin.source(), pin.model(), null, pin.channel(), pin.statusCode(), null,
                pin.errorCode(), pin.errorMessage(), pin.latencyMs(), null, pin.keyLabel(), null, null);
    }

    private List<EvidenceBundle.TimelineEntry> timeline(TicketDetail ticket, List<EvidenceBundle.LogRow> rows,
                                                        List<EvidenceBundle.LogRow> pinned, ZoneId zone,
                                                        Locale locale) {
        List<EvidenceBundle.TimelineEntry> entries = new ArrayList<>();
        for (HistoryLines.Line event : history.of(ticket.events(), locale)) {
            entries.add(entry(event.at(), zone, "ticket", event.actor(),
                    event.detail() == null ? event.what() : event.what() + " · " + event.detail()));
        }
        for (MessageView message : ticket.messages()) {
            String kind = message.fromCustomer() ? "customer" : message.internal() ? "note" : "reply";
            entries.add(entry(message.createdAt(), zone, kind, message.authorName(), message.body()));
        }
        // A pinned row that also matched is one call: it shows once.
        Set<String> seen = new java.util.HashSet<>();
        for (EvidenceBundle.LogRow row : concat(rows, pinned)) {
            if (seen.add(row.requestId() + "|" + row.at())) {
                entries.add(entry(row.at(), zone, "log", row.source(), logLine(row.statusCode(), row.errorCode(),
                        row.model(), row.channel(), row.requestId(), row.latencyMs())));
            }
        }
        entries.sort(Comparator.comparing(EvidenceBundle.TimelineEntry::at));
        return entries;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String logLine(Integer status, String errorCode, String model, String channel, String requestId,
                                  Long latencyMs) {
        List<String> parts = new ArrayList<>();
        parts.add(status == null ? "—" : status.toString());
        if (errorCode != null) {
            parts.add(errorCode);
        }
        if (model != null) {
            parts.add(model);
        }
        if (channel != null) {
            parts.add("channel " + channel);
        }
        if (latencyMs != null) {
            parts.add(latencyMs + " ms");
        }
        if (requestId != null) {
            parts.add(requestId);
        }
        return String.join(" · ", parts);
    }

    private static EvidenceBundle.TimelineEntry entry(Instant at, ZoneId zone, String kind, String actor,
                                                      String text) {
        String shown = text == null ? "" : text.strip();
        if (shown.length() > MAX_TIMELINE_TEXT) {
            shown = shown.substring(0, MAX_TIMELINE_TEXT) + "…";
        }
        return new EvidenceBundle.TimelineEntry(at, format(at, zone), kind, actor, shown);
    }

    static String format(Instant at, ZoneId zone) {
        return at == null ? null : TIME.format(at.atZone(zone));
    }

    /** The ticket has no escalation, so no bundle. */
    public static class NoBundleException extends RuntimeException {
        NoBundleException() {
            super("not escalated");
        }
    }
}
