package io.gatedesk.incident;

import io.gatedesk.answer.AnswerService;
import io.gatedesk.answer.Rendering;
import io.gatedesk.cluster.ClusterMutex;
import io.gatedesk.gatewaylog.LogMatch;
import io.gatedesk.gatewaylog.LogMatchService;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.BulkOutcome;
import io.gatedesk.ticket.BulkReply;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.triage.ErrorCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public face of incidents: detection from classified tickets, the suggested and confirmed incidents, their
 * tickets and timeline, and the bulk reply and resolution that answer every linked ticket at once.
 */
@Service
@Transactional(readOnly = true)
public class IncidentService {

    /** How the detector signs what it writes. */
    static final String DETECTOR = "GateDesk";
    private static final int CHUNK = 200;
    /** Linked tickets shown on one page of the incident page. */
    static final int TICKET_PAGE = 50;

    private final IncidentStore store;
    private final IncidentProperties properties;
    private final TicketService tickets;
    private final AnswerService answers;
    private final LogMatchService logMatches;
    private final TransactionTemplate transaction;
    private final SecretGuard guard;
    private final ClusterMutex mutex;
    private final Clock clock;

    IncidentService(IncidentStore store, IncidentProperties properties, TicketService tickets, AnswerService answers,
                    LogMatchService logMatches, SecretGuard guard, PlatformTransactionManager transactions,
                    ClusterMutex mutex, Clock clock) {
        this.guard = guard;
        this.store = store;
        this.properties = properties;
        this.tickets = tickets;
        this.answers = answers;
        this.logMatches = logMatches;
        this.transaction = new TransactionTemplate(transactions);
        this.mutex = mutex;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ detection

    /**
     * Records the ticket's pattern (category + model, and the channel its matched log rows name) and joins it to an
     * incident with that pattern, opening a suggested one when the threshold is reached inside the window. A ticket
     * reclassified away from a suggested incident it was linked to automatically leaves it. Serialised, so two
     * tickets classified at once cannot open two incidents for one pattern: on this node by the monitor, across
     * nodes by the {@link ClusterMutex} row lock. Not in the caller's transaction: the detector's own one commits
     * before the lock is let go.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public synchronized void ticketClassified(long ticketId, ErrorCategory category) {
        transaction.executeWithoutResult(status -> {
            mutex.hold(ClusterMutex.INCIDENT_DETECTION);
            detect(ticketId, category);
        });
    }

    private void detect(long ticketId, ErrorCategory category) {
        TicketEvidence evidence = tickets.evidence(ticketId);
        IncidentStore.Signal signal = new IncidentStore.Signal(ticketId, category.name(), normalise(evidence.model()),
                channelOf(evidence), evidence.createdAt());
        store.saveSignal(signal);
        for (long incidentId : store.automaticSuggestedLinks(ticketId)) {
            IncidentStore.Row incident = store.find(incidentId).orElseThrow();
            if (!fits(incident, signal)) {
                store.unlink(incidentId, ticketId);
            }
        }
        if (category == ErrorCategory.OTHER) {
            return;
        }
        if (signal.model() != null) {
            join(signal, category.name(), signal.model(), null);
        }
        if (signal.channel() != null) {
            join(signal, null, null, signal.channel());
        }
    }

    private static boolean fits(IncidentStore.Row incident, IncidentStore.Signal signal) {
        if (incident.channel() != null) {
            return incident.channel().equals(signal.channel());
        }
        return incident.category().equals(signal.category()) && incident.model().equals(signal.model());
    }

    private void join(IncidentStore.Signal signal, String category, String model, String channel) {
        Duration window = properties.window();
        Instant at = signal.filedAt();
        List<IncidentStore.Row> known = store.withPattern(category, model, channel, at.minus(window));
        if (known.stream().anyMatch(row -> row.status() == IncidentStatus.DISMISSED)) {
            return;
        }
        Optional<IncidentStore.Row> open = known.stream().filter(row -> row.status().isOpen()).findFirst();
        if (open.isPresent()) {
            store.link(open.get().id(), signal.ticketId(), true, clock.instant());
            store.touchSignal(open.get().id(), at);
            return;
        }
        List<IncidentStore.Signal> near = channel != null
                ? store.signalsForChannel(channel, at.minus(window), at.plus(window))
                : store.signalsForModel(category, model, at.minus(window), at.plus(window));
        List<IncidentStore.Signal> burst = burstAround(near, at, window, properties.threshold());
        if (burst.isEmpty()) {
            return;
        }
        // Customers may read the title on the status page: words, not the category's code.
        String title = channel != null ? "Channel " + channel + " failing"
                : model + " · " + category.toLowerCase(Locale.ROOT).replace('_', ' ');
        long id = store.create(title, category, model, channel, true, burst.get(0).filedAt(), clock.instant());
        for (IncidentStore.Signal member : burst) {
            store.link(id, member.ticketId(), true, clock.instant());
        }
        store.touchSignal(id, burst.get(burst.size() - 1).filedAt());
        store.addUpdate(id, IncidentStatus.INVESTIGATING, "Suggested: " + burst.size() + " tickets within "
                + window.toMinutes() + " min", DETECTOR, clock.instant());
    }

    /**
     * The longest run of signals (sorted by time) that includes {@code at}, spans at most {@code window} and holds at
     * least {@code threshold} signals; empty when there is none. Tickets are classified out of order, so the run may
     * lie before or after {@code at}.
     */
    static List<IncidentStore.Signal> burstAround(List<IncidentStore.Signal> sorted, Instant at, Duration window,
                                                  int threshold) {
        List<IncidentStore.Signal> best = List.of();
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (Duration.between(sorted.get(first).filedAt(), sorted.get(last).filedAt()).compareTo(window) > 0) {
                first++;
            }
            boolean holdsAt = !sorted.get(first).filedAt().isAfter(at) && !sorted.get(last).filedAt().isBefore(at);
            if (holdsAt && last - first + 1 >= threshold && last - first + 1 > best.size()) {
                best = sorted.subList(first, last + 1);
            }
        }
        return List.copyOf(best);
    }

