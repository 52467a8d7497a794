package io.gatedesk.selfservice;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface DeflectionEpisodeRepository extends JpaRepository<DeflectionEpisode, Long> {

    Optional<DeflectionEpisode> findByEpisodeKey(String episodeKey);

    /** Per kind and channel since {@code since}: episodes, with a ticket, still open, ended without one and ok. */
    @Query("""
            SELECT e.kind, e.channel, count(e),
                   sum(CASE WHEN e.ticketFiledAt IS NOT NULL THEN 1 ELSE 0 END),
                   sum(CASE WHEN e.ticketFiledAt IS NULL AND e.lastCheckAt >= :openAfter THEN 1 ELSE 0 END),
                   sum(CASE WHEN e.ticketFiledAt IS NULL AND e.lastCheckAt < :openAfter AND e.lastOk = TRUE
                            THEN 1 ELSE 0 END),
                   sum(e.checks)
            FROM DeflectionEpisode e
            WHERE e.startedAt >= :since
            GROUP BY e.kind, e.channel""")
    List<Object[]> summarize(Instant since, Instant openAfter);
}
