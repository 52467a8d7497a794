package io.gatedesk.ticket;

/**
 * The agent's queue view. {@code status} is a {@link TicketStatus} name, {@code active} (the default) or {@code all};
 * {@code assignee} is a staff id, {@code me} or {@code none}; {@code category} is a triage category code or
 * {@code none} (not classified yet); {@code sla} is {@code soon} (a clock due within the warning threshold) or
 * {@code breached}.
 */
public record QueueFilter(String status, Priority priority, String assignee, String q, QueueSort sort, Integer page,
                          String category, String sla) {

    public QueueFilter {
        status = status == null || status.isBlank() ? "active" : status;
        assignee = assignee == null || assignee.isBlank() ? null : assignee;
        q = q == null || q.isBlank() ? null : q.trim();
        sort = sort == null ? QueueSort.UPDATED_DESC : sort;
        page = page == null ? 0 : Math.max(0, page);
        category = category == null || category.isBlank() ? null : category.strip();
        sla = "soon".equals(sla) || "breached".equals(sla) ? sla : null;
    }

    public QueueFilter(String status, Priority priority, String assignee, String q, QueueSort sort, Integer page) {
        this(status, priority, assignee, q, sort, page, null, null);
    }

    public static QueueFilter defaults() {
        return new QueueFilter(null, null, null, null, null, 0);
    }

    public QueueFilter withPage(int newPage) {
        return new QueueFilter(status, priority, assignee, q, sort, newPage, category, sla);
    }

    public QueueFilter withCategory(String newCategory) {
        return new QueueFilter(status, priority, assignee, q, sort, 0, newCategory, sla);
    }
}
