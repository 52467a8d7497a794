package io.gatedesk.workspace;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface SavedViewRepository extends JpaRepository<SavedView, Long> {

    /** The shared views and this agent's own, shared first, each group by name. */
    @Query("select v from SavedView v where v.ownerId is null or v.ownerId = :ownerId"
            + " order by case when v.ownerId is null then 0 else 1 end, v.name")
    List<SavedView> visibleTo(Long ownerId);
}
