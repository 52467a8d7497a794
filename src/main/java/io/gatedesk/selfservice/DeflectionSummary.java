package io.gatedesk.selfservice;

import java.time.Duration;
import java.util.List;

/**
 * Deflection counts over the last {@code days} days. An episode ended without a ticket when no ticket was filed in
 * the same browser session within {@code window} of its last check; API episodes cannot be linked and are only counted.
 */
public record DeflectionSummary(int days, Duration window, List<Row> rows) {

    public record Row(DeflectionKind kind, DeflectionChannel channel, long episodes, long checks, long withTicket,
                      long open, long endedWithoutTicket, long endedWithoutTicketAfterOkCheck) {

        public boolean linkable() {
            return channel.linkable();
        }
    }
}
