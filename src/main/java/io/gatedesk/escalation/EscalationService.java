package io.gatedesk.escalation;

import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.TicketStatusChanged;
import io.gatedesk.triage.TicketTriage;
import io.gatedesk.triage.TriageService;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import jakarta.persistence.criteria.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public face of escalation: an agent escalates a ticket with a reason and a severity, an engineer takes it from
 * the queue, writes findings and hands the ticket back or resolves it. Each round keeps its own reason, findings and
 * times; the ticket's status and audit trail move through {@link TicketService}.
 */
@Service
@Transactional(readOnly = true)
public class EscalationService {

    static final int MAX_REASON = 4000;
    static final int MAX_SUMMARY = 4000;
    static final int MAX_REPLY = 8000;
    static final int PAGE_SIZE = 25;

    private final EscalationRepository escalations;
    private final TicketService tickets;
    private final TriageService triage;
    private final UserService users;
    private final SecretGuard secretGuard;
    private final MessageSource messages;
    private final EscalationSla sla;
    private final Clock clock;

    EscalationService(EscalationRepository escalations, TicketService tickets, TriageService triage,
                      UserService users, SecretGuard secretGuard, MessageSource messages, EscalationSla sla,
                      Clock clock) {
        this.escalations = escalations;
        this.tickets = tickets;
        this.triage = triage;
        this.users = users;
        this.secretGuard = secretGuard;
        this.messages = messages;
        this.sla = sla;
        this.clock = clock;
    }

