package io.gatedesk.mail;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

interface OutboxRepository extends JpaRepository<OutboxMail, Long> {

    /** Pending mails whose time has come and claims whose lease ran out (their node died mid-send), oldest first. */
    @Query("select m from OutboxMail m where m.status in :statuses and m.nextAttemptAt <= :now order by m.nextAttemptAt")
    List<OutboxMail> findDue(@Param("statuses") Collection<OutboxStatus> statuses, @Param("now") Instant now,
                             Limit limit);

    /**
     * Takes a due mail for this node until {@code leaseEnd}. Counting the attempt is the claim's version check: of two
     * nodes that read the same row, only the first update matches {@code attempts}, so one node sends it.
     */
    @Transactional
    @Modifying
    @Query("update OutboxMail m set m.status = :sending, m.attempts = m.attempts + 1, m.nextAttemptAt = :leaseEnd"
            + " where m.id = :id and m.attempts = :attempts and m.status in :due and m.nextAttemptAt <= :now")
    int claim(@Param("id") long id, @Param("attempts") int attempts, @Param("now") Instant now,
              @Param("leaseEnd") Instant leaseEnd, @Param("sending") OutboxStatus sending,
              @Param("due") Collection<OutboxStatus> due);

    /** Sent: the bodies go, since a confirmation's holds the customer's private follow link. */
    @Transactional
    @Modifying
    @Query("update OutboxMail m set m.status = :sent, m.sentAt = :now, m.textBody = null, m.htmlBody = null,"
            + " m.lastError = null where m.id = :id")
    int markSent(@Param("id") long id, @Param("now") Instant now, @Param("sent") OutboxStatus sent);

    @Transactional
    @Modifying
    @Query("update OutboxMail m set m.status = :status, m.nextAttemptAt = :next, m.lastError = :error where m.id = :id")
    int markAttemptFailed(@Param("id") long id, @Param("status") OutboxStatus status, @Param("next") Instant next,
                          @Param("error") String error);

    /** Back in the queue, due now, with a fresh count of attempts; only a FAILED mail (its bodies are still there). */
    @Transactional
    @Modifying
    @Query("update OutboxMail m set m.status = :pending, m.attempts = 0, m.nextAttemptAt = :now"
            + " where m.id = :id and m.status = :failed")
    int resend(@Param("id") long id, @Param("now") Instant now, @Param("pending") OutboxStatus pending,
               @Param("failed") OutboxStatus failed);

    Page<OutboxMail> findByStatus(OutboxStatus status, Pageable pageable);

    List<OutboxMail> findByTicketIdOrderById(long ticketId);

    long countByStatus(OutboxStatus status);

    boolean existsByMessageId(String messageId);

    /** Mails that are done (sent, or failed and not resent) and older than {@code before}. */
    @Transactional
    @Modifying
    @Query("delete from OutboxMail m where m.createdAt < :before and m.status in :done")
    int purge(@Param("before") Instant before, @Param("done") Collection<OutboxStatus> done);

    @Query("select m.ticketId from OutboxMail m where m.messageId = :messageId")
    List<Long> ticketOfMessage(@Param("messageId") String messageId);

    @Query("select max(m.sentAt) from OutboxMail m where m.status = io.gatedesk.mail.OutboxStatus.SENT")
    Instant lastSentAt();

    OutboxMail findFirstByLastErrorIsNotNullOrderByNextAttemptAtDesc();
}
