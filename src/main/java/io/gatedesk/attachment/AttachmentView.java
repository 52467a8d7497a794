package io.gatedesk.attachment;

import java.time.Instant;

/**
 * An attachment as a page or the API lists it, without its bytes.
 *
 * @param preview     the start of a text attachment, already masked; {@code null} for images and downloads
 * @param maskedCount how many secrets the guard masked in it before it was stored
 */
public record AttachmentView(long id, long ticketId, Long messageId, String fileName, String mediaType,
                             AttachmentKind kind, long size, int maskedCount, String uploadedBy, boolean fromCustomer,
                             boolean internal, Instant createdAt, String preview, boolean thumbnail) {

    /** The size as people read it: 812 B, 14.2 KB, 3.1 MB. */
    public String sizeLabel() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }

    public boolean image() {
        return kind == AttachmentKind.IMAGE;
    }

    public boolean text() {
        return kind == AttachmentKind.TEXT;
    }
}
