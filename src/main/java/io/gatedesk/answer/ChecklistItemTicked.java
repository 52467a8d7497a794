package io.gatedesk.answer;

/** An agent ticked an item of a category's checklist done; {@code category} names the checklist. */
public record ChecklistItemTicked(String category, String itemKey, String language, long ticketId) {
}
