package io.gatedesk.attachment;

import io.gatedesk.gatewaylog.RequestIdExtractor;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.TicketEvidenceChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public face of attachments: checks and stores the files customers and staff attach to tickets, and reads them
 * back for the pages and the API. A text file is masked by the secret guard (a HAR file's credential headers first)
 * before anything of it is stored; its lines that carry request IDs become evidence on the ticket.
 */
@Service
@Transactional(readOnly = true)
public class AttachmentService {

    static final int PREVIEW_CHARS = 20_000;
    static final int EVIDENCE_LINES = 50;
    static final int EVIDENCE_LINE_CHARS = 400;

    private final AttachmentStore store;
    private final SecretGuard guard;
    private final HarMasker har;
    private final MessageSource messages;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final AttachmentProperties limits;

    AttachmentService(AttachmentStore store, SecretGuard guard, HarMasker har, MessageSource messages,
                      ApplicationEventPublisher publisher, Clock clock, AttachmentProperties limits) {
        this.store = store;
        this.guard = guard;
        this.har = har;
        this.messages = messages;
        this.publisher = publisher;
        this.clock = clock;
        this.limits = limits;
    }

    public int maxFiles() {
        return limits.maxFiles();
    }

    public DataSize maxFileSize() {
        return limits.maxFileSize();
    }

    public List<AttachmentView> forStaff(long ticketId) {
        return store.list(ticketId, true);
    }

    /** What the customer may see: their own files and those sent with public replies. */
    public List<AttachmentView> forCustomer(long ticketId) {
        return store.list(ticketId, false);
    }

    Optional<AttachmentContent> content(long ticketId, long id, boolean staff) {
        return store.content(ticketId, id, staff);
    }

    Optional<byte[]> thumbnail(long ticketId, long id, boolean staff) {
        return store.thumbnail(ticketId, id, staff);
    }

    Map<Long, List<String>> evidenceTexts(Collection<Long> ticketIds) {
        return store.evidence(ticketIds);
    }

    String noFileMessage(Locale locale) {
        return message("attachment.error.none", locale);
    }

    /** Why these files cannot be attached, in the user's language; empty when they all can. */
    Optional<String> refusal(List<Upload> uploads, Locale locale) {
        if (uploads.size() > limits.maxFiles()) {
            return Optional.of(message("attachment.error.tooMany", locale, limits.maxFiles()));
        }
        for (Upload upload : uploads) {
            if (upload.size() == 0) {
                return Optional.of(message("attachment.error.empty", locale, upload.fileName()));
            }
            if (upload.size() > limits.maxFileSize().toBytes()) {
                return Optional.of(message("attachment.error.tooLarge", locale, upload.fileName(),
                        limits.maxFileSize().toMegabytes() + " MB"));
            }
            try {
                Prepared prepared = prepare(upload, new ArrayList<>());
                if (prepared == null) {
                    return Optional.of(message("attachment.error.refused", locale, upload.fileName(),
                            FileTypes.sniff(upload.bytes(), upload.fileName()).mediaType()));
                }
            } catch (HarMasker.MalformedHarException malformed) {
                return Optional.of(message("attachment.error.malformedHar", locale, upload.fileName()));
            } catch (UncheckedIOException unreadable) {
                return Optional.of(message("attachment.error.unreadable", locale, upload.fileName()));
            }
        }
        return Optional.empty();
    }

    /**
     * Stores the files; call {@link #refusal} first. The same file attached twice to one ticket (a form sent twice)
     * is kept once. Answers what the guard masked, so the page can tell the uploader to rotate the key.
     */
    @Transactional
    List<SecretFinding> attach(long ticketId, Long messageId, List<Upload> uploads, String uploader,
                               boolean fromCustomer, boolean internal) {
        List<SecretFinding> masked = new ArrayList<>();
        boolean evidence = false;
        for (Upload upload : uploads) {
            List<SecretFinding> findings = new ArrayList<>();
            Prepared prepared = prepare(upload, findings);
            if (prepared == null || store.holds(ticketId, prepared.sha256(), upload.fileName())) {
                continue;
            }
            store.insert(new AttachmentStore.NewAttachment(ticketId, messageId, upload.fileName(), prepared.mediaType(),
                    prepared.kind(), prepared.content(), prepared.sha256(), prepared.thumbnail(), prepared.preview(),
                    prepared.evidence(), SecretFinding.distinct(findings).size(), uploader, fromCustomer, internal,
                    clock.instant()));
            masked.addAll(findings);
            evidence |= prepared.evidence() != null;
        }
        if (evidence) {
            publisher.publishEvent(new TicketEvidenceChanged(ticketId, false));
        }
        return SecretFinding.distinct(masked);
    }

    /** What is stored for a file: masked text or the image's bytes; {@code null} for a refused file. */
    private record Prepared(String mediaType, AttachmentKind kind, byte[] content, String sha256, byte[] thumbnail,
                            String preview, String evidence) {
    }

    private Prepared prepare(Upload upload, List<SecretFinding> findings) {
        byte[] bytes = upload.bytes();
        FileTypes.Sniffed sniffed = FileTypes.sniff(bytes, upload.fileName());
        if (sniffed.refused()) {
            return null;
        }
        if (!sniffed.text()) {
            byte[] thumbnail = sniffed.kind() == AttachmentKind.IMAGE ? Thumbnails.of(bytes) : null;
            return new Prepared(sniffed.mediaType(), sniffed.kind(), bytes, sha256(bytes), thumbnail, null, null);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (FileTypes.looksLikeHar(upload.fileName(), sniffed.mediaType())) {
            text = har.mask(text, findings);
        }
        String masked = guard.redactInto(text, findings);
        byte[] content = masked.getBytes(StandardCharsets.UTF_8);
        String preview = sniffed.kind() == AttachmentKind.TEXT
                ? masked.substring(0, Math.min(masked.length(), PREVIEW_CHARS)) : null;
        return new Prepared(sniffed.mediaType(), sniffed.kind(), content, sha256(content), null, preview,
                evidenceLines(masked));
    }

    /** The lines that carry request IDs, found by the same extractor that reads ticket texts; {@code null} if none. */
    static String evidenceLines(String text) {
        StringBuilder lines = new StringBuilder();
        int kept = 0;
        for (String line : text.split("\\R")) {
            if (kept == EVIDENCE_LINES) {
                break;
            }
            String cut = line.length() > EVIDENCE_LINE_CHARS ? line.substring(0, EVIDENCE_LINE_CHARS) : line;
            if (!RequestIdExtractor.extract(cut).isEmpty()) {
                lines.append(cut.strip()).append('\n');
                kept++;
            }
        }
        return lines.isEmpty() ? null : lines.toString();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
