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

    // Native: Hibernate never caches the SQL of a JPQL query with a list parameter and translated this one again on
    // every queue page (it marks the page's rows), a third of its cost; a native query is only expanded.
    @Query(nativeQuery = true, value = "select ticket_id from escalations where ticket_id in (:ticketIds)"
            + " and status = 'HANDED_BACK' and findings_read_at is null")
    List<Long> withUnreadFindings(Collection<Long> ticketIds);

    @Query("select distinct e.model from Escalation e where e.model is not null order by e.model")
    List<String> models();
}