    private String channelOf(TicketEvidence evidence) {
        return logMatches.forTicket(evidence).stream().map(LogMatch::entry)
                .filter(entry -> entry.statusCode() == null || entry.statusCode() >= 400)
                .map(entry -> entry.channel()).filter(channel -> channel != null && !channel.isBlank())
                .findFirst().orElse(null);
    }

    private static String normalise(String model) {
        return model == null || model.isBlank() ? null : model.strip().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Incidents the detector suggested and nobody has confirmed or dismissed yet: the desk banner. */
    public List<IncidentSummary> suggestions() {
        return list(EnumSet.of(IncidentStatus.INVESTIGATING)).stream().filter(IncidentSummary::suggested).toList();
    }

    /** Incidents in these statuses (all workflow statuses when empty), newest first; resolved ones of 30 days. */
    public List<IncidentSummary> list(Set<IncidentStatus> statuses) {
        Set<IncidentStatus> wanted = statuses.isEmpty() ? EnumSet.copyOf(IncidentStatus.WORKFLOW) : statuses;
        return store.list(wanted, clock.instant().minus(Duration.ofDays(30))).stream().map(this::summary).toList();
    }

    /** Confirmed public incidents, open or resolved within 7 days: the status page. */
    public List<IncidentSummary> publicStatus() {
        return store.list(IncidentStatus.WORKFLOW, clock.instant().minus(Duration.ofDays(7))).stream()
                .filter(row -> row.publicNotice() && !row.suggested()).map(this::summary).toList();
    }

    /** Confirmed public incidents still open: the notice on the public pages. */
    public List<IncidentSummary> publicNotices() {
        return publicStatus().stream().filter(incident -> incident.status().isOpen()).toList();
    }

    /** The incidents the ticket behind this follow link is linked to (any status); empty for an unknown link. */
    public Set<Long> publicNoticesForFollower(String followToken) {
        return tickets.forCustomer(followToken).flatMap(ticket -> tickets.idOf(ticket.number()))
                .map(ticketId -> Set.copyOf(store.incidentsOfTicket(ticketId))).orElse(Set.of());
    }

    public IncidentDetail detail(long id) {
        return detail(id, 0);
    }

    /**
     * The incident with page {@code page} (from 0; clamped to the last) of its linked tickets, {@link #TICKET_PAGE}
     * to a page, oldest ticket first. The page's tickets are read with one query, whatever the incident's size.
     */
    public IncidentDetail detail(long id, int page) {
        IncidentSummary summary = summary(require(id));
        int pages = Math.max(1, (summary.ticketCount() + TICKET_PAGE - 1) / TICKET_PAGE);
        int shown = Math.min(Math.max(0, page), pages - 1);
        List<Long> ids = store.ticketsOf(id, shown * TICKET_PAGE, TICKET_PAGE);
        Set<Long> automatic = new HashSet<>(store.automaticTicketsOf(id));
        List<IncidentDetail.LinkedTicket> linked = tickets.rows(ids).stream()
                .map(row -> new IncidentDetail.LinkedTicket(row.id(), row.number(), row.subject(),
                        row.status().name(), automatic.contains(row.id())))
                .toList();
        return new IncidentDetail(summary, linked, shown, pages, store.updates(id));
    }

    /** What a knowledge-base draft is written from; see {@link #articleSource}. */
    public record ArticleSource(String title, String category, String reply, Long exampleTicketId) {
    }

    /** How many linked tickets are read to find the reply an incident's tickets got. */
    static final int ARTICLE_SOURCE_TICKETS = 50;

    /**
     * The text a knowledge-base article is drafted from, for a resolved incident only (before that its answer is not
     * known): the title, the category, and the newest public staff reply among the first linked tickets — the
     * incident's known-incident or resolution reply as that ticket got it — with that ticket, whose error text and
     * people's names the privacy gate uses. The reply is raw here; the knowledge base scrubs it.
     */
    @Transactional(readOnly = true)
    public ArticleSource articleSource(long id) {
        IncidentStore.Row row = require(id);
        if (row.status() != IncidentStatus.RESOLVED) {
            throw new InvalidIncidentException("incident.error.articleNotResolved");
        }
        MessageView newest = null;
        Long example = null;
        List<Long> ids = store.ticketsOf(id);
        for (long ticketId : ids.subList(0, Math.min(ids.size(), ARTICLE_SOURCE_TICKETS))) {
            TicketDetail ticket = tickets.detail(ticketId);
            for (MessageView m : ticket.messages()) {
                if (!m.fromCustomer() && !m.internal() && (newest == null || m.createdAt().isAfter(newest.createdAt()))) {
                    newest = m;
                    example = ticketId;
                }
            }
            if (example == null) {
                example = ticketId;
            }
        }
        return new ArticleSource(row.title(), row.category(), newest == null ? null : newest.body(), example);
    }

    IncidentSummary summaryOf(IncidentStore.Row row) {
        return summary(row);
    }

    private IncidentSummary summary(IncidentStore.Row row) {
        List<String> models = new ArrayList<>(store.modelsOf(row.id()));
        if (row.model() != null && !models.contains(row.model())) {
            models.add(0, row.model());
        }
        return new IncidentSummary(row.id(), row.title(), row.status(), row.category(), List.copyOf(models),
                row.channel(), store.ticketCount(row.id()), row.startedAt(), row.suggested(), row.publicNotice(),
                row.resolvedAt());
    }

    IncidentStore.Row require(long id) {
        return store.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    IncidentStore.Row requireWorkable(long id) {
        IncidentStore.Row row = require(id);
        if (row.status() == IncidentStatus.MERGED || row.status() == IncidentStatus.DISMISSED) {
            throw new InvalidIncidentException("incident.error.closed");
        }
        return row;
    }

    // ------------------------------------------------------------------------------------------------ working it

    /** Opens an incident by hand, with the tickets (GD-numbers) it starts with. Confirmed at once. */
    @Transactional
    public long create(String title, String category, String model, List<String> ticketNumbers, Actor actor) {
        String clean = cleanTitle(title);
        List<Long> ids = ticketIds(ticketNumbers);
        long id = store.create(clean, blankToNull(category), normalise(model), null, false, clock.instant(),
                clock.instant());
        ids.forEach(ticketId -> store.link(id, ticketId, false, clock.instant()));
        store.addUpdate(id, IncidentStatus.INVESTIGATING, "Opened", actor.name(), clock.instant());
        return id;
    }

    @Transactional
    public void confirm(long id, Actor actor) {
        IncidentStore.Row row = requireWorkable(id);
        if (row.suggested()) {
            store.confirm(id, clock.instant());
            store.addUpdate(id, row.status(), "Confirmed", actor.name(), clock.instant());
        }
    }

    @Transactional
    public void rename(long id, String title, Actor actor) {
        requireWorkable(id);
        store.rename(id, cleanTitle(title), clock.instant());
    }

    /**
     * Dismisses a suggestion or an incident: its tickets stay where they are, and the same pattern does not suggest
     * an incident again until a window has passed since its last ticket (or since now, whichever is later).
     */
    @Transactional
    public void dismiss(long id, Actor actor) {
        IncidentStore.Row row = requireWorkable(id);
        Instant from = row.lastSignalAt().isAfter(clock.instant()) ? row.lastSignalAt() : clock.instant();
        store.dismiss(id, from.plus(properties.window()), clock.instant());
        store.addUpdate(id, IncidentStatus.DISMISSED, "Dismissed", actor.name(), clock.instant());
    }

    /** Moves every ticket of {@code from} into {@code into}; {@code from} is kept, marked merged, for the record. */
    @Transactional
    public void merge(long from, long into, Actor actor) {
        if (from == into) {
            throw new InvalidIncidentException("incident.error.mergeSelf");
        }
        requireWorkable(from);
        requireWorkable(into);
        store.mergeInto(from, into, clock.instant());
        store.addUpdate(into, require(into).status(), "Merged incident #" + from, actor.name(), clock.instant());
    }

    /** Links tickets by number; returns how many were not linked before. Unknown numbers are refused. */
    @Transactional
    public int link(long id, List<String> ticketNumbers, Actor actor) {
        requireWorkable(id);
        int added = 0;
        for (long ticketId : ticketIds(ticketNumbers)) {
            added += store.link(id, ticketId, false, clock.instant()) ? 1 : 0;
        }
        return added;
    }

    @Transactional
    public void unlink(long id, long ticketId, Actor actor) {
        require(id);
        store.unlink(id, ticketId);
    }

    /** Moves the incident along investigating → identified → monitoring → resolved, with an update on the timeline. */
    @Transactional
    public void update(long id, IncidentStatus status, String note, Actor actor) {
        IncidentStore.Row row = requireWorkable(id);
        if (!IncidentStatus.WORKFLOW.contains(status)) {
            throw new InvalidIncidentException("incident.error.status");
        }
        String body = note == null || note.isBlank() ? "" : guard.redact(note.strip()).text();
        if (body.length() > 4000) {
            throw new InvalidIncidentException("incident.error.noteTooLong");
        }
        if (row.suggested()) {
            store.confirm(id, clock.instant());
        }
        store.setStatus(id, status, clock.instant());
        store.addUpdate(id, status, body, actor.name(), clock.instant());
    }

    @Transactional
    public void setPublic(long id, boolean publicNotice, Actor actor) {
        requireWorkable(id);
        store.setPublic(id, publicNotice, clock.instant());
        store.addUpdate(id, require(id).status(), publicNotice ? "Public notice on" : "Public notice off",
                actor.name(), clock.instant());
    }

    // ------------------------------------------------------------------------------------------------ bulk

    /**
     * Sends one public reply to every active linked ticket: the short answer {@code answerKey} in each customer's
     * language, or {@code body}, with placeholders filled per ticket by the one renderer. A ticket whose placeholders
     * cannot all be filled is skipped and listed. Each ticket that got the reply is recorded under a key made of the
     * incident and the text, so a retry (or a double click) never answers a ticket twice.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkResult reply(long id, String answerKey, String body, Actor actor) {
        requireWorkable(id);
        boolean byAnswer = answerKey != null && !answerKey.isBlank();
        if (!byAnswer && (body == null || body.isBlank())) {
            throw new InvalidIncidentException("incident.error.replyEmpty");
        }
        if (byAnswer && answers.find(answerKey, "en").isEmpty()) {
            throw new InvalidIncidentException("incident.error.unknownAnswer");
        }
        String text = byAnswer ? null : guard.redact(body.strip()).text();
        String actionKey = actionKey(id, byAnswer ? "answer:" + answerKey : "body:" + text);
        return send(id, actionKey, byAnswer ? answerKey : null, text, null, actor);
    }

    /** What one chunk of a bulk reply did: how many were sent, what was skipped and why, what to try again. */
    private record ChunkResult(int sent, Map<Long, BulkResult.Skipped> skipped, List<Long> conflicted) {
    }

    /**
     * Sends the reply to every linked ticket, a chunk per transaction, and moves each ticket that got it to
     * {@code then} in the same transaction (when given). A ticket changed by someone else while its chunk was
     * written is tried once more in a fresh transaction, then listed as skipped ("conflict") — never lost: without a
     * delivery record, the next retry of the action sends it.
     */
    private BulkResult send(long id, String actionKey, String answerKey, String body, TicketStatus then,
                            Actor actor) {
        List<Long> ids = store.ticketsOf(id);
        String why = then == null ? null : resolvedWhy(id);
        int sent = 0;
        Map<Long, BulkResult.Skipped> skipped = new TreeMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> pending = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (int attempt = 0; attempt < 2 && !pending.isEmpty(); attempt++) {
                List<Long> chunk = pending;
                ChunkResult result = transaction.execute(status -> replyTo(chunk, actionKey, answerKey, body, then,
                        why, actor));
                sent += result.sent();
                skipped.putAll(result.skipped());
                pending = result.conflicted();
            }
            pending.forEach(ticketId -> skipped.put(ticketId, skip(ticketId, "conflict")));
        }
        return new BulkResult(sent, List.copyOf(skipped.values()));
    }

    private ChunkResult replyTo(List<Long> ids, String actionKey, String answerKey, String body, TicketStatus then,
                                String why, Actor actor) {
        Map<Long, BulkResult.Skipped> skipped = new HashMap<>();
        Set<Long> delivered = store.deliveredAmong(actionKey, ids);
        List<Long> pending = ids.stream().filter(ticketId -> !delivered.contains(ticketId)).toList();
        delivered.forEach(ticketId -> skipped.put(ticketId, skip(ticketId, "alreadySent")));
        Map<Long, Rendering> rendered = pending.isEmpty() ? Map.of() : answerKey != null
                ? answers.renderAnswerForEach(answerKey, pending, actor.name())
                : answers.renderTextForEach(body, pending, actor.name());
        List<BulkReply> replies = new ArrayList<>(pending.size());
        for (long ticketId : pending) {
            Rendering rendering = rendered.get(ticketId);
            if (rendering == null) {
                skipped.put(ticketId, skip(ticketId, "notFound"));
            } else if (!rendering.complete()) {
                skipped.put(ticketId, skip(ticketId, "unfilled: " + String.join(", ",
                        rendering.unresolved().stream().map(name -> "{{" + name + "}}").toList())));
            } else {
                replies.add(new BulkReply(ticketId, rendering.text()));
            }
        }
        BulkOutcome outcome = replies.isEmpty() ? new BulkOutcome(List.of(), List.of(), List.of(), List.of())
                : tickets.addPublicReplies(replies, then, why, actor);
        store.recordDeliveries(actionKey, outcome.done(), clock.instant());
        outcome.missing().forEach(ticketId -> skipped.put(ticketId, skip(ticketId, "notFound")));
        outcome.refused().forEach(ticketId -> skipped.put(ticketId, skip(ticketId, "refused")));
        return new ChunkResult(outcome.done().size(), skipped, outcome.conflicted());
    }

    private static BulkResult.Skipped skip(long ticketId, String reason) {
        return new BulkResult.Skipped(TicketNumber.format(ticketId), reason);
    }

    private static String resolvedWhy(long id) {
        return "incident #" + id + " resolved";
    }

    /**
     * Resolves the incident in one action: the optional resolution reply goes to every linked ticket (as
     * {@link #reply}) and moves each ticket that got it to {@code ticketStatus} in the same transaction; then every
     * other linked ticket (those answered before, or all without a reply) moves too, except those the reply had to
     * skip for a reason of their own (unfilled placeholders, a conflict). Audited on every ticket. Retrying sends
     * nothing twice and changes nothing twice.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkResult resolve(long id, String reply, TicketStatus ticketStatus, Actor actor) {
        requireWorkable(id);
        if (ticketStatus != TicketStatus.RESOLVED && ticketStatus != TicketStatus.WAITING_ON_CUSTOMER) {
            throw new InvalidIncidentException("incident.error.ticketStatus");
        }
        BulkResult replied = new BulkResult(0, List.of());
        if (reply != null && !reply.isBlank()) {
            String text = guard.redact(reply.strip()).text();
            replied = send(id, actionKey(id, "body:" + text), null, text, ticketStatus, actor);
        }
        Set<String> leftAlone = new HashSet<>();
        replied.skipped().stream().filter(skip -> !skip.reason().equals("alreadySent"))
                .forEach(skip -> leftAlone.add(skip.ticket()));
        List<Long> ids = store.ticketsOf(id).stream()
                .filter(ticketId -> !leftAlone.contains(TicketNumber.format(ticketId))).toList();
        List<BulkResult.Skipped> skipped = new ArrayList<>(replied.skipped());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> pending = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (int attempt = 0; attempt < 2 && !pending.isEmpty(); attempt++) {
                List<Long> chunk = pending;
                pending = transaction.execute(status -> tickets.changeStatuses(chunk, ticketStatus, actor,
                        resolvedWhy(id))).conflicted();
            }
            pending.forEach(ticketId -> skipped.add(skip(ticketId, "conflict")));
        }
        transaction.executeWithoutResult(status -> {
            store.setStatus(id, IncidentStatus.RESOLVED, clock.instant());
            store.addUpdate(id, IncidentStatus.RESOLVED, "Resolved; tickets set to " + ticketStatus, actor.name(),
                    clock.instant());
        });
        return new BulkResult(replied.sent(), List.copyOf(skipped));
    }

    private static String actionKey(long incidentId, String what) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((incidentId + "\n" + what).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> ticketIds(List<String> numbers) {
        List<Long> ids = new ArrayList<>();
        for (String number : numbers == null ? List.<String>of() : numbers) {
            ids.add(tickets.idOf(number.strip()).orElseThrow(() -> new InvalidIncidentException("incident.error.unknownTicket")));
        }
        return ids;
    }

    private String cleanTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidIncidentException("incident.error.titleRequired");
        }
        String clean = guard.redact(title.strip()).text();
        if (clean.length() > 200) {
            throw new InvalidIncidentException("incident.error.titleTooLong");
        }
        return clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
