package io.gatedesk.triage;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketClassificationRepository extends JpaRepository<TicketClassification, Long> {
}
