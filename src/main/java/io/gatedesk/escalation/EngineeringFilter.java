package io.gatedesk.escalation;

import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Locale;

/**
 * The engineer queue's view, as query parameters: {@code status} (OPEN by default, {@code all} for every round),
 * {@code severity}, {@code category}, {@code model}, {@code engineer} ({@code me}, {@code none} or a username),
 * {@code sort} and {@code page}. Unknown values are ignored rather than refused, like the desk's filters.
 */
public record EngineeringFilter(EscalationStatus status, Severity severity, String category, String model,
                                String engineer, SortOrder sort, int page) {

    /** Most urgent first (severity, then the oldest escalation), or by time. */
    public enum SortOrder {
        SEVERITY(Sort.by("severity").ascending().and(Sort.by("escalatedAt").ascending())),
        OLDEST(Sort.by("escalatedAt").ascending()),
        NEWEST(Sort.by("escalatedAt").descending()),
        TICKET_AGE(Sort.by("ticketCreatedAt").ascending());

        private final Sort sort;

        SortOrder(Sort sort) {
            this.sort = sort.and(Sort.by("id").ascending());
        }

        public Sort sort() {
            return sort;
        }
    }

    public static EngineeringFilter of(String status, String severity, String category, String model,
                                       String engineer, String sort, Integer page) {
        EscalationStatus parsedStatus = EscalationStatus.OPEN;
        if ("all".equalsIgnoreCase(blankToNull(status))) {
            parsedStatus = null;
        } else if (blankToNull(status) != null) {
            parsedStatus = parse(EscalationStatus.class, status, EscalationStatus.OPEN);
        }
        return new EngineeringFilter(parsedStatus, parse(Severity.class, severity, null), blankToNull(category),
                blankToNull(model), blankToNull(engineer), parse(SortOrder.class, sort, SortOrder.SEVERITY),
                page == null || page < 0 ? 0 : page);
    }

    /** The view as a query string, with another page. */
    public String query(int otherPage) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance()
                .queryParam("status", status == null ? "all" : status.name());
        if (severity != null) {
            builder.queryParam("severity", severity.name());
        }
        if (category != null) {
            builder.queryParam("category", category);
        }
        if (model != null) {
            builder.queryParam("model", model);
        }
        if (engineer != null) {
            builder.queryParam("engineer", engineer);
        }
        builder.queryParam("sort", sort.name());
        if (otherPage > 0) {
            builder.queryParam("page", otherPage);
        }
        return builder.encode().build().getQuery();
    }

    public String statusValue() {
        return status == null ? "all" : status.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        String given = blankToNull(value);
        if (given == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
