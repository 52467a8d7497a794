package io.gatedesk.escalation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface EscalationRepository extends JpaRepository<Escalation, Long>, JpaSpecificationExecutor<Escalation> {

    List<Escalation> findByTicketIdOrderByRoundAsc(long ticketId);

    Optional<Escalation> findFirstByTicketIdOrderByRoundDesc(long ticketId);

    @Query("select e.ticketId from Escalation e where e.ticketId in :ticketIds and e.status = 'HANDED_BACK'"
            + " and e.findingsReadAt is null")
    List<Long> withUnreadFindings(Collection<Long> ticketIds);

    @Query("select distinct e.model from Escalation e where e.model is not null order by e.model")
    List<String> models();
}
