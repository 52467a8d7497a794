package io.gatedesk.gatewaylog.ingest;

import io.gatedesk.common.Hashing;
import io.gatedesk.gatewaylog.IngestTokens;
import io.gatedesk.gatewaylog.store.LogEntryStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Tokens a gateway uses to push log lines ({@code Authorization: Bearer gdi_…}). The raw token is shown once when it is
 * created; only its SHA-256 is stored. A revoked token stops working at once.
 */
@Service
@Transactional(readOnly = true)
class IngestTokenService implements IngestTokens {

    static final int MAX_NAME = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IngestTokenService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record IngestTokenView(long id, String name, String last4, String createdBy, Instant createdAt,
                                  Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    public record IssuedIngestToken(IngestTokenView token, String rawToken) {
    }

    @Override
    public boolean anyIssued() {
        return !all().isEmpty();
    }

    public List<IngestTokenView> all() {
        return jdbc.query("SELECT * FROM ingest_tokens ORDER BY created_at DESC, id DESC", (rs, n) -> new IngestTokenView(
                rs.getLong("id"), rs.getString("name"), rs.getString("last4"), rs.getString("created_by"),
                LogEntryStore.instant(rs.getObject("created_at", OffsetDateTime.class)),
                LogEntryStore.instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                LogEntryStore.instant(rs.getObject("revoked_at", OffsetDateTime.class))));
    }

    @Transactional
    public IssuedIngestToken issue(String name, String createdBy) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new IllegalArgumentException("token name");
        }
        String raw = TOKEN_PREFIX + Hashing.randomToken(32);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO ingest_tokens (name, token_hash, last4, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                label, Hashing.sha256Hex(raw), raw.substring(raw.length() - 4), createdBy, LogEntryStore.utc(now));
        IngestTokenView view = all().stream().filter(t -> t.last4().equals(raw.substring(raw.length() - 4))
                && t.name().equals(label)).findFirst().orElseThrow();
        return new IssuedIngestToken(view, raw);
    }

    @Transactional
    public void revoke(long id) {
        jdbc.update("UPDATE ingest_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                LogEntryStore.utc(clock.instant()), id);
    }

    @Override
    @Transactional
    public Optional<String> authenticate(String rawToken) {
        if (rawToken == null || !rawToken.startsWith(TOKEN_PREFIX) || rawToken.length() > 100) {
            return Optional.empty();
        }
        String hash = Hashing.sha256Hex(rawToken);
        List<String> names = jdbc.queryForList("SELECT name FROM ingest_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                String.class, hash);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("UPDATE ingest_tokens SET last_used_at = ? WHERE token_hash = ?", LogEntryStore.utc(clock.instant()),
                hash);
        return Optional.of(names.get(0));
    }
}
