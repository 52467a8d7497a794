package io.gatedesk.ticket.read;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.CategoryCount;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.QueueSort;
import io.gatedesk.ticket.QueueTicketSet;
import io.gatedesk.ticket.SlaPolicy;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.store.SearchTerms;
import io.gatedesk.ticket.store.Ticket;
import io.gatedesk.ticket.store.TicketRepository;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatedesk.ticket.store.TicketTag;
import io.gatedesk.ticket.store.TicketTags;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;

/** Reading the queue: a page of a view, its counts, what changed in it, the next ticket, the export. */
@Service
@Transactional(readOnly = true)
public class QueueReads {

    private final TicketRepository tickets;
    private final UserService users;
    private final SlaPolicy sla;
    private final EntityManager entityManager;
    private final LoadingCache<CountKey, List<CategoryCount>> categoryCounts;
    private final int pageSize;
    private final long exactCountBelow;
    private final TicketTags tags;
    private final Clock clock;
    private final ZoneId siteZone;
    private final List<QueueTicketSet> ticketSets;
    private final LoadingCache<CountKey, Long> viewCounts;

    QueueReads(TicketRepository tickets, UserService users, SlaPolicy sla, EntityManager entityManager,
               DeskProperties deskProperties, TicketTags tags, Clock clock,
               @Value("${gatedesk.site.time-zone:UTC}") String siteZone, List<QueueTicketSet> ticketSets) {
        this.ticketSets = List.copyOf(ticketSets);
        this.tickets = tickets;
        this.siteZone = ZoneId.of(siteZone);
        this.tags = tags;
        this.clock = clock;
        this.users = users;
        this.sla = sla;
        this.entityManager = entityManager;
        this.pageSize = deskProperties.pageSize();
        this.exactCountBelow = deskProperties.exactCountBelow();
        Duration ttl = deskProperties.countCacheTtl();
        // Refreshed in the background once older than the TTL, so no page waits for the GROUP BY: with a plain
        // expiry every agent asking during the recount (8 at once under load) waited for it, every TTL.
        this.categoryCounts = ttl.isZero() ? null : Caffeine.newBuilder().maximumSize(1_000)
                .refreshAfterWrite(ttl).expireAfterAccess(ttl.multipliedBy(60))
                .build(key -> countByCategory(key.filter(), key.me()));
        // The same for a view's badge: counting a view of a million tickets takes most of a second.
        this.viewCounts = ttl.isZero() ? null : Caffeine.newBuilder().maximumSize(1_000)
                .refreshAfterWrite(ttl).expireAfterAccess(ttl.multipliedBy(60))
                .build(key -> tickets.count(specification(key.filter(), key.me(), sla, true)));
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
            "resolvedAt", "checklistProgress", "customerRepliedAt", "version");

    /**
     * The {@link #ROW_COLUMNS} of one ticket, in that order. Read with a constructor expression, not as a
     * {@code Tuple}: Hibernate 7.2 never finds a tuple selection in its query plan cache (its compound selection
     * compares each column with the whole selection), so every page translated the query to SQL again.
     */
    record RowColumns(Long id, String subject, String customerName, TicketStatus status, Priority priority,
                      Long assigneeId, ClientApp client, String model, Integer statusCode, Instant createdAt,
                      Instant updatedAt, String category, Instant firstResponseAt, Instant resolvedAt,
                      String checklistProgress, Instant customerRepliedAt, Long version) {
    }

