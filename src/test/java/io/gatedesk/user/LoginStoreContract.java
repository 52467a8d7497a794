package io.gatedesk.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the throttle counters, the audit and the session tables must do on every database GateDesk runs on. */
abstract class LoginStoreContract {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    LoginAudit audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void concurrentFailuresAreAllCountedAndLockTheAccount() throws Exception {
        String name = "c-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var calls = IntStream.range(0, 4).<Callable<Object>>mapToObj(i -> () ->
                    throttle.recordFailure(name, "192.0.2." + i)).toList();
            for (Future<Object> result : pool.invokeAll(calls)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT failures FROM login_throttle WHERE subject = ?", Integer.class,
                LoginThrottle.accountSubject(name))).isEqualTo(4);
        assertThat(throttle.waitFor(name, "198.51.100.1")).isEmpty();
        assertThat(throttle.recordFailure(name.toUpperCase(), "198.51.100.1")).contains(Duration.ofSeconds(60));
        assertThat(throttle.waitFor(name, "198.51.100.2")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60)));

        throttle.recordSuccess(name);
        assertThat(throttle.waitFor(name, "198.51.100.2")).isEmpty();
    }

    @Test
    void theAuditPagesNewestFirstAndFilters() {
        String address = "203.0.113." + (UUID.randomUUID().hashCode() & 0x7f);
        audit.record("admin", LoginAudit.Outcome.FAILURE, LoginAudit.Channel.FORM, address,
                LoginAudit.Detail.BAD_CREDENTIALS);
        audit.recordWait("ADMIN", LoginAudit.Outcome.LOCKOUT, LoginAudit.Channel.BASIC, address + "\r\nforged",
                Duration.ofSeconds(60));
        LoginAudit.Page page = audit.search("Admin", LoginAudit.Outcome.LOCKOUT, 0, 1);
        assertThat(page.entries()).hasSize(1);
        LoginAudit.Entry newest = page.entries().get(0);
        assertThat(newest.username()).isEqualTo("admin");
        assertThat(newest.clientAddress()).doesNotContain("\r", "\n");
        assertThat(newest.detailKey()).isEqualTo("audit.detail.WAIT");
        assertThat(newest.detailArgument()).isEqualTo("60");
        assertThat(audit.search("admin", null, 0, 1).hasNext()).isTrue();
    }

    @Test
    void sessionsAreStoredWithTheirAttributesAndFoundByUser() {
        String name = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String id = saveSession(sessions, name);
        assertThat(sessions.findByPrincipalName(name)).containsOnlyKeys(id);
        assertThat((Long) sessions.findById(id).getAttribute(UserSessions.LOGIN_AT)).isEqualTo(42L);
        sessions.deleteById(id);
        assertThat(sessions.findByPrincipalName(name)).isEmpty();
    }

    private static <S extends Session> String saveSession(FindByIndexNameSessionRepository<S> repository,
                                                          String principal) {
        S session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
        session.setAttribute(UserSessions.LOGIN_AT, 42L);
        repository.save(session);
        return session.getId();
    }
}
