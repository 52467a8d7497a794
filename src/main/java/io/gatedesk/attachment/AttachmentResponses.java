package io.gatedesk.attachment;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * Serves stored files so that a browser can never run one: images as themselves, texts as plain text, everything a
 * browser would render (HTML, SVG, XML, PDF) only as a download; never sniffed, sandboxed, not cached by proxies.
 */
final class AttachmentResponses {

    private AttachmentResponses() {
    }

    static ResponseEntity<byte[]> file(AttachmentContent file, boolean download) {
        MediaType type = switch (file.kind()) {
            case IMAGE -> MediaType.parseMediaType(file.mediaType());
            case TEXT -> new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
            case DOWNLOAD -> MediaType.APPLICATION_OCTET_STREAM;
        };
        boolean inline = !download && file.kind() != AttachmentKind.DOWNLOAD;
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return headers(ResponseEntity.ok().contentType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(file.bytes());
    }

    static ResponseEntity<byte[]> thumbnail(byte[] png) {
        return headers(ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)).body(png);
    }

    private static ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder builder) {
        return builder.header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate());
    }
}
