package io.gatedesk.attachment;

import io.gatedesk.ticket.TicketMerged;
import io.gatedesk.ticket.TicketSplit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Files follow their messages when tickets are merged or a message is split off, in the same transaction. */
@Component
class MergedTicketFiles {

    private final AttachmentStore store;

    MergedTicketFiles(AttachmentStore store) {
        this.store = store;
    }

    @EventListener
    void merged(TicketMerged merged) {
        store.moveAll(merged.fromId(), merged.intoId());
    }

    @EventListener
    void split(TicketSplit split) {
        store.moveMessageFiles(split.fromId(), split.messageId(), split.newId());
    }
}
