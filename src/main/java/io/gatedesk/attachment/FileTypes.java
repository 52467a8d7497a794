package io.gatedesk.attachment;

import org.apache.tika.Tika;

import java.util.Locale;
import java.util.Set;

/**
 * Sniffs what a file is from its bytes (and its name, as Tika weighs it), never from the type the browser sent, and
 * decides how GateDesk may keep it. Executables, scripts and archives are refused: an archive's texts would escape the
 * secret guard.
 */
final class FileTypes {

    private static final Tika TIKA = new Tika();

    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");
    /** Texts a browser would render or run: guarded like any text, served only as downloads. */
    private static final Set<String> ACTIVE_TEXTS = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "application/xml", "text/xml");
    private static final Set<String> OTHER_TEXTS = Set.of("application/json", "application/x-ndjson",
            "application/x-yaml", "application/yaml", "application/x-har");
    private static final Set<String> SCRIPTS = Set.of("text/javascript", "application/javascript",
            "text/x-python", "application/x-sh", "application/x-csh", "text/x-perl", "application/x-bat",
            "text/x-vbscript", "application/x-powershell");
    private static final Set<String> DOWNLOADS = Set.of("application/pdf");

    private FileTypes() {
    }

    /** What a file is and how it may be kept; {@code kind} is {@code null} for a refused file. */
    record Sniffed(String mediaType, AttachmentKind kind, boolean text) {
        boolean refused() {
            return kind == null;
        }
    }

    static Sniffed sniff(byte[] bytes, String fileName) {
        String type = TIKA.detect(bytes, fileName).toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).strip();
        }
        if (IMAGES.contains(type)) {
            return new Sniffed(type, AttachmentKind.IMAGE, false);
        }
        if (ACTIVE_TEXTS.contains(type)) {
            return new Sniffed(type, AttachmentKind.DOWNLOAD, true);
        }
        if (SCRIPTS.contains(type)) {
            return new Sniffed(type, null, false);
        }
        if (type.startsWith("text/") || OTHER_TEXTS.contains(type)) {
            return new Sniffed(type, AttachmentKind.TEXT, true);
        }
        if (DOWNLOADS.contains(type)) {
            return new Sniffed(type, AttachmentKind.DOWNLOAD, false);
        }
        return new Sniffed(type, null, false);
    }

    /** A HAR file by name, or JSON that is one by shape (checked when it is parsed). */
    static boolean looksLikeHar(String fileName, String mediaType) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".har") || "application/x-har".equals(mediaType);
    }
}
