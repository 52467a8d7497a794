package io.gatedesk.attachment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attachments in the database ({@code bytea} on PostgreSQL, {@code VARBINARY} on H2): one backup holds the whole
 * desk, and every node of a multi-node desk serves every file. Lists never read the bytes.
 */
@Repository
class AttachmentStore {

    private static final String VIEW_COLUMNS = "id, ticket_id, message_id, file_name, media_type, kind, size_bytes,"
            + " masked_count, uploaded_by, from_customer, internal, created_at, preview, thumbnail IS NOT NULL AS thumb";

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewAttachment(long ticketId, Long messageId, String fileName, String mediaType, AttachmentKind kind,
                         byte[] content, String sha256, byte[] thumbnail, String preview, String evidence,
                         int maskedCount, String uploadedBy, boolean fromCustomer, boolean internal,
                         Instant createdAt) {
    }

    boolean holds(long ticketId, String sha256, String fileName) {
        return jdbc.sql("SELECT COUNT(*) FROM attachments WHERE ticket_id = ? AND sha256 = ? AND file_name = ?")
                .params(ticketId, sha256, fileName).query(Long.class).single() > 0;
    }

    void insert(NewAttachment a) {
        jdbc.sql("INSERT INTO attachments (ticket_id, message_id, file_name, media_type, kind, size_bytes, sha256,"
                        + " content, thumbnail, preview, evidence, masked_count, uploaded_by, from_customer, internal,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.ticketId(), a.messageId(), a.fileName(), a.mediaType(), a.kind().name(), a.content().length,
                        a.sha256(), a.content(), a.thumbnail(), a.preview(), a.evidence(), a.maskedCount(),
                        a.uploadedBy(), a.fromCustomer(), a.internal(), a.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Re-points every file of ticket {@code fromId} to {@code intoId}; their messages moved there too. */
    int moveAll(long fromId, long intoId) {
        return jdbc.sql("UPDATE attachments SET ticket_id = ? WHERE ticket_id = ?").params(intoId, fromId).update();
    }

    /** Re-points the files that came with one message to a new ticket, where they open the thread. */
    int moveMessageFiles(long fromId, long messageId, long intoId) {
        return jdbc.sql("UPDATE attachments SET ticket_id = ?, message_id = NULL WHERE ticket_id = ? AND message_id = ?")
                .params(intoId, fromId, messageId).update();
    }

    List<AttachmentView> list(long ticketId, boolean withInternal) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM attachments WHERE ticket_id = ?"
                        + (withInternal ? "" : " AND internal = FALSE") + " ORDER BY created_at, id")
                .param(ticketId).query(AttachmentStore::view).list();
    }

    Optional<AttachmentContent> content(long ticketId, long id, boolean withInternal) {
        return jdbc.sql("SELECT file_name, media_type, kind, content FROM attachments WHERE id = ? AND ticket_id = ?"
                        + (withInternal ? "" : " AND internal = FALSE"))
                .params(id, ticketId)
                .query((rs, n) -> new AttachmentContent(rs.getString("file_name"), rs.getString("media_type"),
                        AttachmentKind.valueOf(rs.getString("kind")), rs.getBytes("content")))
                .optional();
    }

    Optional<byte[]> thumbnail(long ticketId, long id, boolean withInternal) {
        return jdbc.sql("SELECT thumbnail FROM attachments WHERE id = ? AND ticket_id = ? AND thumbnail IS NOT NULL"
                        + (withInternal ? "" : " AND internal = FALSE"))
                .params(id, ticketId).query((rs, n) -> rs.getBytes("thumbnail")).optional();
    }

    Map<Long, List<String>> evidence(Collection<Long> ticketIds) {
        Map<Long, List<String>> texts = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return texts;
        }
        jdbc.sql("SELECT ticket_id, evidence FROM attachments WHERE evidence IS NOT NULL AND ticket_id IN (:ids)"
                        + " ORDER BY created_at, id")
                .param("ids", ticketIds)
                .query(rs -> {
                    texts.computeIfAbsent(rs.getLong("ticket_id"), id -> new ArrayList<>()).add(rs.getString("evidence"));
                });
        return texts;
    }

    private static AttachmentView view(ResultSet rs, int n) throws SQLException {
        return new AttachmentView(rs.getLong("id"), rs.getLong("ticket_id"), rs.getObject("message_id", Long.class),
                rs.getString("file_name"), rs.getString("media_type"), AttachmentKind.valueOf(rs.getString("kind")),
                rs.getLong("size_bytes"), rs.getInt("masked_count"), rs.getString("uploaded_by"),
                rs.getBoolean("from_customer"), rs.getBoolean("internal"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("preview"),
                rs.getBoolean("thumb"));
    }
}
