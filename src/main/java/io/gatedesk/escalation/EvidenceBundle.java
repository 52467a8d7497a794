package io.gatedesk.escalation;

import io.gatedesk.gatewaylog.KnownKey;
import io.gatedesk.ticket.EvidenceSection;

import java.time.Instant;
import java.util.List;

/**
 * Everything an engineer needs about one escalated ticket, on one screen and in both exports. Built only from texts
 * that passed the secret guard; the reproduction command carries {@code $GATEWAY_API_KEY}, never a key.
 *
 * @param sections what other features know (the gateway database's account rows and tasks), as lines
 * @param timeZone the site time zone the timeline is written in, named (e.g. {@code Asia/Shanghai (UTC+08:00)})
 */
public record EvidenceBundle(String ticket, String subject, String status, String priority, String timeZone,
                             Instant generatedAt, Evidence evidence, List<KeyFacts> keys, List<String> requestIds,
                             List<LogRow> matchedLogs, List<LogRow> pinnedLogs, Category category,
                             List<EscalationView> rounds, List<TimelineEntry> timeline, String reproduction,
                             List<EvidenceSection> sections) {

    /** The customer's evidence fields as the ticket holds them. */
    public record Evidence(String client, String clientVersion, String baseUrl, String model, String maskedKey,
                           Integer statusCode, String errorMessage, String requestTime, String requestTimeZone,
                           Boolean stream, String callerType, Instant filedAt) {
    }

    /** A masked key on the ticket, its fingerprint when the guard saw it whole, and what the key inventory knows. */
    public record KeyFacts(String masked, String fingerprint, List<KnownKey> inventory) {
    }

    /** A gateway log row matched to the ticket, and why ({@code PINNED}: an agent pinned it; {@code via} says who). */
    public record LogRow(String matchedBy, String via, String requestId, Instant at, String time, String source,
                         String model, String upstreamModel, String channel, Integer statusCode, String errorType,
                         String errorCode, String errorMessage, Long latencyMs, String clientIp, String key,
                         String requestPath, Boolean stream) {
    }

    /** The inferred (or agent-chosen) category with the classifier's reasons. */
    public record Category(String code, String name, int confidencePercent, boolean overridden, List<String> reasons) {
    }

    /** One line of the merged timeline: ticket events, messages and log rows, by time. */
    public record TimelineEntry(Instant at, String time, String kind, String actor, String text) {
    }

    /** The latest round: its reason is what the agent asks engineering. */
    public EscalationView current() {
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    }
}
