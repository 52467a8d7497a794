package io.gatedesk.ticket.filing;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.SubmissionInFlightException;
import io.gatedesk.ticket.SubmissionKey;
import io.gatedesk.ticket.SubmissionKeyReusedException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.common.Hashing;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretKind;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The table of used submission keys (V21). A row holds hashes of the key and of the masked ticket, and the receipt
 * encrypted under a secret derived from the key: replaying the key with the same ticket gives back exactly what the
 * first submitter saw, a different ticket gets nothing, and a copy of the table reveals no follow link.
 */
@Component
class SubmissionKeys {

    private static final Logger log = LoggerFactory.getLogger(SubmissionKeys.class);
    private static final int IV_BYTES = 12;

    /** A used key: which ticket body it filed and, once filed, the ticket and its sealed receipt. */
    record Used(String bodyHash, Long ticketId, String sealedReceipt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    SubmissionKeys(JdbcTemplate jdbc, Clock clock,
                   @Value("${gatedesk.tickets.idempotency-key-ttl:24h}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    Optional<Used> find(SubmissionKey key) {
        return jdbc.query("SELECT body_hash, ticket_id, receipt FROM ticket_submission_keys WHERE key_hash = ?",
                (rs, row) -> new Used(rs.getString(1).trim(), (Long) rs.getObject(2, Long.class), rs.getString(3)),
                key.hash()).stream().findFirst();
    }

    /** Takes the key for this transaction; a second claim of the same key fails on the primary key. */
    void claim(SubmissionKey key, String bodyHash) {
        jdbc.update("INSERT INTO ticket_submission_keys (key_hash, body_hash, created_at) VALUES (?, ?, ?)",
                key.hash(), bodyHash, Timestamp.from(clock.instant()));
    }

    void filed(SubmissionKey key, TicketReceipt receipt) {
        jdbc.update("UPDATE ticket_submission_keys SET ticket_id = ?, receipt = ? WHERE key_hash = ?",
                receipt.id(), seal(key, receipt), key.hash());
    }

    /** The first submission's receipt, if {@code used} was filed with the same ticket body. */
    TicketReceipt replay(SubmissionKey key, Used used, String bodyHash) {
        if (!used.bodyHash().equals(bodyHash)) {
            throw new SubmissionKeyReusedException();
        }
        if (used.ticketId() == null || used.sealedReceipt() == null) {
            throw new SubmissionInFlightException();
        }
        return open(key, used.ticketId(), used.sealedReceipt());
    }

    /** Keys live for the TTL (24 h by default): long enough for any client's retries, short enough to stay small. */
    @Scheduled(cron = "${gatedesk.tickets.idempotency-key-purge-cron:0 41 * * * *}")
    @SchedulerLock(name = "ticket-submission-keys-purge", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void purgeExpired() {
        int purged = jdbc.update("DELETE FROM ticket_submission_keys WHERE created_at < ?",
                Timestamp.from(clock.instant().minus(ttl)));
        if (purged > 0) {
            log.info("Purged {} expired submission key(s)", purged);
        }
    }

    /** SHA-256 over each field of the masked ticket, length-prefixed so no two tickets share a text. */
    static String bodyHash(NewTicket ticket) {
        String canonical = Stream.of(ticket.subject(), ticket.description(), ticket.customerName(),
                        ticket.customerEmail(), ticket.client(), ticket.clientVersion(), ticket.baseUrl(), ticket.model(),
                        ticket.maskedKey(), String.join("\n", ticket.requestIds()), ticket.statusCode(),
                        ticket.errorMessage(), ticket.requestTime(), ticket.requestTimeZone(), ticket.stream(),
                        ticket.callerType())
                .map(value -> Objects.toString(value, "\u0000"))
                .map(value -> value.length() + ":" + value)
                .collect(Collectors.joining("|"));
        // Appended only when given, so a ticket without task IDs keeps the hash it had before they existed.
        if (!ticket.taskIds().isEmpty()) {
            String ids = String.join("\n", ticket.taskIds());
            canonical += "|" + ids.length() + ":" + ids;
        }
        return Hashing.sha256Hex(canonical);
    }

    private String seal(SubmissionKey key, TicketReceipt receipt) {
        StringBuilder plain = new StringBuilder(receipt.followToken());
        receipt.maskedSecrets().forEach(finding -> plain.append('\n').append(finding.kind()).append('|')
                .append(finding.masked()).append('|').append(finding.fingerprint()));
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.receiptSecret(), "AES"),
                    new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private TicketReceipt open(SubmissionKey key, long ticketId, String sealedReceipt) {
        String plain;
        try {
            byte[] sealed = Base64.getDecoder().decode(sealedReceipt);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.receiptSecret(), "AES"),
                    new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            plain = new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Only the right key opens it; the key hash matched, so this is a damaged row, not a guess.
            throw new SubmissionKeyReusedException();
        }
        String[] lines = plain.split("\n");
        List<SecretFinding> findings = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].split("\\|", 3);
            findings.add(new SecretFinding(SecretKind.valueOf(parts[0]), parts[1], parts[2]));
        }
        return new TicketReceipt(ticketId, TicketNumber.format(ticketId), lines[0], List.copyOf(findings));
    }
}
