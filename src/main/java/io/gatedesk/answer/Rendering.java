package io.gatedesk.answer;

import java.util.List;

/**
 * An answer filled in for one ticket. {@code text} is plain text (the reply as the customer will read it); it is
 * only sendable when {@code unresolved} is empty: the placeholders, in order of first use, that are unknown or have
 * no value for this ticket.
 */
public record Rendering(String text, List<String> unresolved) {

    public boolean complete() {
        return unresolved.isEmpty();
    }
}
