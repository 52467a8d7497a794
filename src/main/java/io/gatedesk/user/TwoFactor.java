package io.gatedesk.user;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import io.gatedesk.user.LoginAudit.Channel;
import io.gatedesk.user.LoginAudit.Detail;
import io.gatedesk.user.LoginAudit.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional second factor for staff: a TOTP authenticator app (RFC 6238: SHA-1, 6 digits, 30 s) plus ten
 * one-use recovery codes (ASVS 5.0 V6.5). Set up from the user's own profile and on only once a first code confirms it; the secret
 * is shown during set-up only and stored encrypted ({@link TwoFactorKey}); recovery codes are stored salted and hashed like passwords. A code
 * is accepted one step either side of now, and each time step once, so an overheard code cannot be replayed.
 */
@Service
public class TwoFactor {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    static final int RECOVERY_CODES = 10;

    /** What a code typed at login turned out to be. */
    enum Check { TOTP, RECOVERY_CODE, WRONG }

    /** A set-up in progress: the secret (for typing in by hand) and the otpauth URI the QR image carries. */
    record Enrolment(String secret, String otpauthUri) {
    }

    /** Whether a staff member has the second factor on, and how many recovery codes are left. */
    public record Status(boolean enabled, boolean pending, Instant enabledAt, int recoveryCodesLeft) {
    }

