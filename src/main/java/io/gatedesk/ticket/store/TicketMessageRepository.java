package io.gatedesk.ticket.store;

import io.gatedesk.ticket.Visibility;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface TicketMessageRepository extends JpaRepository<TicketMessage, Long> {

    List<TicketMessage> findByTicketIdOrderByCreatedAtAscIdAsc(Long ticketId);

    List<TicketMessage> findByTicketIdInOrderByCreatedAtAscIdAsc(java.util.Collection<Long> ticketIds);

    List<TicketMessage> findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(Long ticketId, Visibility visibility);
}
