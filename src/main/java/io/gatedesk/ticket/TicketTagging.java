package io.gatedesk.ticket;

import java.util.List;

/** Tags to add to and remove from tickets, already normalised with {@link Tag#normalise}. */
public record TicketTagging(List<String> add, List<String> remove) {

    public static final TicketTagging NONE = new TicketTagging(List.of(), List.of());

    public TicketTagging {
        add = add == null ? List.of() : List.copyOf(add);
        remove = remove == null ? List.of() : List.copyOf(remove);
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty();
    }
}
