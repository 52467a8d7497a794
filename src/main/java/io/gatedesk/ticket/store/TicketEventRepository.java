package io.gatedesk.ticket.store;

import io.gatedesk.ticket.TicketAction;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface TicketEventRepository extends JpaRepository<TicketEvent, Long> {

    List<TicketEvent> findByTicketIdOrderByCreatedAtAscIdAsc(Long ticketId);

    List<TicketEvent> findByTicketIdInOrderByCreatedAtAscIdAsc(java.util.Collection<Long> ticketIds);

    boolean existsByTicketIdAndAction(Long ticketId, TicketAction action);
}