    private List<QueueRow> rowsOf(Specification<Ticket> specification, PageRequest pageable) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<RowColumns> query = cb.createQuery(RowColumns.class);
        Root<Ticket> root = query.from(Ticket.class);
        query.select(cb.construct(RowColumns.class,
                        ROW_COLUMNS.stream().map(column -> root.get(column)).toArray(Selection<?>[]::new)))
                .where(specification.toPredicate(root, query, cb))
                .orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        List<RowColumns> found = entityManager.createQuery(query).setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize()).getResultList();
        Map<Long, StaffMember> staff = found.isEmpty() ? Map.of() : users.staffById();
        Map<Long, List<String>> tagsOf = found.isEmpty() ? Map.of()
                : tags.of(found.stream().map(RowColumns::id).toList());
        List<QueueRow> rows = new ArrayList<>(found.size());
        for (RowColumns row : found) {
            long id = row.id();
            rows.add(new QueueRow(id, TicketNumber.format(id), row.subject(), row.customerName(), row.status(),
                    row.priority(), TicketReads.nameOf(staff, row.assigneeId()), row.client(), row.model(),
                    row.statusCode(), row.createdAt(), row.updatedAt(), row.category(),
                    sla.of(row.priority(), row.createdAt(), row.firstResponseAt(), row.resolvedAt()),
                    row.checklistProgress(), row.customerRepliedAt(), row.version(),
                    tagsOf.getOrDefault(id, List.of())));
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
        QueueFilter key = countedView(filter, null);
        CountKey countKey = new CountKey(key, "me".equals(filter.assignee()) ? currentUserId : null);
        return categoryCounts == null ? countByCategory(key, countKey.me()) : categoryCounts.get(countKey);
    }

    private record CountKey(QueueFilter filter, Long me) {
    }

    /** The view as a count sees it: order and page do not change a count, so views that differ only there share it. */
    private static QueueFilter countedView(QueueFilter filter, String category) {
        return new QueueFilter(filter.status(), filter.priority(), filter.assignee(), filter.q(),
                QueueSort.UPDATED_DESC, 0, category, filter.sla(), filter.tag(), filter.idle(), filter.filedFrom(),
                filter.filedTo(), filter.client(), filter.callerType(), filter.linked());
    }

    /**
     * How many tickets a view holds (a saved view's badge): one count query, shared for a few seconds
     * ({@code gatedesk.desk.count-cache-ttl}) by every agent who shows the same view.
     */
    public long count(QueueFilter filter, Long currentUserId) {
        QueueFilter key = filter.withPage(0);
        CountKey countKey = new CountKey(countedView(key, key.category()),
                "me".equals(filter.assignee()) ? currentUserId : null);
        if (viewCounts == null) {
            return tickets.count(specification(key, currentUserId, sla, true));
        }
        return viewCounts.get(countKey);
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

    private Specification<Ticket> specification(QueueFilter filter, Long currentUserId, SlaPolicy sla,
                                                boolean byCategory) {
        List<Long> exact = filter.q() == null ? List.of() : exactMatches(filter.q());
        Optional<List<Long>> linked = linkedTickets(filter.linked());
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
            if (filter.tag() != null) {
                Subquery<Long> tagged = query.subquery(Long.class);
                Root<TicketTag> tag = tagged.from(TicketTag.class);
                tagged.select(tag.get("key").get("ticketId")).where(cb.equal(tag.get("key").get("tag"), filter.tag()));
                predicates.add(root.get("id").in(tagged));
            }
            linked.ifPresent(ids -> predicates.add(ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids)));
            if (filter.idle() != null) {
                predicates.add(cb.lessThan(root.get("updatedAt"), clock.instant().minus(Duration.ofHours(filter.idle()))));
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
            filter.filedFromDay().ifPresent(day -> predicates.add(
                    cb.greaterThanOrEqualTo(root.get("createdAt"), day.atStartOfDay(siteZone).toInstant())));
            filter.filedToDay().ifPresent(day -> predicates.add(
                    cb.lessThan(root.get("createdAt"), day.plusDays(1).atStartOfDay(siteZone).toInstant())));
            if (filter.client() != null) {
                predicates.add(cb.equal(root.get("client"), ClientApp.valueOf(filter.client())));
            }
            if (filter.callerType() != null) {
                predicates.add(cb.equal(root.get("callerType"), CallerType.valueOf(filter.callerType())));
            }
            if (filter.q() != null) {
                predicates.add(exact.isEmpty() ? textPredicate(filter.q(), root, cb) : root.get("id").in(exact));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** At most this many tickets of a linked set, the newest: one bind parameter each, and PostgreSQL takes 32 767. */
    static final int MAX_LINKED = 10_000;

    /** The tickets of the set another feature names {@code key}; empty (no filter) for a key nobody answers to. */
    private Optional<List<Long>> linkedTickets(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return ticketSets.stream().filter(set -> set.key().equals(key)).findFirst()
                .map(set -> set.ticketIds().stream().sorted(java.util.Comparator.reverseOrder()).limit(MAX_LINKED)
                        .toList());
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
