package io.gatedesk.ticket;

import java.util.Optional;

/**
 * The view an agent's queue opens with when the address names none, from a feature that knows (saved views). The
 * ticket feature asks without knowing that feature; with no implementation the queue opens on its plain defaults.
 */
public interface QueueDefaults {

    /** The queue's query string for this staff member's default view, if they chose one. */
    Optional<String> defaultQuery(long userId);
}
