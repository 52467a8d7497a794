package io.gatedesk.user;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Counts failed logins per account and per client address in the database, so that every node sees the same counts,
 * and says how long a subject must wait. A lock refuses even the right password until it ends; it is short at first
 * (60 s by default) and doubles with each further failure while the count stands, so a guesser slows to a crawl while
 * the real user waits a minute.
 */
@Service
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final LoginProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, LoginProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long attempts for this user name, or from this address, must still wait; empty when they may go ahead. */
    @Transactional(readOnly = true)
    public Optional<Duration> waitFor(String username, String address) {
        List<String> subjects = subjects(username, address);
        if (subjects.isEmpty()) {
            return Optional.empty();
        }
        String in = String.join(",", subjects.stream().map(subject -> "?").toList());
        List<Timestamp> locks = jdbc.queryForList("SELECT locked_until FROM login_throttle WHERE locked_until IS NOT NULL"
                + " AND subject IN (" + in + ")", Timestamp.class, subjects.toArray());
        Instant now = clock.instant();
        return locks.stream().map(Timestamp::toInstant).filter(now::isBefore).max(Instant::compareTo)
                .map(until -> roundUp(Duration.between(now, until)));
    }

    /**
     * Counts a failed attempt against the user name (if any) and the address; returns the wait it starts when it
     * locks either of them.
     */
    @Transactional
    public Optional<Duration> recordFailure(String username, String address) {
        Optional<Duration> longest = Optional.empty();
        String account = accountSubject(username);
        if (account != null) {
            longest = longer(longest, fail(account, properties.maxFailures()));
        }
        String client = addressSubject(address);
        if (client != null) {
            longest = longer(longest, fail(client, properties.addressMaxFailures()));
        }
        return longest;
    }

    /** A successful login clears the account's count and lock history; the address keeps its count. */
    @Transactional
    public void recordSuccess(String username) {
        String account = accountSubject(username);
        if (account != null) {
            jdbc.update("DELETE FROM login_throttle WHERE subject = ?", account);
        }
    }

    /** Once an hour on one node of the cluster (a void method: ShedLock cannot skip one that returns a count). */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 3_600_000)
    @SchedulerLock(name = "login-throttle-forget", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
    public void forgetQuietOnSchedule() {
        forgetQuiet();
    }

    /** Forgets subjects quiet for longer than a window and the longest lock: nothing of them counts any more. */
    @Transactional
    public int forgetQuiet() {
        Instant cutoff = clock.instant().minus(properties.window()).minus(properties.maxLockout());
        return jdbc.update("DELETE FROM login_throttle WHERE updated_at < ?", Timestamp.from(cutoff));
    }

    private Optional<Duration> fail(String subject, int maxFailures) {
        Instant now = clock.instant();
        Timestamp stamp = Timestamp.from(now);
        jdbc.update("INSERT INTO login_throttle (subject, failures, window_start, lockouts, updated_at)"
                + " VALUES (?, 0, ?, 0, ?) ON CONFLICT DO NOTHING", subject, stamp, stamp);
        // The row lock makes concurrent failures on several nodes count one after the other.
        Counter counter = jdbc.queryForObject("SELECT failures, window_start, lockouts, updated_at FROM login_throttle"
                        + " WHERE subject = ? FOR UPDATE",
                (rs, row) -> new Counter(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        rs.getTimestamp(4).toInstant()), subject);
        Counter next = counter.afterFailure(now, properties.window());
        Instant lockedUntil = null;
        int lockouts = next.lockouts();
        if (next.failures() >= maxFailures) {
            lockouts++;
            lockedUntil = now.plus(properties.lockout(lockouts));
        }
        jdbc.update("UPDATE login_throttle SET failures = ?, window_start = ?, lockouts = ?, locked_until = ?,"
                        + " updated_at = ? WHERE subject = ?", next.failures(), Timestamp.from(next.windowStart()),
                lockouts, lockedUntil == null ? null : Timestamp.from(lockedUntil), stamp, subject);
        return Optional.ofNullable(lockedUntil).map(until -> Duration.between(now, until));
    }

    record Counter(int failures, Instant windowStart, int lockouts, Instant lastFailure) {

        /**
         * A whole window without failures forgets everything. A window that ran out starts the count again only if
         * it never locked: once locked, every failure until a quiet window locks again, so a guesser at the cap
         * gets one guess per lock.
         */
        Counter afterFailure(Instant now, Duration window) {
            if (failures > 0 && lastFailure.plus(window).isBefore(now)) {
                return new Counter(1, now, 0, now);
            }
            if (lockouts == 0 && windowStart.plus(window).isBefore(now)) {
                return new Counter(1, now, 0, now);
            }
            return new Counter(failures + 1, windowStart, lockouts, now);
        }
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static Duration roundUp(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private static List<String> subjects(String username, String address) {
        return Stream.of(accountSubject(username), addressSubject(address)).filter(s -> s != null).toList();
    }

    /** User names are matched case-insensitively at login, so "Admin" and "admin" share one count. */
    static String accountSubject(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > 150 ? name.substring(0, 150) : name);
    }

    static String addressSubject(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return "address:" + (address.length() > 64 ? address.substring(0, 64) : address);
    }
}
