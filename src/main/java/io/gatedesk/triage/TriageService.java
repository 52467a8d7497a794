package io.gatedesk.triage;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public face of triage: classify any evidence (diagnose API, the admin test box) and keep each ticket's category
 * up to date, with an agent's override kept over every later inference.
 */
@Service
@Transactional(readOnly = true)
public class TriageService {

    /** How triage signs the audit lines it writes. */
    static final String ACTOR = "GateDesk";
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
    // The ticket_classifications.reasons column holds 30 000 characters.
    private static final int MAX_REASONS_JSON = 30_000;

    private final RuleBook ruleBook;
    private final TicketClassificationRepository classifications;
    private final TicketService tickets;
    private final ObjectProvider<LogEvidenceSource> logSources;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    TriageService(RuleBook ruleBook, TicketClassificationRepository classifications, TicketService tickets,
                  ObjectProvider<LogEvidenceSource> logSources, Clock clock, ApplicationEventPublisher events) {
        this.ruleBook = ruleBook;
        this.classifications = classifications;
        this.tickets = tickets;
        this.logSources = logSources;
        this.clock = clock;
        this.events = events;
    }

    /** Classifies evidence that belongs to no ticket. The caller has passed every text through the secret guard. */
    public Classification classify(TriageInput input) {
        return ruleBook.classifier().classify(input);
    }

    /**
     * Infers the ticket's category from its current evidence and stores it. An agent's override stays the ticket's
     * category; the fresh inference is kept next to it. The priority follows the category until someone sets it.
     */
    @Transactional
    public TicketTriage reclassify(long ticketId) {
        return store(List.of(tickets.evidence(ticketId))).get(0);
    }

    /**
     * As {@link #reclassify} for many tickets in one transaction, with the reads and writes done a batch at a time
     * (the triage worker's path for new tickets). Tickets that no longer exist are skipped.
     */
    @Transactional
    public List<TicketTriage> reclassifyAll(Collection<Long> ticketIds) {
        return store(tickets.evidence(ticketIds));
    }

    private List<TicketTriage> store(List<TicketEvidence> evidence) {
        Map<Long, TicketClassification> known = new HashMap<>();
        classifications.findAllById(evidence.stream().map(TicketEvidence::id).toList())
                .forEach(stored -> known.put(stored.getTicketId(), stored));
        List<TicketClassification> inferred = new ArrayList<>(evidence.size());
        List<TicketService.CategoryUpdate> updates = new ArrayList<>(evidence.size());
        for (TicketEvidence ticket : evidence) {
            Classification result = classify(inputOf(ticket));
            TicketClassification stored = known.getOrDefault(ticket.id(), new TicketClassification(ticket.id()));
            stored.inferred(result, reasonsJson(result.reasons()), clock.instant());
            inferred.add(stored);
            String category = stored.getCategory().name();
            updates.add(new TicketService.CategoryUpdate(ticket.id(), category,
                    PrioritySuggestion.of(stored.getCategory(), ticket.callerType()), category));
        }
        classifications.saveAll(inferred);
        tickets.applyCategories(updates, ACTOR);
        inferred.forEach(stored -> events.publishEvent(new TicketClassified(stored.getTicketId(), stored.getCategory())));
        return inferred.stream().map(this::toView).toList();
    }

    /** The ticket's category, inferring it first for a ticket filed before triage existed. */
    @Transactional
    public TicketTriage forTicket(long ticketId) {
        Optional<TicketClassification> stored = classifications.findById(ticketId);
        return stored.isPresent() ? toView(stored.get()) : reclassify(ticketId);
    }

    /**
     * An agent sets the ticket's category, or with {@code null} hands it back to the classifier. Audited on the
     * ticket; kept through every later re-classification.
     */
    @Transactional
    public TicketTriage override(long ticketId, ErrorCategory chosen, Actor actor) {
        if (!classifications.existsById(ticketId)) {
            reclassify(ticketId);
        }
        TicketClassification stored = classifications.findById(ticketId).orElseThrow();
        ErrorCategory before = stored.getCategory();
        boolean wasOverridden = stored.isOverridden();
        if (chosen == null) {
            if (!wasOverridden) {
                return toView(stored);
            }
            stored.clearOverride();
        } else {
            if (wasOverridden && chosen == before) {
                return toView(stored);
            }
            stored.override(chosen, actor.name(), clock.instant());
        }
        stored = classifications.save(stored);
        tickets.recordAudit(ticketId, actor, TicketAction.CATEGORY_OVERRIDDEN,
                before + " → " + stored.getCategory() + (chosen == null ? " (" + ACTOR + ")" : ""));
        TicketEvidence evidence = tickets.evidence(ticketId);
        tickets.applyCategory(ticketId, stored.getCategory().name(),
                PrioritySuggestion.of(stored.getCategory(), evidence.callerType()), ACTOR, stored.getCategory().name());
        events.publishEvent(new TicketClassified(ticketId, stored.getCategory()));
        return toView(stored);
    }

    TriageInput inputOf(TicketEvidence evidence) {
        List<String> texts = new ArrayList<>();
        addIfPresent(texts, evidence.subject());
        addIfPresent(texts, evidence.description());
        evidence.messageBodies().forEach(body -> addIfPresent(texts, body));
        String client = evidence.client() == null ? null : clientName(evidence.client())
                + (evidence.clientVersion() == null ? "" : " " + evidence.clientVersion());
        List<LogEvidence> logs = logSources.orderedStream()
                .flatMap(source -> source.evidenceFor(evidence).stream()).toList();
        return new TriageInput(evidence.statusCode(), evidence.errorMessage(), String.join("\n\n", texts), client,
                evidence.baseUrl(), evidence.model(), logs);
    }

    /** Client names as customers write them, which is what the rules' client patterns match. */
    static String clientName(ClientApp client) {
        return switch (client) {
            case CURSOR -> "Cursor";
            case CHERRY_STUDIO -> "Cherry Studio";
            case LOBECHAT -> "LobeChat";
            case NEXTCHAT -> "NextChat";
            case DIFY -> "Dify";
            case OPENAI_PYTHON -> "OpenAI Python SDK";
            case OPENAI_NODE -> "OpenAI Node SDK";
            case CURL -> "curl";
            case BACKEND_SERVICE -> "backend service";
            case OTHER -> "other";
        };
    }

    private static void addIfPresent(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }

    private TicketTriage toView(TicketClassification stored) {
        List<Reason> reasons = stored.getReasons() == null || stored.getReasons().isBlank() ? List.of()
                : json.readValue(stored.getReasons(), REASONS);
        return new TicketTriage(stored.getTicketId(), stored.getCategory(), stored.getInferredCategory(),
                stored.getConfidence(), reasons, stored.getInferredAt(), stored.isOverridden(),
                stored.getOverriddenBy(), stored.getOverriddenAt());
    }

    /** The reasons as stored; the least weighty are dropped should a huge paste match nearly every rule. */
    String reasonsJson(List<Reason> reasons) {
        List<Reason> kept = reasons;
        String text = json.writeValueAsString(kept);
        while (text.length() > MAX_REASONS_JSON && !kept.isEmpty()) {
            kept = kept.subList(0, kept.size() - 1);
            text = json.writeValueAsString(kept);
        }
        return text;
    }
}
