package io.gatedesk.cluster;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A critical section that waits across nodes, where a {@code synchronized} method only waits within one: a row lock
 * on the section's row of {@code cluster_mutex} (V33), held until the caller's transaction ends. A node that dies
 * while holding it loses its connection, its transaction rolls back and the lock is gone with it.
 */
@Component
public class ClusterMutex {

    /** Two tickets classified on two nodes at once must not both open an incident for one pattern. */
    public static final String INCIDENT_DETECTION = "incident-detection";

    private final JdbcTemplate jdbc;

    ClusterMutex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction, on any node, holds {@code section}, then holds it until this one ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(String section) {
        jdbc.queryForObject("SELECT name FROM cluster_mutex WHERE name = ? FOR UPDATE", String.class, section);
    }
}
