package io.gatedesk.ticket;

/** How many tickets of the current queue view carry a category code ({@code null}: not classified yet). */
public record CategoryCount(String category, long count) {

    /** The queue filter's value for tickets not classified yet. */
    public static final String NONE = "none";

    /** The category as the queue filter names it: the code, or {@link #NONE} while the ticket is not classified. */
    public static String filterValue(String category) {
        return category == null ? NONE : category;
    }

    public String filterValue() {
        return filterValue(category);
    }
}