    /**
     * Escalates the ticket: a new round, the ticket to ESCALATED, an audit line. Refused while a round is open; the
     * reason passes the secret guard first, so a key pasted into it is masked before anything is stored or shown.
     */
    @Transactional
    public EscalationView escalate(long ticketId, EscalationRequest request, Actor actor) {
        String reason = secretGuard.redact(request.reason() == null ? "" : request.reason().strip()).text();
        EscalationRequest kept = new EscalationRequest(reason, request.severity(), request.engineer());
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason.isEmpty()) {
            errors.put("reason", message("escalation.reason.required"));
        } else if (reason.length() > MAX_REASON) {
            errors.put("reason", message("escalation.reason.tooLong", MAX_REASON));
        }
        Optional<Severity> severity = Severity.parse(request.severity());
        if (severity.isEmpty()) {
            errors.put("severity", message("escalation.severity.required"));
        }
        StaffMember engineer = null;
        if (request.engineer() != null && !request.engineer().isBlank()) {
            engineer = engineer(request.engineer()).orElse(null);
            if (engineer == null) {
                errors.put("engineer", message("escalation.engineer.unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEscalationException(errors, kept);
        }
        Optional<Escalation> latest = escalations.findFirstByTicketIdOrderByRoundDesc(ticketId);
        if (latest.isPresent() && latest.get().getStatus() == EscalationStatus.OPEN) {
            throw new EscalationConflictException("escalation.already");
        }
        Escalation saved;
        try {
            saved = openRound(ticketId, latest, severity.orElseThrow(), reason, actor.name(),
                    engineer == null ? null : engineer.id());
        } catch (DataIntegrityViolationException concurrent) {
            throw new EscalationConflictException("escalation.already");
        }
        tickets.moveFor(ticketId, TicketStatus.ESCALATED, TicketAction.ESCALATED,
                saved.getSeverity() + (engineer == null ? "" : " → " + engineer.displayName()), actor);
        return view(saved, users.staffById());
    }

    /**
     * Follows a status move made outside this feature, once it is committed: a ticket set to ESCALATED by hand (the
     * status list, the API) gets a round, so it reaches the engineers' queue, with a reason that says none was given;
     * a ticket moved out of ESCALATED by hand withdraws its open round, so the queue holds no case nobody works.
     * Moves this service makes itself find their round already in the state they left it, and change nothing. A move
     * that neither enters nor leaves ESCALATED (most of an incident's thousand resolutions) opens no transaction.
     */
    @TransactionalEventListener(condition = "#moved.to().name() == 'ESCALATED' or #moved.from().name() == 'ESCALATED'")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ticketMoved(TicketStatusChanged moved) {
        Optional<Escalation> latest = escalations.findFirstByTicketIdOrderByRoundDesc(moved.ticketId());
        boolean open = latest.isPresent() && latest.get().getStatus() == EscalationStatus.OPEN;
        if (moved.to() == TicketStatus.ESCALATED && !open) {
            try {
                openRound(moved.ticketId(), latest, Severity.S3,
                        message("escalation.reason.statusOnly", moved.actorName()), moved.actorName(), null);
            } catch (DataIntegrityViolationException concurrent) {
                // Someone escalated it with the form at the same moment: their round stands.
            }
        } else if (moved.from() == TicketStatus.ESCALATED && moved.to() != TicketStatus.ESCALATED && open) {
            latest.get().withdraw();
        }
    }

    /**
     * Stores the ticket's next round, with the queue's columns (subject, model, category, filing time) copied from the
     * ticket as it is now. A concurrent round for the same ticket fails on the (ticket, round) key.
     */
    private Escalation openRound(long ticketId, Optional<Escalation> latest, Severity severity, String reason,
                                 String escalatedBy, Long engineerId) {
        TicketEvidence evidence = tickets.evidence(ticketId);
        TicketTriage category = triage.forTicket(ticketId);
        return escalations.saveAndFlush(new Escalation(ticketId, latest.map(e -> e.getRound() + 1).orElse(1),
                severity, reason, escalatedBy, clock.instant(), engineerId, evidence.subject(), evidence.model(),
                category == null || category.category() == null ? null : category.category().name(),
                evidence.createdAt()));
    }

    /** An engineer takes the open round: it is theirs, and the first-look clock stops. */
    @Transactional
    public EscalationView assign(long ticketId, Actor actor) {
        Escalation open = open(ticketId);
        open.take(actor.userId(), clock.instant());
        return view(open, users.staffById());
    }

    /** An engineer opened the evidence bundle: the first-look clock of the open round stops, once. */
    @Transactional
    public void looked(long ticketId) {
        escalations.findFirstByTicketIdOrderByRoundDesc(ticketId)
                .filter(e -> e.getStatus() == EscalationStatus.OPEN && e.getFirstLookAt() == null)
                .ifPresent(e -> e.looked(clock.instant()));
    }

    /**
     * The engineer's findings on the open round; the ticket goes back to OPEN for the agents (the findings shown at
     * the top of its page until read) or is resolved. Every text passes the secret guard.
     */
    @Transactional
    public EscalationView recordFindings(long ticketId, FindingsRequest request, Actor actor) {
        FindingsRequest kept = new FindingsRequest(request.rootCause(), guarded(request.summary()),
                guarded(request.actions()), guarded(request.suggestedReply()), request.outcome());
        Map<String, String> errors = new LinkedHashMap<>();
        RootCause cause = parse(RootCause.class, kept.rootCause());
        if (cause == null) {
            errors.put("rootCause", message("escalation.rootCause.required"));
        }
        if (kept.summary().isEmpty()) {
            errors.put("summary", message("escalation.summary.required"));
        }
        for (Map.Entry<String, String> text : Map.of("summary", kept.summary(), "actions", kept.actions()).entrySet()) {
            if (text.getValue().length() > MAX_SUMMARY) {
                errors.putIfAbsent(text.getKey(), message("escalation.text.tooLong", MAX_SUMMARY));
            }
        }
        if (kept.suggestedReply().length() > MAX_REPLY) {
            errors.put("suggestedReply", message("escalation.text.tooLong", MAX_REPLY));
        }
        Outcome outcome = parse(Outcome.class, kept.outcome());
        if (outcome == null) {
            errors.put("outcome", message("escalation.outcome.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidEscalationException(errors, kept);
        }
        Escalation open = open(ticketId);
        open.recordFindings(cause, kept.summary(), emptyToNull(kept.actions()), emptyToNull(kept.suggestedReply()),
                outcome, actor.name(), actor.userId(), clock.instant());
        if (outcome == Outcome.HAND_BACK) {
            tickets.moveFor(ticketId, TicketStatus.OPEN, TicketAction.HANDED_BACK, cause.name(), actor);
        } else {
            tickets.moveFor(ticketId, TicketStatus.RESOLVED, TicketAction.RESOLVED_BY_ENGINEER, cause.name(), actor);
        }
        return view(open, users.staffById());
    }

    /** Every round of the ticket, first first. */
    public List<EscalationView> rounds(long ticketId) {
        Map<Long, StaffMember> staff = users.staffById();
        return escalations.findByTicketIdOrderByRoundAsc(ticketId).stream().map(e -> view(e, staff)).toList();
    }

    public Optional<EscalationView> latest(long ticketId) {
        return escalations.findFirstByTicketIdOrderByRoundDesc(ticketId).map(e -> view(e, users.staffById()));
    }

    /** An agent has seen the handed-back findings: the queue's badge goes. */
    @Transactional
    public void markFindingsRead(long ticketId) {
        escalations.findFirstByTicketIdOrderByRoundDesc(ticketId)
                .filter(e -> e.getStatus() == EscalationStatus.HANDED_BACK)
                .ifPresent(e -> e.markRead(clock.instant()));
    }

    /** Of these tickets, those whose latest findings were handed back and no agent has read yet. */
    public Set<Long> withUnreadFindings(Collection<Long> ticketIds) {
        return ticketIds.isEmpty() ? Set.of() : Set.copyOf(escalations.withUnreadFindings(ticketIds));
    }

    /** Staff an escalation may name as its engineer: enabled engineers and admins. */
    public List<StaffMember> engineers() {
        return users.activeStaff().stream().filter(s -> s.has(Role.ENGINEER) || s.has(Role.ADMIN)).toList();
    }

    /** One page of the engineer queue. */
    public Page<EngineeringRow> queue(EngineeringFilter filter, Long currentUserId) {
        Page<Escalation> page = escalations.findAll(specification(filter, currentUserId),
                PageRequest.of(filter.page(), PAGE_SIZE, filter.sort().sort()));
        Map<Long, StaffMember> staff = page.isEmpty() ? Map.of() : users.staffById();
        return page.map(e -> row(e, staff));
    }

    /** The list for the API: the same filter as the queue, at most {@code limit} rounds. */
    public List<EscalationView> list(EngineeringFilter filter, Long currentUserId, int limit) {
        Map<Long, StaffMember> staff = users.staffById();
        return escalations.findAll(specification(filter, currentUserId),
                        PageRequest.of(0, limit, filter.sort().sort()))
                .map(e -> view(e, staff)).getContent();
    }

    public List<String> models() {
        return escalations.models();
    }

    /** The SLA clocks of the ticket's latest round, for the bundle page. */
    public Optional<EngineeringRow> latestRow(long ticketId) {
        return escalations.findFirstByTicketIdOrderByRoundDesc(ticketId).map(e -> row(e, users.staffById()));
    }

    private EngineeringRow row(Escalation e, Map<Long, StaffMember> staff) {
        Instant now = clock.instant();
        return new EngineeringRow(TicketNumber.format(e.getTicketId()), e.getSubject(), e.getSeverity(),
                e.getStatus(), e.getRound(), e.getCategory(), e.getModel(), nameOf(staff, e.getEngineerId()),
                e.getEngineerId(), e.getTicketCreatedAt(), e.getEscalatedAt(), sla.firstLook(e), sla.findings(e),
                java.time.Duration.between(e.getTicketCreatedAt(), now),
                java.time.Duration.between(e.getEscalatedAt(), now));
    }

    private Specification<Escalation> specification(EngineeringFilter filter, Long currentUserId) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.status() != null) {
                predicates.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.severity() != null) {
                predicates.add(cb.equal(root.get("severity"), filter.severity()));
            }
            if (filter.category() != null) {
                predicates.add(cb.equal(root.get("category"), filter.category()));
            }
            if (filter.model() != null) {
                predicates.add(cb.equal(root.get("model"), filter.model()));
            }
            if ("me".equals(filter.engineer())) {
                predicates.add(cb.equal(root.get("engineerId"), currentUserId));
            } else if ("none".equals(filter.engineer())) {
                predicates.add(cb.isNull(root.get("engineerId")));
            } else if (filter.engineer() != null) {
                Long id = engineer(filter.engineer()).map(StaffMember::id).orElse(-1L);
                predicates.add(cb.equal(root.get("engineerId"), id));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private Escalation open(long ticketId) {
        return escalations.findFirstByTicketIdOrderByRoundDesc(ticketId)
                .filter(e -> e.getStatus() == EscalationStatus.OPEN)
                .orElseThrow(() -> new EscalationConflictException("escalation.notOpen"));
    }

    /** A staff member named by id or username who may work escalations. */
    private Optional<StaffMember> engineer(String given) {
        String value = given.strip();
        return engineers().stream()
                .filter(s -> value.equalsIgnoreCase(s.username()) || value.equals(String.valueOf(s.id())))
                .findFirst();
    }

    private EscalationView view(Escalation e, Map<Long, StaffMember> staff) {
        EscalationView.Findings findings = e.getFindingsAt() == null ? null : new EscalationView.Findings(
                e.getRootCause(), e.getSummary(), e.getActionsTaken(), e.getSuggestedReply(), e.getFindingsBy(),
                e.getFindingsAt(), e.getFindingsReadAt() != null);
        return new EscalationView(e.getId(), TicketNumber.format(e.getTicketId()), e.getRound(), e.getStatus(),
                e.getSeverity(), e.getReason(), e.getEscalatedBy(), e.getEscalatedAt(),
                nameOf(staff, e.getEngineerId()), e.getFirstLookAt(), findings);
    }

    private String guarded(String text) {
        return text == null ? "" : secretGuard.redact(text.strip()).text();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nameOf(Map<Long, StaffMember> staff, Long id) {
        StaffMember member = id == null ? null : staff.get(id);
        return member == null ? null : member.displayName();
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
