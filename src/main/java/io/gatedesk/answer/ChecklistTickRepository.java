package io.gatedesk.answer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ChecklistTickRepository extends JpaRepository<ChecklistTick, ChecklistTick.Key> {

    List<ChecklistTick> findByTicketId(Long ticketId);
}
