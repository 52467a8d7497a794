package io.gatedesk.ticket;

import java.util.List;

/**
 * What another feature knows about a ticket, as a heading and plain lines in the reader's language, for readers
 * outside GateDesk — the engineers' evidence bundle, pasted into an issue tracker. Lines carry no markup and never a
 * full key (contributors print masks only).
 */
public record EvidenceSection(String heading, List<String> lines) {

    public EvidenceSection {
        lines = List.copyOf(lines);
    }
}
