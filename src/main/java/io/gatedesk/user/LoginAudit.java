package io.gatedesk.user;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The login audit: every login success, failure, lockout, refusal while locked out, and logout, with who, when and
 * from which address. It never holds a password: a user name is kept only when it names an account, because people
 * type their password into the user name field often enough.
 */
@Service
public class LoginAudit {

    public enum Outcome { SUCCESS, FAILURE, LOCKOUT, THROTTLED, LOGOUT, TWO_FACTOR_ON, TWO_FACTOR_OFF, TWO_FACTOR_RESET }

    public enum Channel { FORM, BASIC, TOKEN, INGEST }

    /** Why an attempt failed or how long it waits; stored as a code, shown in the reader's language. */
    public enum Detail {
        BAD_CREDENTIALS, DISABLED, UNKNOWN_USER, INVALID_TOKEN, WAIT,
        /** The second step of a login: an authenticator code, a recovery code, or a wrong code. */
        TOTP, RECOVERY_CODE, WRONG_CODE,
        /** HTTP Basic for an account with a second factor: refused, a personal token is the way in. */
        SECOND_FACTOR_REQUIRED,
        /** Done by another account (an admin), named in the argument. */
        BY
    }

    public record Entry(long id, Instant occurredAt, String username, Outcome outcome, Channel channel,
                        String clientAddress, String detail) {

        /** The message key of the detail ({@code audit.detail.WAIT}), or null when there is none. */
        public String detailKey() {
            return detail == null ? null : "audit.detail." + detail.replaceFirst(":.*", "");
        }

        /** The seconds of a {@code WAIT:60} detail, else null. */
        public String detailArgument() {
            return detail != null && detail.contains(":") ? detail.substring(detail.indexOf(':') + 1) : null;
        }
    }

    public record Page(List<Entry> entries, int page, int size, boolean hasNext) {
    }

    private final JdbcTemplate jdbc;
    private final UserAccountRepository accounts;
    private final Clock clock;

    LoginAudit(JdbcTemplate jdbc, UserAccountRepository accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Writes one entry in a transaction of its own, so that an attempt that fails still leaves its trace.
     * {@code typedUsername} is what was typed or sent; it is recorded in its stored spelling when it names an account.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String typedUsername, Outcome outcome, Channel channel, String clientAddress, Detail detail) {
        write(typedUsername, outcome, channel, clientAddress, detail == null ? null : detail.name());
    }

    /** An entry whose detail carries an argument, such as the admin who did it ({@code BY:admin}). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String typedUsername, Outcome outcome, Channel channel, String clientAddress, Detail detail,
                       String argument) {
        write(typedUsername, outcome, channel, clientAddress, detail.name() + ":" + argument);
    }

    /** An entry for a lockout or a refusal while locked out, with the wait it announced. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordWait(String typedUsername, Outcome outcome, Channel channel, String clientAddress,
                           java.time.Duration wait) {
        write(typedUsername, outcome, channel, clientAddress, Detail.WAIT.name() + ":" + wait.toSeconds());
    }

    private void write(String typedUsername, Outcome outcome, Channel channel, String clientAddress, String detail) {
        String username = typedUsername == null || typedUsername.isBlank() || typedUsername.length() > 64 ? null
                : accounts.findByUsernameIgnoreCase(typedUsername.strip()).map(UserAccount::getUsername).orElse(null);
        String note = detail;
        if (username == null && typedUsername != null && !typedUsername.isBlank() && note == null) {
            note = Detail.UNKNOWN_USER.name();
        } else if (username == null && typedUsername != null && !typedUsername.isBlank()
                && Detail.BAD_CREDENTIALS.name().equals(note)) {
            note = Detail.UNKNOWN_USER.name();
        }
        jdbc.update("INSERT INTO login_audit (occurred_at, username, outcome, channel, client_address, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), username, outcome.name(),
                channel.name(), clip(clientAddress, 64), clip(note, 200));
    }

    /** Newest first, optionally for one user name (any case) and one outcome. */
    @Transactional(readOnly = true)
    public Page search(String username, Outcome outcome, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, username, outcome, channel, client_address, detail"
                + " FROM login_audit WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            sql.append(" AND LOWER(username) = LOWER(?)");
            args.add(username.strip());
        }
        if (outcome != null) {
            sql.append(" AND outcome = ?");
            args.add(outcome.name());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?");
        args.add(size + 1);
        args.add((long) Math.max(0, page) * size);
        List<Entry> rows = jdbc.query(sql.toString(), (rs, row) -> new Entry(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), Outcome.valueOf(rs.getString(4)),
                Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)), args.toArray());
        boolean hasNext = rows.size() > size;
        return new Page(hasNext ? rows.subList(0, size) : rows, Math.max(0, page), size, hasNext);
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        // Control characters would let a crafted value forge lines wherever the audit is printed.
        String clean = value.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
