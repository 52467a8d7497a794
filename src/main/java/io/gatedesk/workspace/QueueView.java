package io.gatedesk.workspace;

/**
 * A view as the sidebar and the API list it.
 *
 * @param ref      {@code mine}, {@code unassigned}, … for a built-in; {@code view:12} for a saved one
 * @param name     the saved name; for a built-in, {@code null} ({@code nameKey} names it in the reader's language)
 * @param query    the queue's query string for the view ({@code /desk?<query>})
 * @param count    tickets in the view now (shared for a few seconds between agents)
 * @param shared   seen by every agent: the built-ins and the views admins shared
 * @param editable the reader may delete it: their own views, and shared ones for admins
 */
public record QueueView(String ref, String name, String nameKey, String query, long count, boolean shared,
                        boolean editable, boolean isDefault) {
}
