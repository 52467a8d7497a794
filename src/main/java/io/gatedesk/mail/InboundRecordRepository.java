package io.gatedesk.mail;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;

interface InboundRecordRepository extends JpaRepository<InboundRecord, Long> {

    boolean existsByMessageId(String messageId);

    long countBySenderIgnoreCaseAndReceivedAtAfterAndOutcomeIn(String sender, Instant after,
                                                                Collection<InboundOutcome> outcomes);

    Page<InboundRecord> findByOutcome(InboundOutcome outcome, Pageable pageable);

    long countByOutcome(InboundOutcome outcome);

    @Transactional
    @Modifying
    @Query("delete from InboundRecord r where r.receivedAt < :before")
    int purge(@Param("before") Instant before);
}
