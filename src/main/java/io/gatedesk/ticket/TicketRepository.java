package io.gatedesk.ticket;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByFollowTokenHash(String followTokenHash);

    // Bulk updates on purpose: derived values must not bump the version an agent's open form is checked against.
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Ticket t set t.category = :category where t.id = :id")
    int setCategory(long id, String category);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Ticket t set t.checklistProgress = :progress where t.id = :id")
    int setChecklistProgress(long id, String progress);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Ticket t set t.priority = :priority where t.id = :id and t.prioritySetByHand = false")
    int suggestPriority(long id, Priority priority);
}
