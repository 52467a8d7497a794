package io.gatedesk.ticket.web;

import io.gatedesk.ticket.RelativeTime;
import io.gatedesk.ticket.CategoryCount;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.Tag;
import io.gatedesk.ticket.QueueRowMarker;
import io.gatedesk.ticket.QueueSort;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.SlaStatus;
import io.gatedesk.ticket.SlaTimer;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.unbescape.uri.UriEscape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a page of {@link QueueRow}s into {@link QueueRowView}s for one reader. Labels that repeat down the page
 * (statuses, categories, "Unassigned") are looked up once per page.
 */
@Component
class QueueRowViews {

    // As the templates' #temporals.format: the server's time zone.
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final String NO_CHECKLIST = "—";
    // Category codes that a query string carries as they are (no percent-encoding), and the stand-in for one.
    private static final java.util.regex.Pattern PLAIN_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_]+");
    private static final String CATEGORY_STAND_IN = "QUEUECATEGORYSTANDIN";

    private final MessageSource messages;
    private final RelativeTime relativeTime;
    private final List<QueueRowMarker> markers;

    QueueRowViews(MessageSource messages, RelativeTime relativeTime) {
        this(messages, relativeTime, List.of());
    }

    @org.springframework.beans.factory.annotation.Autowired
    QueueRowViews(MessageSource messages, RelativeTime relativeTime, List<QueueRowMarker> markers) {
        this.messages = messages;
        this.relativeTime = relativeTime;
        this.markers = List.copyOf(markers);
    }

    List<QueueRowView> of(List<QueueRow> rows, Locale locale, String contextPath) {
        return of(rows, locale, contextPath, null);
    }

    /** As {@link #of(List, Locale, String)}, each row linking to its ticket with the way back to {@code view}. */
    List<QueueRowView> of(List<QueueRow> rows, Locale locale, String contextPath, QueueFilter view) {
        return of(rows, locale, contextPath, view, Map.of());
    }

    /** As above, with the tag colours admins chose (other tags get the colour derived from their name). */
    List<QueueRowView> of(List<QueueRow> rows, Locale locale, String contextPath, QueueFilter view,
                          Map<String, String> tagColours) {
        Labels labels = new Labels(locale);
        String from = view == null ? "" : "?from=" + URLEncoder.encode(view.toQuery(), StandardCharsets.UTF_8);
        List<QueueRowView> views = new ArrayList<>(rows.size());
        Map<Long, List<String>> marks = marks(rows, labels);
        for (QueueRow row : rows) {
            List<QueueRowView.SlaCell> cells = slaCells(row.sla(), labels, locale);
            String category = CategoryCount.filterValue(row.category());
            String slaWorst = row.sla().worst().name();
            boolean awaitingReply = row.customerRepliedAt() != null;
            views.add(new QueueRowView(row.number(), contextPath + "/desk/tickets/" + row.number() + from, row.subject(),
                    row.statusCode(), row.model(), row.customerName(), row.status().name(),
                    labels.get("status." + row.status()), category, labels.category(row.category()),
                    row.priority().name(), row.checklist() == null ? NO_CHECKLIST : row.checklist(),
                    slaWorst, cells,
                    row.assigneeName() == null ? labels.get("desk.assignee.none") : row.assigneeName(),
                    SHOWN.format(row.updatedAt()), mostUrgent(cells), relativeTime.ago(row.updatedAt(), locale),
                    awaitingReply, marks.getOrDefault(row.id(), List.of()),
                    row.id() + ":" + row.version(), row.tags().stream().map(tag -> new QueueRowView.TagChip(tag,
                            tagColours.getOrDefault(tag, Tag.colourOf(tag)),
                            contextPath + "/desk?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))).toList(),
                    "sla-row-" + slaWorst + (awaitingReply ? " awaiting-reply" : ""), "badge status-" + row.status(),
                    "badge category category-" + category, "badge priority-" + row.priority(),
                    row.model() != null || row.statusCode() != null || row.checklist() != null,
                    row.checklist() != null));
        }
        return views;
    }

    /** The badges other features put on this page's rows, as labels. */
    private Map<Long, List<String>> marks(List<QueueRow> rows, Labels labels) {
        if (markers.isEmpty() || rows.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = rows.stream().map(QueueRow::id).toList();
        Map<Long, List<String>> marks = new HashMap<>();
        for (QueueRowMarker marker : markers) {
            marker.marks(ids).forEach((id, key) -> marks.computeIfAbsent(id, any -> new ArrayList<>())
                    .add(labels.get(key)));
        }
        return marks;
    }

    /** The category bar: each category's label, count and a link to the current view with that category picked. */
    List<QueueRowView.CategoryLink> categoryLinks(List<CategoryCount> counts, QueueFilter filter, Locale locale,
                                                  String contextPath) {
        Labels labels = new Labels(locale);
        List<QueueRowView.CategoryLink> links = new ArrayList<>(counts.size());
        // The view's query is built once with a stand-in for the category, which each link replaces, instead of once
        // per category (a UriComponentsBuilder of fifteen parameters each time).
        String template = filter.withCategory(CATEGORY_STAND_IN).toQuery();
        int at = template.indexOf(CATEGORY_STAND_IN);
        boolean once = at >= 0 && at == template.lastIndexOf(CATEGORY_STAND_IN);
        for (CategoryCount count : counts) {
            String code = count.filterValue();
            // Every other part of the view stays as it is (its tag, idle hours and metrics narrowing too).
            String query = once && PLAIN_CODE.matcher(code).matches()
                    ? template.substring(0, at) + code + template.substring(at + CATEGORY_STAND_IN.length())
                    : filter.withCategory(code).toQuery();
            String href = contextPath + "/desk?" + query;
            links.add(new QueueRowView.CategoryLink(code, labels.category(count.category()), count.count(), href,
                    code.equals(filter.category())));
        }
        return links;
    }

    /**
     * The category the view picked when the counts do not hold it (no ticket of it in the view, or a code no
     * category has), so that the drop-down keeps showing it; {@code null} when the counts hold it or none is picked.
     */
    QueueRowView.Choice keptCategory(List<CategoryCount> counts, QueueFilter filter, Locale locale) {
        String picked = filter.category();
        if (picked == null || CategoryCount.NONE.equals(picked)
                || counts.stream().anyMatch(count -> picked.equals(count.filterValue()))) {
            return null;
        }
        return new QueueRowView.Choice(picked, new Labels(locale).category(picked), true);
    }

    /** The status drop-down's statuses, each labelled and marked picked when the view shows it. */
    List<QueueRowView.Choice> statusChoices(QueueFilter filter, Locale locale) {
        Labels labels = new Labels(locale);
        List<QueueRowView.Choice> choices = new ArrayList<>(TicketStatus.values().length);
        for (TicketStatus status : TicketStatus.values()) {
            choices.add(new QueueRowView.Choice(status.name(), labels.get("status." + status),
                    status.name().equals(filter.status())));
        }
        return choices;
    }

    /** The sort drop-down's orders, as {@link #statusChoices}. */
    List<QueueRowView.Choice> sortChoices(QueueFilter filter, Locale locale) {
        Labels labels = new Labels(locale);
        List<QueueRowView.Choice> choices = new ArrayList<>(QueueSort.values().length);
        for (QueueSort sort : QueueSort.values()) {
            choices.add(new QueueRowView.Choice(sort.name(), labels.get("desk.sort." + sort), sort == filter.sort()));
        }
        return choices;
    }

    /**
     * The links of {@link QueueRowView.ViewLinks}, as the template's {@code @{…(status=${filter.status}, …)}} wrote
     * them: every parameter of the view in the same order, an absent value as an empty one, each value escaped as
     * Thymeleaf escapes a link parameter (unbescape's query-parameter escaping). Fifteen expressions per link were
     * evaluated and escaped by the template on every page.
     */
    QueueRowView.ViewLinks viewLinks(QueueFilter filter, Page<?> page, long shownAt, String contextPath) {
        String unsorted = viewParameters(filter, false);
        String sorted = viewParameters(filter, true);
        String previous = page.hasPrevious() ? "page=" + (page.getNumber() - 1) : null;
        String next = page.hasNext() ? "page=" + (page.getNumber() + 1) : null;
        String desk = contextPath + "/desk?";
        return new QueueRowView.ViewLinks(contextPath + "/desk/changes?since=" + shownAt + unsorted,
                contextPath + "/desk/export.csv?" + sorted.substring(1),
                previous == null ? null : desk + previous + sorted, previous == null ? null : desk + previous,
                next == null ? null : desk + next + sorted, next == null ? null : desk + next);
    }

    private static String viewParameters(QueueFilter filter, boolean withSort) {
        StringBuilder query = new StringBuilder(256);
        parameter(query, "status", filter.status());
        parameter(query, "priority", filter.priority());
        parameter(query, "assignee", filter.assignee());
        parameter(query, "q", filter.q());
        if (withSort) {
            parameter(query, "sort", filter.sort());
        }
        parameter(query, "category", filter.category());
        parameter(query, "sla", filter.sla());
        parameter(query, "tag", filter.tag());
        parameter(query, "idle", filter.idle());
        parameter(query, "filedFrom", filter.filedFrom());
        parameter(query, "filedTo", filter.filedTo());
        parameter(query, "client", filter.client());
        parameter(query, "callerType", filter.callerType());
        parameter(query, "linked", filter.linked());
        return query.toString();
    }

    private static void parameter(StringBuilder query, String name, Object value) {
        query.append('&').append(name).append('=');
        if (value != null) {
            query.append(UriEscape.escapeUriQueryParam(value.toString()));
        }
    }

    private static QueueRowView.SlaCell mostUrgent(List<QueueRowView.SlaCell> cells) {
        return cells.stream().filter(cell -> cell.state().equals("BREACHED")).findFirst()
                .or(() -> cells.stream().filter(cell -> cell.state().equals("SOON")).findFirst())
                .orElse(cells.isEmpty() ? null : cells.get(0));
    }

    private List<QueueRowView.SlaCell> slaCells(SlaStatus sla, Labels labels, Locale locale) {
        List<QueueRowView.SlaCell> cells = new ArrayList<>(2);
        addIfRunning(cells, sla.firstResponse(), labels.get("sla.firstResponse"), locale);
        addIfRunning(cells, sla.resolution(), labels.get("sla.resolution"), locale);
        return cells;
    }

    private void addIfRunning(List<QueueRowView.SlaCell> cells, SlaTimer timer, String label, Locale locale) {
        if (timer == null || !timer.running()) {
            return;
        }
        String duration = messages.getMessage(timer.durationKey(), timer.durationArgs(), locale);
        String text = messages.getMessage(timer.state() == SlaTimer.State.BREACHED ? "sla.overdue" : "sla.left",
                new Object[]{duration}, locale);
        cells.add(new QueueRowView.SlaCell(label, timer.state().name(), text, timer.dueUtc() + " UTC"));
    }

    /** Message lookups for one page, each key resolved once. */
    private final class Labels {
        private final Locale locale;
        private final Map<String, String> resolved = new HashMap<>();

        Labels(Locale locale) {
            this.locale = locale;
        }

        String get(String key) {
            return get(key, key);
        }

        /** The message of {@code key}, or {@code fallback} when no message has that key. */
        String get(String key, String fallback) {
            return resolved.computeIfAbsent(key, k -> messages.getMessage(k, null, fallback, locale));
        }

        /**
         * A category's name, or "not classified yet" for {@code null}; a code no message names (typed into the
         * address, or a category since retired) shows as itself rather than as a missing-message marker.
         */
        String category(String code) {
            return code == null ? get("desk.category.none") : get("category." + code + ".name", code);
        }
    }
}
