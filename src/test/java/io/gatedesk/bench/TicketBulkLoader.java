package io.gatedesk.bench;

import io.gatedesk.common.Hashing;
import io.gatedesk.demo.TicketGenerator;
import io.gatedesk.demo.TicketGenerator.GeneratedTicket;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.NewTicket;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Writes generated tickets straight into PostgreSQL with JDBC batches: the rows {@code TicketService.submit} writes
 * for a new ticket (the ticket in status NEW with the caller-type priority, a SHA-256 follow-token hash, the locale,
 * and its CREATED audit event), with the category triage infers for the generator's problem family, as the ticket
 * would have a moment after filing. On the shared 2-core machine the service filed 125 tickets/s (100 000 would take over
 * 13 minutes), this loader about 4 800/s. Only for benchmarks: if the
 * service changes what a new ticket is, this class must follow (the {@code service} seed mode checks the real path).
 */
final class TicketBulkLoader {

    private static final String INSERT = """
            INSERT INTO tickets (subject, description, customer_name, customer_email, client, client_version, base_url,
                model, masked_key, request_ids, status_code, error_message, request_time, request_time_zone, stream,
                caller_type, status, priority, assignee_id, follow_token_hash, locale, created_at, updated_at, version,
                category)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, NULL, ?, ?, ?, ?, 0, ?)""";

    private final DataSource dataSource;

    TicketBulkLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Loads {@code count} tickets created over the {@code spreadSeconds} before now, oldest first. */
    void load(int count, long seed, long spreadSeconds) throws SQLException {
        TicketGenerator generator = new TicketGenerator(seed, Instant.now());
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long firstId;
            try (Statement statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT coalesce(max(id), 0) FROM tickets")) {
                result.next();
                firstId = result.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < count; i++) {
                    GeneratedTicket generated = generator.next();
                    NewTicket ticket = generated.ticket();
                    Instant created = now.minusMillis((count - i) * spreadSeconds * 1000 / count);
                    int p = 1;
                    insert.setString(p++, ticket.subject());
                    insert.setString(p++, ticket.description());
                    insert.setString(p++, ticket.customerName());
                    insert.setString(p++, ticket.customerEmail());
                    insert.setString(p++, ticket.client() == null ? null : ticket.client().name());
                    insert.setString(p++, ticket.clientVersion());
                    insert.setString(p++, ticket.baseUrl());
                    insert.setString(p++, ticket.model());
                    insert.setString(p++, ticket.maskedKey());
                    insert.setString(p++, ticket.requestIds().isEmpty() ? null : String.join("\n", ticket.requestIds()));
                    if (ticket.statusCode() == null) {
                        insert.setNull(p++, Types.INTEGER);
                    } else {
                        insert.setInt(p++, ticket.statusCode());
                    }
                    insert.setString(p++, ticket.errorMessage());
                    insert.setObject(p++, ticket.requestTime().atZone(ZoneId.of(ticket.requestTimeZone()))
                            .toOffsetDateTime());
                    insert.setString(p++, ticket.requestTimeZone());
                    insert.setObject(p++, ticket.stream(), Types.BOOLEAN);
                    insert.setString(p++, ticket.callerType() == null ? null : ticket.callerType().name());
                    insert.setString(p++, priorityFor(ticket.callerType()));
                    insert.setString(p++, Hashing.sha256Hex(Hashing.randomToken(32)));
                    insert.setString(p++, generated.locale().toLanguageTag());
                    insert.setTimestamp(p++, Timestamp.from(created));
                    insert.setTimestamp(p++, Timestamp.from(created));
                    insert.setString(p, categoryOf(generated.family()));
                    insert.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        insert.executeBatch();
                    }
                    if ((i + 1) % 20_000 == 0) {
                        connection.commit();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement events = connection.prepareStatement("""
                    INSERT INTO ticket_events (ticket_id, actor_type, actor_name, action, detail, created_at)
                    SELECT id, 'CUSTOMER', customer_name, 'CREATED', NULL, created_at FROM tickets WHERE id > ?""")) {
                events.setLong(1, firstId);
                events.executeUpdate();
            }
            // The typed masked key as TicketService records it, so the queue search by a key's last four finds it.
            try (PreparedStatement keys = connection.prepareStatement("""
                    INSERT INTO ticket_masked_keys (ticket_id, prefix, head, tail, masked, created_at)
                    SELECT id, 'sk-', '', regexp_replace(masked_key, '^.*[*.…]', ''), masked_key, created_at FROM tickets
                    WHERE id > ? AND masked_key IS NOT NULL""")) {
                keys.setLong(1, firstId);
                keys.executeUpdate();
            }
            connection.commit();
        }
    }

    /** The category each problem family is written to show (what the seed rules infer for most of its tickets). */
    private static String categoryOf(io.gatedesk.demo.ProblemFamily family) {
        return switch (family) {
            case INVALID_TOKEN -> "INVALID_KEY";
            case QUOTA_EXHAUSTED -> "INSUFFICIENT_QUOTA";
            case RATE_LIMITED -> "RATE_LIMITED";
            case MODEL_NOT_AVAILABLE -> "MODEL_NOT_AVAILABLE";
            case DOUBLED_V1, HTML_INSTEAD_OF_JSON -> "WRONG_BASE_URL";
            case UPSTREAM_TIMEOUT -> "UPSTREAM_TIMEOUT";
            case STREAM_CUT_OFF -> "STREAM_INTERRUPTED";
            case CONTEXT_LENGTH_EXCEEDED -> "CONTEXT_LENGTH";
        };
    }

    /** As {@code TicketService.suggestedPriority}: production P2, high-cost P3, test and personal P4, unknown P3. */
    private static String priorityFor(CallerType callerType) {
        if (callerType == null) {
            return "P3";
        }
        return switch (callerType) {
            case PRODUCTION -> "P2";
            case HIGH_COST -> "P3";
            case TEST, PERSONAL -> "P4";
        };
    }
}
