package io.gatedesk.ticket.store;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByFollowTokenHash(String followTokenHash);

    @Query("select t.id from Ticket t where t.category is null and t.createdAt >= :since and t.id > :afterId "
            + "order by t.id")
    List<Long> findUncategorizedSince(Instant since, long afterId, org.springframework.data.domain.Limit limit);

    // Bulk updates on purpose: derived values must not bump the version an agent's open form is checked against.
    // Native SQL because Hibernate re-translates a JPQL update on every execution (a tenth of a filing's CPU).
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE tickets SET checklist_progress = :progress WHERE id = :id", nativeQuery = true)
    int setChecklistProgress(long id, String progress);
}
