package io.gatedesk.cluster;

import io.gatedesk.support.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V45 through Spring Session's own repository on PostgreSQL: a request that only touches a session within a minute
 * of the last written touch writes nothing; an older touch, a new session id and a new attribute are all written.
 */
class PostgresSessionTouchTest {

    @Test
    void aTouchWithinAMinuteIsNotWrittenButEverythingElseIs() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(EmbeddedPostgres.newDatabase(), "postgres",
                "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // Spring Session's JdbcSession is not public: the repository is used through its interface, as the filter does.
        @SuppressWarnings("unchecked")
        SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>)
                new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        Instant start = Instant.now().minus(Duration.ofMinutes(5));
        Session session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofHours(1));
        session.setLastAccessedTime(start);
        sessions.save(session);
        String id = session.getId();
        assertThat(lastAccess(jdbc, id)).isEqualTo(start.toEpochMilli());

        Session again = sessions.findById(id);
        again.setLastAccessedTime(start.plusSeconds(20));
        sessions.save(again);
        assertThat(lastAccess(jdbc, id)).as("a touch 20 s later is skipped").isEqualTo(start.toEpochMilli());

        Session later = sessions.findById(id);
        later.setLastAccessedTime(start.plusSeconds(61));
        sessions.save(later);
        assertThat(lastAccess(jdbc, id)).as("a touch a minute later is written")
                .isEqualTo(start.plusSeconds(61).toEpochMilli());

        Session loggedIn = sessions.findById(id);
        loggedIn.setLastAccessedTime(start.plusSeconds(62));
        loggedIn.setAttribute("who", "agent");
        String newId = loggedIn.changeSessionId();
        sessions.save(loggedIn);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE session_id = ?", Integer.class,
                newId)).as("a new session id is written at once").isEqualTo(1);
        assertThat(sessions.findById(newId).<String>getAttribute("who")).isEqualTo("agent");
    }

    private static long lastAccess(JdbcTemplate jdbc, String sessionId) {
        return jdbc.queryForObject("SELECT last_access_time FROM spring_session WHERE session_id = ?", Long.class,
                sessionId);
    }
}
