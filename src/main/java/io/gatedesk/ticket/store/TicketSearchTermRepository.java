package io.gatedesk.ticket.store;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface TicketSearchTermRepository extends JpaRepository<TicketSearchTerm, TicketSearchTerm.Key> {

    /** Tickets that have no terms yet (filed before the terms existed), from {@code afterId} on, oldest first. */
    @Query("select t.id from Ticket t where t.id > :afterId and not exists "
            + "(select 1 from TicketSearchTerm s where s.key.ticketId = t.id) order by t.id")
    List<Long> findTicketsWithoutTerms(long afterId, org.springframework.data.domain.Limit limit);
}
