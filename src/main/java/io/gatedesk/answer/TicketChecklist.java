package io.gatedesk.answer;

import java.util.List;

/** A ticket's checklist for its category, with what is done. */
public record TicketChecklist(String category, List<Item> items) {

    public long done() {
        return items.stream().filter(Item::done).count();
    }

    public int total() {
        return items.size();
    }

    /** "done/total" as the queue shows it; {@code null} for a category without a checklist. */
    public String progress() {
        return items.isEmpty() ? null : done() + "/" + total();
    }

    public record Item(long id, String key, String text, boolean done, String changedBy) {
    }
}
