package io.gatedesk.ticket;

/**
 * The agent's queue view. {@code status} is a {@link TicketStatus} name, {@code active} (the default) or {@code all};
 * {@code assignee} is a staff id, {@code me} or {@code none}; {@code category} is a triage category code or
 * {@code none} (not classified yet); {@code sla} is {@code soon} (a clock due within the warning threshold) or
 * {@code breached}; {@code tag} is a tag the tickets carry; {@code idle} is a number of hours the tickets have not
 * changed for (the "waiting for the customer for more than a day" view). The metrics dashboard's links narrow a view
 * further to the tickets behind a figure: {@code filedFrom} and {@code filedTo} (ISO dates, both inclusive, in the
 * site's time zone) bound when the tickets were filed; {@code client} is a {@link ClientApp} name and
 * {@code callerType} a {@link CallerType} name. A malformed value of any of the four is dropped, not an error.
 * {@code linked} names a set of tickets another feature keeps ({@link QueueTicketSet}: {@code incident}, the tickets
 * linked to an open incident).
 */
public record QueueFilter(String status, Priority priority, String assignee, String q, QueueSort sort, Integer page,
                          String category, String sla, String tag, Integer idle, String filedFrom, String filedTo,
                          String client, String callerType, String linked) {

    public QueueFilter {
        status = status == null || status.isBlank() ? "active" : status;
        assignee = assignee == null || assignee.isBlank() ? null : assignee;
        q = q == null || q.isBlank() ? null : q.trim();
        sort = sort == null ? QueueSort.UPDATED_DESC : sort;
        page = page == null ? 0 : Math.max(0, page);
        category = category == null || category.isBlank() ? null : category.strip();
        sla = "soon".equals(sla) || "breached".equals(sla) ? sla : null;
        tag = tag == null ? null : Tag.normalise(tag).orElse(null);
        idle = idle == null || idle <= 0 ? null : Math.min(idle, 24 * 365);
        filedFrom = isoDate(filedFrom);
        filedTo = isoDate(filedTo);
        client = enumName(ClientApp.class, client);
        callerType = enumName(CallerType.class, callerType);
        linked = linked == null || !linked.matches("[a-z]{1,32}") ? null : linked;
    }

    public QueueFilter(String status, Priority priority, String assignee, String q, QueueSort sort, Integer page,
                       String category, String sla, String tag, Integer idle) {
        this(status, priority, assignee, q, sort, page, category, sla, tag, idle, null, null, null, null, null);
    }

    public QueueFilter(String status, Priority priority, String assignee, String q, QueueSort sort, Integer page,
                       String category, String sla, String tag, Integer idle, String filedFrom, String filedTo,
                       String client, String callerType) {
        this(status, priority, assignee, q, sort, page, category, sla, tag, idle, filedFrom, filedTo, client,
                callerType, null);
    }

    public QueueFilter(String status, Priority priority, String assignee, String q, QueueSort sort, Integer page,
                       String category, String sla) {
        this(status, priority, assignee, q, sort, page, category, sla, null, null);
    }

    public QueueFilter(String status, Priority priority, String assignee, String q, QueueSort sort, Integer page) {
        this(status, priority, assignee, q, sort, page, null, null);
    }

    public static QueueFilter defaults() {
        return new QueueFilter(null, null, null, null, null, 0);
    }

    public QueueFilter withPage(int newPage) {
        return new QueueFilter(status, priority, assignee, q, sort, newPage, category, sla, tag, idle, filedFrom,
                filedTo, client, callerType, linked);
    }

    /** The first site-local day of the filing window, if the view has one. */
    public java.util.Optional<java.time.LocalDate> filedFromDay() {
        return java.util.Optional.ofNullable(filedFrom).map(java.time.LocalDate::parse);
    }

    /** The last site-local day of the filing window (inclusive), if the view has one. */
    public java.util.Optional<java.time.LocalDate> filedToDay() {
        return java.util.Optional.ofNullable(filedTo).map(java.time.LocalDate::parse);
    }

    /** Whether the view is narrowed to the tickets behind a metrics figure (a filing window, a client, a caller). */
    public boolean drilledDown() {
        return filedFrom != null || filedTo != null || client != null || callerType != null;
    }

    /** The same view without the metrics narrowing. */
    public QueueFilter widened() {
        return new QueueFilter(status, priority, assignee, q, sort, 0, category, sla, tag, idle, null, null, null,
                null, linked);
    }

    /**
     * This view as a query string ({@code status=active&sort=UPDATED_DESC&page=2…}), for links that lead back to it
     * from a ticket; {@link #parse} reads it again. Only the filter's own values are kept, so nothing else rides along.
     */
    public String toQuery() {
        return org.springframework.web.util.UriComponentsBuilder.newInstance()
                .queryParam("status", status)
                .queryParamIfPresent("priority", java.util.Optional.ofNullable(priority))
                .queryParamIfPresent("assignee", java.util.Optional.ofNullable(assignee))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q))
                .queryParam("sort", sort)
                .queryParamIfPresent("category", java.util.Optional.ofNullable(category))
                .queryParamIfPresent("sla", java.util.Optional.ofNullable(sla))
                .queryParamIfPresent("tag", java.util.Optional.ofNullable(tag))
                .queryParamIfPresent("idle", java.util.Optional.ofNullable(idle))
                .queryParamIfPresent("filedFrom", java.util.Optional.ofNullable(filedFrom))
                .queryParamIfPresent("filedTo", java.util.Optional.ofNullable(filedTo))
                .queryParamIfPresent("client", java.util.Optional.ofNullable(client))
                .queryParamIfPresent("callerType", java.util.Optional.ofNullable(callerType))
                .queryParamIfPresent("linked", java.util.Optional.ofNullable(linked))
                .queryParam("page", page)
                .encode().build().getQuery();
    }

    /** The view a {@link #toQuery} string describes; unknown or malformed values fall back to the defaults. */
    public static QueueFilter parse(String query) {
        if (query == null || query.isBlank()) {
            return defaults();
        }
        var params = org.springframework.web.util.UriComponentsBuilder.newInstance().query(query).build()
                .getQueryParams();
        java.util.function.Function<String, String> value = name -> {
            String raw = params.getFirst(name);
            try {
                return raw == null ? null : java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return raw;
            }
        };
        Integer parsedPage;
        try {
            parsedPage = value.apply("page") == null ? 0 : Integer.parseInt(value.apply("page"));
        } catch (NumberFormatException e) {
            parsedPage = 0;
        }
        return new QueueFilter(value.apply("status"), enumOf(Priority.class, value.apply("priority")),
                value.apply("assignee"), value.apply("q"), enumOf(QueueSort.class, value.apply("sort")), parsedPage,
                value.apply("category"), value.apply("sla"), value.apply("tag"), number(value.apply("idle")),
                value.apply("filedFrom"), value.apply("filedTo"), value.apply("client"), value.apply("callerType"),
                value.apply("linked"));
    }

    private static String isoDate(String value) {
        try {
            return value == null || value.isBlank() ? null : java.time.LocalDate.parse(value.strip()).toString();
        } catch (java.time.DateTimeException malformed) {
            return null;
        }
    }

    private static <E extends Enum<E>> String enumName(Class<E> type, String name) {
        E value = enumOf(type, name == null ? null : name.strip());
        return value == null ? null : value.name();
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public QueueFilter withCategory(String newCategory) {
        return new QueueFilter(status, priority, assignee, q, sort, 0, newCategory, sla, tag, idle, filedFrom, filedTo,
                client, callerType, linked);
    }
}
