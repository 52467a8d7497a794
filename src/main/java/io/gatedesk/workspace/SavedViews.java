package io.gatedesk.workspace;

import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueSort;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved queue views and each agent's default. A view is a queue filter and sort kept as the queue's own query
 * string, so anything the queue can filter by can be saved. Counting a view costs one count query, shared between
 * agents for {@code gatedesk.desk.count-cache-ttl}.
 */
@Service
@Transactional(readOnly = true)
public class SavedViews {

    public static final int MAX_NAME = 80;
    static final String SAVED = "view:";

    /**
     * The built-in views. "By incident" narrows the queue to the tickets linked to an open incident through the
     * ticket feature's {@code QueueTicketSet}, which the incident feature answers: nothing here knows incidents.
     */
    static final Map<String, QueueFilter> BUILT_IN = builtIns();

    private final SavedViewRepository views;
    private final DefaultViewRepository defaults;
    private final TicketService tickets;
    private final SecretGuard secretGuard;
    private final Clock clock;

    SavedViews(SavedViewRepository views, DefaultViewRepository defaults, TicketService tickets,
               SecretGuard secretGuard, Clock clock) {
        this.views = views;
        this.defaults = defaults;
        this.tickets = tickets;
        this.secretGuard = secretGuard;
        this.clock = clock;
    }

    private static Map<String, QueueFilter> builtIns() {
        Map<String, QueueFilter> all = new LinkedHashMap<>();
        all.put("mine", new QueueFilter(null, null, "me", null, null, 0));
        all.put("unassigned", new QueueFilter(null, null, "none", null, null, 0));
        all.put("waiting", new QueueFilter(TicketStatus.WAITING_ON_CUSTOMER.name(), null, null, null,
                QueueSort.UPDATED_ASC, 0, null, null, null, 24));
        all.put("slaAtRisk", new QueueFilter(null, null, null, null, null, 0, null, "soon", null, null));
        all.put("escalated", new QueueFilter(TicketStatus.ESCALATED.name(), null, null, null, null, 0));
        all.put("byIncident", new QueueFilter(null, null, null, null, null, 0, null, null, null, null, null, null, null,
                null, "incident"));
        return Map.copyOf(all);
    }

    /** The built-ins, the shared views and the agent's own, each with its count. */
    public List<QueueView> list(long userId, boolean admin) {
        String defaultRef = defaults.findById(userId).map(DefaultView::getViewRef).orElse(null);
        List<QueueView> list = new ArrayList<>();
        for (String key : List.of("mine", "unassigned", "waiting", "slaAtRisk", "escalated", "byIncident")) {
            QueueFilter filter = BUILT_IN.get(key);
            list.add(new QueueView(key, null, "views.builtin." + key, filter.toQuery(), tickets.count(filter, userId),
                    true, false, key.equals(defaultRef)));
        }
        for (SavedView view : views.visibleTo(userId)) {
            QueueFilter filter = QueueFilter.parse(view.getQuery());
            String ref = SAVED + view.getId();
            list.add(new QueueView(ref, view.getName(), null, view.getQuery(), tickets.count(filter, userId),
                    view.isShared(), view.isShared() ? admin : true, ref.equals(defaultRef)));
        }
        return list;
    }

    /** Saves the view under a name; only admins share one. The name passes the secret guard. */
    @Transactional
    public QueueView save(String name, QueueFilter filter, boolean shared, long userId, boolean admin) {
        String clean = name == null ? "" : secretGuard.redact(name.strip()).text();
        if (clean.isEmpty()) {
            throw new WorkspaceException("views.error.nameRequired");
        }
        if (clean.length() > MAX_NAME) {
            throw new WorkspaceException("views.error.nameTooLong", MAX_NAME);
        }
        if (shared && !admin) {
            throw new ViewForbiddenException();
        }
        String query = filter.withPage(0).toQuery();
        SavedView saved = views.save(new SavedView(clean, shared ? null : userId, query, clock.instant()));
        return new QueueView(SAVED + saved.getId(), clean, null, query, tickets.count(filter, userId), shared, true,
                false);
    }

    /** Deletes one of the agent's own views, or (admins) a shared one. */
    @Transactional
    public void delete(long id, long userId, boolean admin) {
        SavedView view = views.findById(id).orElseThrow(ViewNotFoundException::new);
        if (view.isShared() ? !admin : !view.getOwnerId().equals(userId)) {
            throw view.isShared() ? new ViewForbiddenException() : new ViewNotFoundException();
        }
        views.delete(view);
        defaults.findById(userId).filter(d -> d.getViewRef().equals(SAVED + id)).ifPresent(defaults::delete);
    }

    /** Makes {@code ref} the agent's default view, or with {@code null} goes back to the plain queue. */
    @Transactional
    public void setDefault(long userId, String ref) {
        if (ref == null || ref.isBlank()) {
            defaults.deleteById(userId);
            return;
        }
        if (query(ref, userId).isEmpty()) {
            throw new ViewNotFoundException();
        }
        defaults.findById(userId).ifPresentOrElse(d -> d.setViewRef(ref),
                () -> defaults.save(new DefaultView(userId, ref)));
    }

    /** The query string of the agent's default view, if they chose one that still exists. */
    public Optional<String> defaultQuery(long userId) {
        return defaults.findById(userId).flatMap(d -> query(d.getViewRef(), userId));
    }

    private Optional<String> query(String ref, long userId) {
        if (BUILT_IN.containsKey(ref)) {
            return Optional.of(BUILT_IN.get(ref).toQuery());
        }
        if (!ref.startsWith(SAVED)) {
            return Optional.empty();
        }
        try {
            return views.findById(Long.parseLong(ref.substring(SAVED.length())))
                    .filter(view -> view.isShared() || view.getOwnerId().equals(userId)).map(SavedView::getQuery);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
