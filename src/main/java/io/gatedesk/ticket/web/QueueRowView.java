package io.gatedesk.ticket.web;

import java.util.List;

/**
 * A queue row as the page shows it, every label already in the reader's language. Built by {@link QueueRowViews}
 * so that the template only prints values: evaluating a dozen expressions and message lookups per row in the
 * template was most of a queue page's cost. The CSS classes and the "show the meta line" decision are here too, so a
 * cell is one plain read instead of a concatenation or a condition of several reads (25 rows of them per page).
 *
 * @param category the category code, or {@code none} while the ticket is not classified
 * @param slaWorst the worst running SLA state, for the row's styling
 * @param slaChip the running SLA clock nearest to (or furthest past) its due time, or {@code null}: one chip per row
 * @param awaitingReply the customer answered and no staff reply followed yet
 * @param marks badges other features put on the row (see {@link QueueRowMarker}), as labels
 * @param pick the bulk bar's value for the row: {@code id:version}, so a bulk action skips a ticket changed since
 * @param rowClass the row's classes: its worst SLA state, and {@code awaiting-reply} when {@code awaitingReply}
 * @param meta whether the row shows its meta line (status code, model or checklist progress)
 * @param checklistShown whether there is checklist progress to show ({@code checklist} is "—" otherwise)
 */
public record QueueRowView(String number, String href, String subject, Integer statusCode, String model,
                           String customerName, String status, String statusLabel, String category,
                           String categoryLabel, String priority, String checklist, String slaWorst,
                           List<SlaCell> sla, String assignee, String updated, SlaCell slaChip, String updatedAgo,
                           boolean awaitingReply, List<String> marks, String pick, List<TagChip> tags,
                           String rowClass, String statusClass, String categoryClass, String priorityClass,
                           boolean meta, boolean checklistShown) {

    /** A tag on the row: its name, its chip colour ({@code #rrggbb}) and the queue filtered by it. */
    public record TagChip(String name, String colour, String href) {
    }

    /**
     * The page's links that carry the whole view: the poll for changes, the export and the pager (previous and next,
     * {@code null} where there is no such page, each with the bare address htmx asks for the fragment).
     */
    public record ViewLinks(String changes, String export, String previous, String previousFragment, String next,
                            String nextFragment) {
    }

    /** One choice of a filter's drop-down: its value, its label in the reader's language, whether the view has it. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** One link of the category bar above the queue: the view with this category picked. */
    public record CategoryLink(String category, String label, long count, String href, boolean selected) {
    }

    /**
     * One running SLA clock: its name, its state (for styling), the time left or overdue, and when it is due; as a
     * chip, its classes and its title (name and due time).
     */
    public record SlaCell(String label, String state, String text, String due, String chipClass, String title) {

        SlaCell(String label, String state, String text, String due) {
            this(label, state, text, due, "sla-chip sla-" + state, label + " · " + due);
        }
    }
}