    private final JdbcTemplate jdbc;
    private final UserAccountRepository accounts;
    private final TwoFactorKey key;
    private final LoginAudit audit;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String issuer;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    TwoFactor(JdbcTemplate jdbc, UserAccountRepository accounts, TwoFactorKey key, LoginAudit audit,
              PasswordEncoder passwords, Clock clock, @Value("${gatedesk.site.name:GateDesk}") String issuer) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.key = key;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
        this.issuer = issuer;
    }

    @Transactional(readOnly = true)
    public boolean isOn(String username) {
        Integer on = jdbc.queryForObject("SELECT COUNT(*) FROM staff_totp t JOIN users u ON u.id = t.user_id"
                + " WHERE LOWER(u.username) = LOWER(?) AND t.enabled = TRUE", Integer.class, username);
        return on != null && on > 0;
    }

    @Transactional(readOnly = true)
    public Status status(String username) {
        long userId = userId(username);
        List<Status> rows = jdbc.query("SELECT enabled, enabled_at FROM staff_totp WHERE user_id = ?",
                (rs, row) -> {
                    Timestamp at = rs.getTimestamp(2);
                    boolean on = rs.getBoolean(1);
                    return new Status(on, !on, at == null ? null : at.toInstant(), 0);
                }, userId);
        if (rows.isEmpty()) {
            return new Status(false, false, null, 0);
        }
        Integer left = jdbc.queryForObject(
                "SELECT COUNT(*) FROM staff_recovery_codes WHERE user_id = ? AND used_at IS NULL", Integer.class,
                userId);
        Status row = rows.get(0);
        return new Status(row.enabled(), row.pending(), row.enabledAt(), left == null ? 0 : left);
    }

    /** Changing the second factor needs the password again (ASVS 5.0 7.5.1), not just a session that is signed in. */
    @Transactional(readOnly = true)
    boolean passwordMatches(String username, String password) {
        return passwords.matches(password, accounts.findByUsernameIgnoreCase(username).orElseThrow().getPasswordHash());
    }

    /** Starts (or restarts) a set-up with a fresh secret; refused while the second factor is on. */
    @Transactional
    Enrolment start(String username) {
        long userId = userId(username);
        if (isOn(username)) {
            throw new IllegalStateException("Two-factor authentication is already on for " + username);
        }
        String secret = new DefaultSecretGenerator(32).generate();
        jdbc.update("DELETE FROM staff_totp WHERE user_id = ?", userId);
        jdbc.update("INSERT INTO staff_totp (user_id, secret_enc, enabled, last_step, created_at)"
                + " VALUES (?, ?, FALSE, 0, ?)", userId, key.encrypt(secret), Timestamp.from(clock.instant()));
        return new Enrolment(secret, qrData(username, secret).getUri());
    }

    /** The QR image of a set-up in progress; empty once the second factor is on (the secret is never shown again). */
    @Transactional(readOnly = true)
    Optional<byte[]> pendingQrPng(String username) {
        return pendingSecret(username).map(secret -> {
            try {
                return new ZxingPngQrGenerator().generate(qrData(username, secret));
            } catch (QrGenerationException e) {
                throw new IllegalStateException("Cannot draw the QR code", e);
            }
        });
    }

    /** The secret of a set-up in progress, for typing in by hand while the set-up page is open. */
    @Transactional(readOnly = true)
    Optional<String> pendingSecret(String username) {
        return jdbc.query("SELECT secret_enc FROM staff_totp WHERE user_id = ? AND enabled = FALSE",
                (rs, row) -> key.decrypt(rs.getString(1)), userId(username)).stream().findFirst();
    }

    /**
     * Turns the second factor on when {@code code} matches the set-up's secret, and returns the new recovery codes
     * (shown once, stored hashed); empty when the code is wrong or there is no set-up in progress.
     */
    @Transactional
    Optional<List<String>> confirm(String username, String code, String address) {
        long userId = userId(username);
        Optional<String> secret = pendingSecret(username);
        OptionalStep step = secret.map(s -> matchingStep(s, code, 0)).orElse(OptionalStep.NONE);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("UPDATE staff_totp SET enabled = TRUE, enabled_at = ?, last_step = ? WHERE user_id = ?",
                Timestamp.from(clock.instant()), step.value(), userId);
        List<String> recovery = newRecoveryCodes(userId);
        audit.record(username, Outcome.TWO_FACTOR_ON, Channel.FORM, address, null);
        return Optional.of(recovery);
    }

    /**
     * Checks a code typed at login: a TOTP code of a time step not used before, or an unused recovery code (which is
     * then used up). Nothing is written to the audit here; the login step does that with the outcome.
     */
    @Transactional
    Check check(String username, String typed) {
        long userId = userId(username);
        String code = typed == null ? "" : typed.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        List<Object[]> rows = jdbc.query("SELECT secret_enc, last_step FROM staff_totp"
                        + " WHERE user_id = ? AND enabled = TRUE FOR UPDATE",
                (rs, row) -> new Object[] {rs.getString(1), rs.getLong(2)}, userId);
        if (rows.isEmpty()) {
            return Check.WRONG;
        }
        if (code.matches("\\d{" + DIGITS + "}")) {
            OptionalStep step = matchingStep(key.decrypt((String) rows.get(0)[0]), code, (Long) rows.get(0)[1]);
            if (step.isEmpty()) {
                return Check.WRONG;
            }
            jdbc.update("UPDATE staff_totp SET last_step = ? WHERE user_id = ?", step.value(), userId);
            return Check.TOTP;
        }
        if (code.length() > 64) {
            return Check.WRONG;
        }
        // Salted hashes cannot be looked up: each unused code is compared (ten at most, and only on this rare path).
        List<Object[]> unused = jdbc.query("SELECT id, code_hash FROM staff_recovery_codes"
                + " WHERE user_id = ? AND used_at IS NULL", (rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)},
                userId);
        for (Object[] candidate : unused) {
            if (passwords.matches(code, (String) candidate[1])) {
                int used = jdbc.update("UPDATE staff_recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL",
                        Timestamp.from(clock.instant()), candidate[0]);
                return used > 0 ? Check.RECOVERY_CODE : Check.WRONG;
            }
        }
        return Check.WRONG;
    }

    /** The user turns it off themselves; their current password proves it is them and not a borrowed session. */
    @Transactional
    boolean disable(String username, String currentPassword, String address) {
        UserAccount account = accounts.findByUsernameIgnoreCase(username).orElseThrow();
        if (!passwordMatches(username, currentPassword)) {
            return false;
        }
        remove(account.getId());
        audit.record(account.getUsername(), Outcome.TWO_FACTOR_OFF, Channel.FORM, address, null);
        return true;
    }

    /** An admin resets a colleague's second factor (a lost phone); the colleague can set it up again. */
    @Transactional
    public void reset(long userId, String adminUsername, String address) {
        UserAccount account = accounts.findById(userId)
                .orElseThrow(() -> new UserService.UnknownStaffMemberException(userId));
        remove(userId);
        audit.record(account.getUsername(), Outcome.TWO_FACTOR_RESET, Channel.FORM, address, Detail.BY,
                adminUsername);
    }

    private void remove(long userId) {
        jdbc.update("DELETE FROM staff_recovery_codes WHERE user_id = ?", userId);
        jdbc.update("DELETE FROM staff_totp WHERE user_id = ?", userId);
    }

    private List<String> newRecoveryCodes(long userId) {
        List<String> fresh = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        jdbc.update("DELETE FROM staff_recovery_codes WHERE user_id = ?", userId);
        jdbc.batchUpdate("INSERT INTO staff_recovery_codes (user_id, code_hash) VALUES (?, ?)",
                fresh.stream().map(c -> new Object[] {userId, passwords.encode(c.toLowerCase(Locale.ROOT))})
                        .toList());
        return fresh;
    }

    /** The time step (now, one before or one after) whose code is {@code code}, if it is later than {@code after}. */
    private OptionalStep matchingStep(String secret, String code, long after) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return OptionalStep.NONE;
        }
        byte[] typed = code.strip().getBytes(StandardCharsets.US_ASCII);
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                boolean same = MessageDigest.isEqual(typed,
                        codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII));
                if (same && step > after) {
                    return new OptionalStep(step);
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException("Cannot compute a TOTP code", e);
            }
        }
        return OptionalStep.NONE;
    }

    private QrData qrData(String username, String secret) {
        return new QrData.Builder().label(username).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
    }

    private long userId(String username) {
        return accounts.findByUsernameIgnoreCase(username).orElseThrow().getId();
    }

    /** A time step, or none (-1): a primitive-friendly Optional. */
    private record OptionalStep(long value) {
        static final OptionalStep NONE = new OptionalStep(-1);

        boolean isEmpty() {
            return value < 0;
        }
    }
}
