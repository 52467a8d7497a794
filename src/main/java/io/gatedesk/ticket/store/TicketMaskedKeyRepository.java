package io.gatedesk.ticket.store;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface TicketMaskedKeyRepository extends JpaRepository<TicketMaskedKey, Long> {

    List<TicketMaskedKey> findByTicketIdOrderByIdAsc(Long ticketId);

    List<TicketMaskedKey> findByTicketIdInOrderByIdAsc(java.util.Collection<Long> ticketIds);
}
