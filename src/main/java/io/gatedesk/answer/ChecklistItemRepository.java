package io.gatedesk.answer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface ChecklistItemRepository extends JpaRepository<ChecklistItem, Long> {

    Optional<ChecklistItem> findByKey(String key);

    List<ChecklistItem> findByCategoryAndActiveTrueOrderByPositionAsc(String category);
}
