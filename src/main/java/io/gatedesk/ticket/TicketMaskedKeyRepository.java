package io.gatedesk.ticket;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface TicketMaskedKeyRepository extends JpaRepository<TicketMaskedKey, Long> {

    List<TicketMaskedKey> findByTicketIdOrderByIdAsc(Long ticketId);

    List<TicketMaskedKey> findByTicketIdInOrderByIdAsc(java.util.Collection<Long> ticketIds);
}
