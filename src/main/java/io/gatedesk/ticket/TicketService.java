package io.gatedesk.ticket;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatedesk.common.Hashing;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import org.springframework.beans.factory.ObjectProvider;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The public face of tickets: filing, following, working the queue. */
@Service
@Transactional(readOnly = true)
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    static final int MAX_MESSAGE_LENGTH = 20000;

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketEventRepository events;
    private final SecretGuard secretGuard;
    private final Validator validator;
    private final UserService users;
    private final MessageSource messageSource;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final MaskedKeyEvidence maskedKeys;
    private final int pageSize;
    private final SlaPolicy sla;
    private final EntityManager entityManager;
    private final LoadingCache<CountKey, List<CategoryCount>> categoryCounts;
    private final long exactCountBelow;
    private final TicketCategoryWriter categoryWriter;
    private final SearchTerms searchTerms;
    private final TicketBulkWriter bulk;
    private final SubmissionKeys submissionKeys;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final ObjectProvider<TicketAttachments> attachments;

    TicketService(TicketRepository tickets, TicketMessageRepository messages, TicketEventRepository events,
                  SecretGuard secretGuard, Validator validator, UserService users, MessageSource messageSource,
                  Clock clock, DeskProperties deskProperties, ApplicationEventPublisher publisher,
                  MaskedKeyEvidence maskedKeys, SlaPolicy sla, EntityManager entityManager,
                  TicketCategoryWriter categoryWriter, SearchTerms searchTerms, TicketBulkWriter bulk,
                  SubmissionKeys submissionKeys, PlatformTransactionManager transactions,
                  ObjectProvider<TicketAttachments> attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.bulk = bulk;
        this.submissionKeys = submissionKeys;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.searchTerms = searchTerms;
        this.messages = messages;
        this.events = events;
        this.secretGuard = secretGuard;
        this.validator = validator;
        this.users = users;
        this.messageSource = messageSource;
        this.clock = clock;
        this.publisher = publisher;
        this.maskedKeys = maskedKeys;
        this.pageSize = deskProperties.pageSize();
        this.exactCountBelow = deskProperties.exactCountBelow();
        this.sla = sla;
        this.entityManager = entityManager;
        this.categoryWriter = categoryWriter;
        Duration ttl = deskProperties.countCacheTtl();
        // Refreshed in the background once older than the TTL, so no page waits for the GROUP BY: with a plain
        // expiry every agent asking during the recount (8 at once under load) waited for it, every TTL.
        this.categoryCounts = ttl.isZero() ? null : Caffeine.newBuilder().maximumSize(1_000)
                .refreshAfterWrite(ttl).expireAfterAccess(ttl.multipliedBy(60))
                .build(key -> countByCategory(key.filter(), key.me()));
    }

    /**
     * Files a ticket. Every text passes the secret guard first, so neither the stored ticket nor a re-rendered form
     * ever holds a full key; then the same constraints apply whether it came from the form or the API.
     */
    @Transactional
    public TicketReceipt submit(NewTicket submission, Locale locale) {
        return submit(submission, locale, Map.of(), List.of());
    }

    /**
     * As {@link #submit(NewTicket, Locale)}, with problems the caller already found while reading the input (such as
     * a status code that is not a number), so the customer sees every problem at once and nothing is stored; and
     * with the secrets the caller already masked while reading it, so the audit trail records them too.
     */
    @Transactional
    public TicketReceipt submit(NewTicket submission, Locale locale, Map<String, String> readingErrors,
                                List<SecretFinding> maskedBefore) {
        List<SecretFinding> findings = new ArrayList<>(maskedBefore);
        return file(masked(submission, findings), findings, locale, readingErrors, null, null);
    }

    /**
     * As {@link #submit(NewTicket, Locale, Map, List)}, at most once per {@code key}: a retry with the same key and
     * the same ticket gets the first receipt back (also when both arrive at once: the key's primary key lets one
     * win, the other reads the winner's receipt), the same key with another ticket is refused. With no key it
     * simply files.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public TicketReceipt submitOnce(SubmissionKey key, NewTicket submission, Locale locale,
                                    Map<String, String> readingErrors, List<SecretFinding> maskedBefore) {
        List<SecretFinding> findings = new ArrayList<>(maskedBefore);
        NewTicket ticket = masked(submission, findings);
        if (key == null) {
            return writing.execute(status -> file(ticket, findings, locale, readingErrors, null, null));
        }
        String bodyHash = SubmissionKeys.bodyHash(ticket);
        try {
            return writing.execute(status -> submissionKeys.find(key)
                    .map(used -> submissionKeys.replay(key, used, bodyHash))
                    .orElseGet(() -> file(ticket, findings, locale, readingErrors, key, bodyHash)));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
            return receiptOfWinner(key, bodyHash, raced);
        }
    }

    /** The concurrent submission that took the key has committed, or is about to: wait briefly for its receipt. */
    private TicketReceipt receiptOfWinner(SubmissionKey key, String bodyHash, RuntimeException raced) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<SubmissionKeys.Used> used = reading.execute(status -> submissionKeys.find(key));
            if (used.isPresent() && used.get().ticketId() != null) {
                return submissionKeys.replay(key, used.get(), bodyHash);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (reading.execute(status -> submissionKeys.find(key)).isPresent()) {
            throw new SubmissionInFlightException();
        }
        throw raced;
    }

    private NewTicket masked(NewTicket submission, List<SecretFinding> findings) {
        return submission.withMaskedKey(secretGuard.redactMaskFieldInto(submission.maskedKey(), findings))
                .mapText(text -> secretGuard.redactInto(text, findings));
    }

    private TicketReceipt file(NewTicket ticket, List<SecretFinding> findings, Locale locale,
                               Map<String, String> readingErrors, SubmissionKey key, String bodyHash) {
        Map<String, String> errors = new LinkedHashMap<>(readingErrors);
        validate(ticket).forEach(errors::putIfAbsent);
        OffsetDateTime requestTime = null;
        if (ticket.requestTime() != null || ticket.requestTimeZone() != null) {
            try {
                ZoneId zone = ticket.requestTimeZone() == null ? ZoneId.of("UTC") : ZoneId.of(ticket.requestTimeZone());
                requestTime = ticket.requestTime() == null ? null : ticket.requestTime().atZone(zone).toOffsetDateTime();
            } catch (DateTimeException e) {
                errors.putIfAbsent("requestTimeZone", message("ticket.requestTimeZone.invalid"));
            }
        }
        List<SecretFinding> distinct = SecretFinding.distinct(findings);
        if (!errors.isEmpty()) {
            throw new InvalidTicketException(ticket, errors, distinct);
        }
        if (key != null) {
            submissionKeys.claim(key, bodyHash);
        }
        String followToken = Hashing.randomToken(32);
        Ticket saved = tickets.save(new Ticket(ticket, requestTime, suggestedPriority(ticket.callerType()),
                Hashing.sha256Hex(followToken), locale == null ? null : locale.toLanguageTag(), clock.instant()));
        record(saved, AuthorType.CUSTOMER, saved.getCustomerName(), TicketAction.CREATED, null);
        searchTerms.index(saved);
        recordMasking(saved, AuthorType.CUSTOMER, saved.getCustomerName(), distinct);
        maskedKeys.recordNew(saved.getId(), java.util.Arrays.asList(ticket.subject(), ticket.description(),
                ticket.maskedKey(), ticket.errorMessage(), ticket.baseUrl()), distinct);
        log.info("Filed {}: {} ({} secret(s) masked)", TicketNumber.format(saved.getId()), saved.getSubject(),
                distinct.size());
        publisher.publishEvent(TicketEvidenceChanged.filed(saved.getId()));
        publisher.publishEvent(new TicketFiled(saved.getId()));
        publisher.publishEvent(new FollowLinkIssued(saved.getId(), followToken));
        TicketReceipt receipt = new TicketReceipt(saved.getId(), TicketNumber.format(saved.getId()), followToken, distinct);
        if (key != null) {
            submissionKeys.filed(key, receipt);
        }
        return receipt;
    }

    public Optional<CustomerTicketView> forCustomer(String followToken) {
        return findByFollowToken(followToken).map(ticket -> new CustomerTicketView(
                TicketNumber.format(ticket.getId()), ticket.getSubject(), ticket.getDescription(), ticket.getStatus(),
                ticket.getCreatedAt(), ticket.getUpdatedAt(),
                messages.findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(ticket.getId(), Visibility.PUBLIC).stream()
                        .map(TicketMessage::toView).toList(),
                events.existsByTicketIdAndAction(ticket.getId(), TicketAction.SECRET_MASKED)));
    }

    /** The customer answers through the follow link; an answer reopens a resolved ticket or one waiting on them. */
    @Transactional
    public List<SecretFinding> customerReply(String followToken, String body) {
        Ticket ticket = findByFollowToken(followToken).orElseThrow(() -> new TicketNotFoundException("follow link"));
        List<SecretFinding> findings = new ArrayList<>();
        String text = checkedBody(body, findings);
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            throw new InvalidMessageException(message("ticket.closed.noReplies"), text);
        }
        Instant now = clock.instant();
        TicketMessage answer = messages.save(new TicketMessage(ticket.getId(), AuthorType.CUSTOMER, null,
                ticket.getCustomerName(), Visibility.PUBLIC, text, now));
        record(ticket, AuthorType.CUSTOMER, ticket.getCustomerName(), TicketAction.CUSTOMER_REPLY, null);
        ticket.customerReplied(now);
        TicketStatus before = ticket.getStatus();
        if (before == TicketStatus.RESOLVED || before == TicketStatus.WAITING_ON_CUSTOMER) {
            ticket.changeStatus(TicketStatus.OPEN, now);
            record(ticket, AuthorType.CUSTOMER, ticket.getCustomerName(),
                    before == TicketStatus.RESOLVED ? TicketAction.REOPENED : TicketAction.STATUS_CHANGED,
                    before + " → " + TicketStatus.OPEN);
        } else {
            ticket.touch(now);
        }
        List<SecretFinding> distinct = SecretFinding.distinct(findings);
        recordMasking(ticket, AuthorType.CUSTOMER, ticket.getCustomerName(), distinct);
        maskedKeys.record(ticket.getId(), List.of(text), distinct);
        publisher.publishEvent(TicketEvidenceChanged.changed(ticket.getId()));
        publisher.publishEvent(new CustomerReplied(ticket.getId(), answer.toView().id()));
        return distinct;
    }

    /**
     * One page of the queue. The rows are always read fresh. The total is counted exactly while it is small; once
     * the per-category counts (cached for {@code gatedesk.desk.count-cache-ttl}) say the view holds at least
     * {@code gatedesk.desk.exact-count-below} tickets, their sum is the total: an exact count reads every matching
     * index entry on every page (100 000 open tickets: most of the database's time per queue page), and a figure a
     * few seconds old is as good at that size.
     */
    public Page<QueueRow> queue(QueueFilter filter, Long currentUserId) {
        Specification<Ticket> specification = specification(filter, currentUserId, sla, true);
        PageRequest pageable = PageRequest.of(filter.page(), pageSize, filter.sort().sort());
        long recentTotal = totalFromCategoryCounts(filter, currentUserId);
        List<QueueRow> rows = rowsOf(specification, pageable);
        // Counted only when the page does not tell already (a short first page is the whole view), as findAll did.
        return recentTotal < exactCountBelow
                ? PageableExecutionUtils.getPage(rows, pageable, () -> tickets.count(specification))
                : new PageImpl<>(rows, pageable, recentTotal);
    }

    private long totalFromCategoryCounts(QueueFilter filter, Long currentUserId) {
        return categoryCounts(filter, currentUserId).stream()
                .filter(count -> filter.category() == null || filter.category().equals(count.filterValue()))
                .mapToLong(CategoryCount::count).sum();
    }

    /** How many tickets of the queue view changed after {@code since}: the queue announces them without a reload. */
    public long changedSince(QueueFilter filter, Long currentUserId, Instant since) {
        Specification<Ticket> view = specification(filter, currentUserId, sla, true);
        return tickets.count(view.and((root, query, cb) -> cb.greaterThan(root.get("updatedAt"), since)));
    }

    /**
     * The queue rows of these tickets (another feature's list of tickets: an incident's linked tickets), read with
     * one query, in the order of {@code ids}; tickets that do not exist are left out.
     */
    public List<QueueRow> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Specification<Ticket> these = (root, query, cb) -> root.get("id").in(ids);
        Map<Long, QueueRow> byId = new java.util.HashMap<>();
        rowsOf(these, PageRequest.of(0, ids.size())).forEach(row -> byId.put(row.id(), row));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The queue as a list for export: the same filter and order, at most {@code limit} rows. */
    public List<QueueRow> export(QueueFilter filter, Long currentUserId, int limit) {
        return rowsOf(specification(filter, currentUserId, sla, true), PageRequest.of(0, limit, filter.sort().sort()));
    }

    // What a queue row shows. Selected as columns rather than whole tickets: the description, error message and the
    // other evidence were most of what a page read from the database and turned into strings, for nothing.
    private static final List<String> ROW_COLUMNS = List.of("id", "subject", "customerName", "status", "priority",
            "assigneeId", "client", "model", "statusCode", "createdAt", "updatedAt", "category", "firstResponseAt",
            "resolvedAt", "checklistProgress", "customerRepliedAt");

    private List<QueueRow> rowsOf(Specification<Ticket> specification, PageRequest pageable) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Ticket> root = query.from(Ticket.class);
        List<Selection<?>> columns = new ArrayList<>(ROW_COLUMNS.size());
        ROW_COLUMNS.forEach(column -> columns.add(root.get(column).alias(column)));
        query.multiselect(columns).where(specification.toPredicate(root, query, cb))
                .orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        List<Tuple> found = entityManager.createQuery(query).setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize()).getResultList();
        Map<Long, StaffMember> staff = found.isEmpty() ? Map.of() : users.staffById();
        List<QueueRow> rows = new ArrayList<>(found.size());
        for (Tuple row : found) {
            long id = row.get("id", Long.class);
            Priority priority = row.get("priority", Priority.class);
            Instant createdAt = row.get("createdAt", Instant.class);
            rows.add(new QueueRow(id, TicketNumber.format(id), row.get("subject", String.class),
                    row.get("customerName", String.class), row.get("status", TicketStatus.class), priority,
                    nameOf(staff, row.get("assigneeId", Long.class)), row.get("client", ClientApp.class),
                    row.get("model", String.class), row.get("statusCode", Integer.class), createdAt,
                    row.get("updatedAt", Instant.class), row.get("category", String.class),
                    sla.of(priority, createdAt, row.get("firstResponseAt", Instant.class),
                            row.get("resolvedAt", Instant.class)), row.get("checklistProgress", String.class),
                    row.get("customerRepliedAt", Instant.class)));
        }
        return rows;
    }

    /**
     * Tickets per category code in the queue view, with every filter applied except the category itself, so the
     * counts say what picking a category would show. Largest first; {@code null} counts tickets not classified yet.
     */
    public List<CategoryCount> categoryCounts(QueueFilter filter, Long currentUserId) {
        // Counting every active ticket by category is the dearest query of a queue page; agents share a few seconds'
        // old figures instead of each paying for it (the rows themselves are always fresh).
        QueueFilter key = new QueueFilter(filter.status(), filter.priority(), filter.assignee(), filter.q(),
                QueueSort.UPDATED_DESC, 0, null, filter.sla());
        CountKey countKey = new CountKey(key, "me".equals(filter.assignee()) ? currentUserId : null);
        return categoryCounts == null ? countByCategory(key, countKey.me()) : categoryCounts.get(countKey);
    }

    private record CountKey(QueueFilter filter, Long me) {
    }

    private List<CategoryCount> countByCategory(QueueFilter filter, Long currentUserId) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<Ticket> root = query.from(Ticket.class);
        query.multiselect(root.get("category"), cb.count(root))
                .where(specification(filter, currentUserId, sla, false).toPredicate(root, query, cb))
                .groupBy(root.get("category"));
        return entityManager.createQuery(query).getResultList().stream()
                .map(row -> new CategoryCount((String) row[0], (Long) row[1]))
                .sorted(java.util.Comparator.comparingLong(CategoryCount::count).reversed()
                        .thenComparing(CategoryCount::category, java.util.Comparator.nullsLast(String::compareTo)))
                .toList();
    }

    public SlaStatus sla(TicketDetail ticket) {
        return sla.of(ticket);
    }

    /**
     * Stores the category another feature inferred for the ticket and, unless a person has chosen the priority, the
     * priority suggested with it. Neither counts as an edit: the version and the last-updated time stay as they were,
     * so an agent working on the ticket meets no conflict. A priority it changes is recorded in the audit trail.
     */
    @Transactional
    public void applyCategory(long id, String category, Priority suggestedPriority, String actorName, String detail) {
        if (categoryWriter.apply(List.of(new CategoryUpdate(id, category, suggestedPriority, detail)), actorName) == 0) {
            throw new TicketNotFoundException(TicketNumber.format(id));
        }
    }

    /** A category inferred for a ticket, the priority suggested with it, and what the audit line adds about why. */
    public record CategoryUpdate(long ticketId, String category, Priority suggestedPriority, String detail) {
    }

    /**
     * As {@link #applyCategory} for many tickets at once, with one statement per kind of change; tickets that no
     * longer exist are skipped.
     */
    @Transactional
    public void applyCategories(List<CategoryUpdate> updates, String actorName) {
        categoryWriter.apply(updates, actorName);
    }

    /**
     * Stores the ticket's checklist progress ("done/total", or {@code null} for none) for the queue. Derived like the
     * category, so neither the version nor the last-updated time moves.
     */
    @Transactional
    public void setChecklistProgress(long id, String progress) {
        if (!tickets.existsById(id)) {
            throw new TicketNotFoundException(TicketNumber.format(id));
        }
        tickets.setChecklistProgress(id, progress);
    }

    /** Adds a line to the ticket's audit trail for something another feature did to it (a category override, …). */
    @Transactional
    public void recordAudit(long id, Actor actor, TicketAction action, String detail) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
        record(ticket, AuthorType.STAFF, actor.name(), action, detail);
    }

    /** The masked keys the ticket mentions, as the secret guard and the parsers recorded them (oldest first). */
    public List<MaskedKey> maskedKeys(long id) {
        return maskedKeys.of(id);
    }

    public TicketDetail detail(long id) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
        return detailOf(ticket, users.staffById(), maskedKeys.of(ticket.getId()),
                messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId()),
                events.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId()));
    }

    /**
     * The details of several tickets, read with one query per kind of row whatever their number (a bulk reply fills
     * each one's placeholders), in the order of {@code ids}; tickets that do not exist are left out.
     */
    public List<TicketDetail> details(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Ticket> found = new java.util.HashMap<>();
        tickets.findAllById(ids).forEach(ticket -> found.put(ticket.getId(), ticket));
        Map<Long, List<TicketMessage>> messagesOf = new java.util.HashMap<>();
        messages.findByTicketIdInOrderByCreatedAtAscIdAsc(ids).forEach(message -> messagesOf
                .computeIfAbsent(message.getTicketId(), id -> new ArrayList<>()).add(message));
        Map<Long, List<TicketEvent>> eventsOf = new java.util.HashMap<>();
        events.findByTicketIdInOrderByCreatedAtAscIdAsc(ids).forEach(event -> eventsOf
                .computeIfAbsent(event.getTicketId(), id -> new ArrayList<>()).add(event));
        Map<Long, List<MaskedKey>> keysOf = maskedKeys.of(ids);
        Map<Long, StaffMember> staff = users.staffById();
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull)
                .map(ticket -> detailOf(ticket, staff, keysOf.getOrDefault(ticket.getId(), List.of()),
                        messagesOf.getOrDefault(ticket.getId(), List.of()),
                        eventsOf.getOrDefault(ticket.getId(), List.of())))
                .toList();
    }

    private static TicketDetail detailOf(Ticket ticket, Map<Long, StaffMember> staff,
                                         List<MaskedKey> keys, List<TicketMessage> onTicket,
                                         List<TicketEvent> audit) {
        return new TicketDetail(ticket.getId(), TicketNumber.format(ticket.getId()), ticket.getSubject(),
                ticket.getDescription(), ticket.getCustomerName(), ticket.getCustomerEmail(), ticket.getClient(),
                ticket.getClientVersion(), ticket.getBaseUrl(), ticket.getModel(), ticket.getMaskedKey(),
                ticket.getRequestIds(), ticket.getStatusCode(), ticket.getErrorMessage(), ticket.getRequestTime(),
                ticket.getRequestTimeZone(), ticket.getStream(), ticket.getCallerType(), ticket.getStatus(),
                ticket.getPriority(), ticket.getAssigneeId(), nameOf(staff, ticket.getAssigneeId()),
                ticket.getVersion(), ticket.getCreatedAt(), ticket.getUpdatedAt(), ticket.getFirstResponseAt(),
                ticket.getResolvedAt(), ticket.getLocale(), keys,
                onTicket.stream().map(TicketMessage::toView).toList(),
                audit.stream().map(TicketEvent::toView).toList());
    }

    /**
     * Adds a staff reply or internal note. {@code expectedVersion} is the version the agent saw; {@code null} (API
     * callers that do not track versions) skips the check but still loses nothing to a concurrent save.
     */
    @Transactional
    public MessageView addStaffMessage(long id, String body, Visibility visibility, Long expectedVersion, Actor actor) {
        Ticket ticket = load(id, expectedVersion);
        List<SecretFinding> findings = new ArrayList<>();
        String text = checkedBody(body, findings);
        Instant now = clock.instant();
        TicketMessage saved = messages.save(new TicketMessage(ticket.getId(), AuthorType.STAFF, actor.userId(),
                actor.name(), visibility, text, now));
        if (visibility == Visibility.PUBLIC) {
            ticket.staffReplied(now);
            record(ticket, AuthorType.STAFF, actor.name(), TicketAction.PUBLIC_REPLY, null);
        } else {
            ticket.touch(now);
            record(ticket, AuthorType.STAFF, actor.name(), TicketAction.INTERNAL_NOTE, null);
        }
        List<SecretFinding> distinct = SecretFinding.distinct(findings);
        recordMasking(ticket, AuthorType.STAFF, actor.name(), distinct);
        maskedKeys.record(ticket.getId(), List.of(text), distinct);
        flush(ticket);
        publisher.publishEvent(TicketEvidenceChanged.changed(ticket.getId()));
        if (visibility == Visibility.PUBLIC) {
            publisher.publishEvent(new PublicReplyAdded(ticket.getId(), saved.toView().id(), actor.name()));
        }
        return saved.toView();
    }

    /**
     * Sends a reply or note and, in the same transaction, sets the status ({@code then}, or {@code null} to leave it):
     * "send and resolve" is one action, so it cannot half-happen.
     */
    @Transactional
    public MessageView reply(long id, String body, Visibility visibility, long expectedVersion, Actor actor,
                             TicketStatus then) {
        MessageView sent = addStaffMessage(id, body, visibility, expectedVersion, actor);
        if (then != null) {
            change(tickets.findById(id).orElseThrow(), new TicketChange(then, null, null, false), actor);
        }
        return sent;
    }

    /**
     * The ticket after {@code currentId} in the queue view {@code filter} (its page and the next), or the first of
     * that page when the current one has left the view (it was just resolved, say); empty when the view is empty.
     */
    public Optional<String> nextInView(QueueFilter filter, Long currentUserId, long currentId) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Ticket> root = query.from(Ticket.class);
        PageRequest pageable = PageRequest.of(filter.page(), pageSize, filter.sort().sort());
        query.select(root.get("id")).where(specification(filter, currentUserId, sla, true).toPredicate(root, query, cb))
                .orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        List<Long> ids = entityManager.createQuery(query).setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageSize * 2).getResultList();
        int at = ids.indexOf(currentId);
        if (at >= 0) {
            return at + 1 < ids.size() ? Optional.of(TicketNumber.format(ids.get(at + 1))) : Optional.empty();
        }
        return ids.stream().filter(id -> id != currentId).findFirst().map(TicketNumber::format);
    }

    @Transactional
    public void change(long id, TicketChange change, long expectedVersion, Actor actor) {
        change(load(id, expectedVersion), change, actor);
    }

    /**
     * Sets the status for another feature's action over many tickets (an incident resolved), without a version check:
     * the audit line says why. A ticket already in that status is left alone; returns whether it changed.
     */
    @Transactional
    public boolean changeStatus(long id, TicketStatus status, Actor actor, String why) {
        Ticket ticket = load(id, null);
        if (ticket.getStatus() == status) {
            return false;
        }
        TicketStatus before = ticket.getStatus();
        ticket.changeStatus(status, clock.instant());
        record(ticket, AuthorType.STAFF, actor.name(), TicketAction.STATUS_CHANGED,
                before + " → " + status + " (" + why + ")");
        flush(ticket);
        publisher.publishEvent(new TicketStatusChanged(ticket.getId(), before, status, actor.name()));
        return true;
    }

    /**
     * Adds a public staff reply to each of many tickets and, when {@code then} is given, moves each to that status, in
     * the caller's transaction with one statement per kind of row: the bulk answer to an incident. The same rules
     * and audit lines as {@link #reply} with {@link #changeStatus} (status line "A → B (why)"); every text passes the
     * secret guard. No {@link TicketEvidenceChanged} is published: a public staff reply is an answer, not evidence,
     * and triage does not read it (see {@link TicketEvidence#evidenceBodies()}). A ticket changed by someone else after
     * this transaction read it is reported as conflicted and left untouched.
     */
    @Transactional
    public BulkOutcome addPublicReplies(List<BulkReply> replies, TicketStatus then, String why, Actor actor) {
        return bulk.write(replies, List.of(), then, why, actor);
    }

    /** As {@link #changeStatus} for many tickets, with one statement per kind of row; same outcome rules. */
    @Transactional
    public BulkOutcome changeStatuses(List<Long> ids, TicketStatus status, Actor actor, String why) {
        return bulk.write(List.of(), ids, status, why, actor);
    }

    private void change(Ticket ticket, TicketChange change, Actor actor) {
        Instant now = clock.instant();
        if (change.status() != null && change.status() != ticket.getStatus()) {
            TicketStatus before = ticket.getStatus();
            ticket.changeStatus(change.status(), now);
            record(ticket, AuthorType.STAFF, actor.name(), TicketAction.STATUS_CHANGED, before + " → " + change.status());
            publisher.publishEvent(new TicketStatusChanged(ticket.getId(), before, change.status(), actor.name()));
        }
        if (change.priority() != null && change.priority() != ticket.getPriority()) {
            Priority before = ticket.getPriority();
            ticket.changePriority(change.priority(), now);
            record(ticket, AuthorType.STAFF, actor.name(), TicketAction.PRIORITY_CHANGED,
                    before + " → " + change.priority());
        }
        Long newAssignee = change.unassign() ? null : change.assigneeId();
        if ((change.unassign() || change.assigneeId() != null)
                && !java.util.Objects.equals(newAssignee, ticket.getAssigneeId())) {
            Map<Long, StaffMember> staff = users.staffById();
            if (newAssignee != null && (!staff.containsKey(newAssignee) || !staff.get(newAssignee).enabled())) {
                throw new IllegalArgumentException("Cannot assign to staff member " + newAssignee);
            }
            String before = nameOf(staff, ticket.getAssigneeId());
            ticket.assign(newAssignee, now);
            record(ticket, AuthorType.STAFF, actor.name(), TicketAction.ASSIGNED,
                    (before == null ? "—" : before) + " → " + (newAssignee == null ? "—" : nameOf(staff, newAssignee)));
            publisher.publishEvent(new TicketAssigned(ticket.getId(), newAssignee, actor.userId(), actor.name()));
        }
        flush(ticket);
    }

    /**
     * Moves a ticket for another feature's workflow (an escalation and its hand-back) and records why on the audit
     * trail as {@code action}, in one step; the status change is recorded too when the status changes.
     */
    @Transactional
    public void moveFor(long id, TicketStatus status, TicketAction action, String detail, Actor actor) {
        Ticket ticket = load(id, null);
        change(ticket, new TicketChange(status, null, null, false), actor);
        record(ticket, AuthorType.STAFF, actor.name(), action, detail);
    }

    public TicketEvidence evidence(long id) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
        return withAttachedTexts(List.of(evidenceOf(ticket,
                messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId())))).get(0);
    }

    /**
     * The evidence of several tickets, read with two queries whatever their number, in the order of {@code ids};
     * tickets that do not exist are left out.
     */
    public List<TicketEvidence> evidence(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TicketMessage>> bodies = new java.util.HashMap<>();
        for (TicketMessage message : messages.findByTicketIdInOrderByCreatedAtAscIdAsc(ids)) {
            bodies.computeIfAbsent(message.getTicketId(), id -> new ArrayList<>()).add(message);
        }
        Map<Long, Ticket> found = new java.util.HashMap<>();
        tickets.findAllById(ids).forEach(ticket -> found.put(ticket.getId(), ticket));
        return withAttachedTexts(ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull)
                .map(ticket -> evidenceOf(ticket, bodies.getOrDefault(ticket.getId(), List.of()))).toList());
    }

    /** Attached files (logs, HAR files) are evidence too: their masked lines that carry request IDs join the texts. */
    private List<TicketEvidence> withAttachedTexts(List<TicketEvidence> found) {
        TicketAttachments files = attachments.getIfAvailable();
        if (files == null || found.isEmpty()) {
            return found;
        }
        Map<Long, List<String>> texts = files.evidenceTexts(found.stream().map(TicketEvidence::id).toList());
        return found.stream().map(e -> e.withTexts(texts.getOrDefault(e.id(), List.of()))).toList();
    }

    private static TicketEvidence evidenceOf(Ticket ticket, List<TicketMessage> onTicket) {
        return new TicketEvidence(ticket.getId(), TicketNumber.format(ticket.getId()), ticket.getSubject(),
                ticket.getDescription(), ticket.getClient(), ticket.getClientVersion(), ticket.getBaseUrl(),
                ticket.getModel(), ticket.getMaskedKey(), ticket.getRequestIds(), ticket.getStatusCode(),
                ticket.getErrorMessage(), ticket.getRequestTime(), ticket.getCallerType(),
                onTicket.stream().map(TicketMessage::getBody).toList(),
                onTicket.stream().filter(TicketMessage::isEvidence).map(TicketMessage::getBody).toList(),
                ticket.getCreatedAt());
    }

    /**
     * Records on the audit trail what an agent did to a ticket's evidence in another feature (a request ID added or
     * struck, a log entry pinned), so the ticket's history stays in one place; what derives from the evidence (the
     * inferred category) is worked out again.
     */
    @Transactional
    public void recordEvidenceAction(long id, TicketAction action, String detail, Actor actor) {
        recordAudit(id, actor, action, detail);
        publisher.publishEvent(TicketEvidenceChanged.changed(id));
    }

    /**
     * Tickets filed since {@code since} that no feature has given a category yet, oldest first, from the first one
     * after {@code afterId} (0 for all), at most {@code limit}.
     */
    public List<Long> uncategorizedSince(Instant since, long afterId, int limit) {
        return tickets.findUncategorizedSince(since, afterId, org.springframework.data.domain.Limit.of(limit));
    }

    public Optional<Long> idOf(String number) {
        return TicketNumber.parse(number).filter(tickets::existsById);
    }

    private Ticket load(long id, Long expectedVersion) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
        if (expectedVersion != null && ticket.getVersion() != expectedVersion) {
            throw new TicketConflictException(id);
        }
        return ticket;
    }

    /** Forces the version check now, so a concurrent save surfaces as a conflict rather than at commit. */
    private void flush(Ticket ticket) {
        try {
            tickets.saveAndFlush(ticket);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new TicketConflictException(ticket.getId());
        }
    }

    private Optional<Ticket> findByFollowToken(String followToken) {
        if (followToken == null || followToken.isBlank() || followToken.length() > 100) {
            return Optional.empty();
        }
        return tickets.findByFollowTokenHash(Hashing.sha256Hex(followToken));
    }

    private String checkedBody(String body, List<SecretFinding> findings) {
        String text = secretGuard.redactInto(body == null ? "" : body.strip(), findings);
        if (text.isEmpty()) {
            throw new InvalidMessageException(message("message.body.required"), text);
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            throw new InvalidMessageException(message("message.body.tooLong", MAX_MESSAGE_LENGTH), text);
        }
        return text;
    }

    private Map<String, String> validate(NewTicket ticket) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<ConstraintViolation<NewTicket>> violations = validator.validate(ticket);
        violations.stream()
                .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .forEach(violation -> errors.putIfAbsent(fieldOf(violation), violation.getMessage()));
        return errors;
    }

    /** {@code requestIds[2].<list element>} is reported on the {@code requestIds} field the form shows. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int cut = path.indexOf('[');
        int dot = path.indexOf('.');
        int end = cut < 0 ? dot : (dot < 0 ? cut : Math.min(cut, dot));
        return end < 0 ? path : path.substring(0, end);
    }

    private void record(Ticket ticket, AuthorType actorType, String actorName, TicketAction action, String detail) {
        events.save(new TicketEvent(ticket.getId(), actorType, actorName, action, detail, clock.instant()));
    }

    private void recordMasking(Ticket ticket, AuthorType actorType, String actorName, List<SecretFinding> findings) {
        for (SecretFinding finding : findings) {
            record(ticket, actorType, actorName, TicketAction.SECRET_MASKED,
                    finding.kind() + " " + finding.masked() + " sha256:" + finding.fingerprint());
        }
    }

    private static Priority suggestedPriority(CallerType callerType) {
        if (callerType == null) {
            return Priority.P3;
        }
        return switch (callerType) {
            case PRODUCTION -> Priority.P2;
            case HIGH_COST -> Priority.P3;
            case TEST, PERSONAL -> Priority.P4;
        };
    }

    private static String nameOf(Map<Long, StaffMember> staff, Long id) {
        if (id == null) {
            return null;
        }
        StaffMember member = staff.get(id);
        return member == null ? null : member.displayName();
    }

    private String message(String code, Object... args) {
        return messageSource.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    private Specification<Ticket> specification(QueueFilter filter, Long currentUserId, SlaPolicy sla,
                                                boolean byCategory) {
        List<Long> exact = filter.q() == null ? List.of() : exactMatches(filter.q());
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (byCategory && filter.category() != null) {
                predicates.add(CategoryCount.NONE.equals(filter.category()) ? cb.isNull(root.get("category"))
                        : cb.equal(root.get("category"), filter.category()));
            }
            if (filter.sla() != null) {
                predicates.add(sla.running(root, cb, "breached".equals(filter.sla())));
            }
            switch (filter.status()) {
                case "all" -> { }
                case "active" -> predicates.add(root.get("status").in(TicketStatus.ACTIVE));
                default -> parseStatus(filter.status()).ifPresentOrElse(
                        status -> predicates.add(cb.equal(root.get("status"), status)),
                        () -> predicates.add(root.get("status").in(TicketStatus.ACTIVE)));
            }
            if (filter.priority() != null) {
                predicates.add(cb.equal(root.get("priority"), filter.priority()));
            }
            if (filter.assignee() != null) {
                switch (filter.assignee()) {
                    case "none" -> predicates.add(cb.isNull(root.get("assigneeId")));
                    case "me" -> predicates.add(cb.equal(root.get("assigneeId"), currentUserId));
                    default -> {
                        try {
                            predicates.add(cb.equal(root.get("assigneeId"), Long.parseLong(filter.assignee())));
                        } catch (NumberFormatException ignored) {
                            // An unknown assignee value shows the unfiltered queue rather than an error page.
                        }
                    }
                }
            }
            if (filter.q() != null) {
                predicates.add(exact.isEmpty() ? textPredicate(filter.q(), root, cb) : root.get("id").in(exact));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static final int MAX_EXACT_MATCHES = 1000;

    /**
     * The tickets the search box names exactly: by number, by a request ID given on the form, by the customer's email
     * or name (through {@link SearchTerms}), or by a masked key or its last four (through the keys seen on the
     * ticket). Each is a lookup through an index. When the query names tickets this way the queue shows those; only a
     * query that names none reads the text of every ticket in the view (at 100 000 tickets the difference between a
     * few milliseconds and a scan: see docs/performance.md).
     */
    private List<Long> exactMatches(String q) {
        Set<Long> ids = new LinkedHashSet<>();
        TicketNumber.parse(q).filter(n -> q.toUpperCase(Locale.ROOT).startsWith("GD")).filter(tickets::existsById)
                .ifPresent(ids::add);
        String term = SearchTerms.normalise(q);
        if (term.length() <= SearchTerms.MAX_TERM) {
            ids.addAll(entityManager.createQuery("select s.key.ticketId from TicketSearchTerm s where s.key.term = :term",
                    Long.class).setParameter("term", term).setMaxResults(MAX_EXACT_MATCHES).getResultList());
        }
        MaskedKeyParser.parse(q).filter(key -> !key.tail().isEmpty()).ifPresent(key -> ids.addAll(
                entityManager.createQuery("select k.ticketId from TicketMaskedKey k where k.tail = :tail"
                                + " and k.masked like :start escape '\\'", Long.class)
                        .setParameter("tail", key.tail())
                        .setParameter("start", (key.prefix() + key.head()).replace("%", "\\%").replace("_", "\\_") + "%")
                        .setMaxResults(MAX_EXACT_MATCHES).getResultList()));
        return List.copyOf(ids);
    }

    /** Words in the subject or the description, ignoring case. */
    private static Predicate textPredicate(String q, Root<Ticket> root, CriteriaBuilder cb) {
        String like = "%" + q.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return cb.or(cb.like(cb.lower(root.get("subject")), like, '\\'),
                cb.like(cb.lower(root.get("description")), like, '\\'));
    }

    private static Optional<TicketStatus> parseStatus(String value) {
        try {
            return Optional.of(TicketStatus.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
