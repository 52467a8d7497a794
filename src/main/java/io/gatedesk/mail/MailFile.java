package io.gatedesk.mail;

import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * A file attached to an incoming mail, read whole (the mailbox's size limit bounds it), handed to the attachment
 * feature in the shape the form's uploads have, so a mailed log passes the same checks and the same secret guard.
 * The declared content type is kept only as a hint: the attachment feature sniffs the bytes.
 */
final class MailFile implements MultipartFile {

    private final String fileName;
    private final String declaredType;
    private final byte[] content;

    MailFile(String fileName, String declaredType, byte[] content) {
        this.fileName = fileName;
        this.declaredType = declaredType;
        this.content = content.clone();
    }

    String fileName() {
        return fileName;
    }

    @Override
    public String getName() {
        return "files";
    }

    @Override
    public String getOriginalFilename() {
        return fileName;
    }

    @Override
    public String getContentType() {
        return declaredType;
    }

    @Override
    public boolean isEmpty() {
        return content.length == 0;
    }

    @Override
    public long getSize() {
        return content.length;
    }

    @Override
    public byte[] getBytes() {
        return content.clone();
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public void transferTo(File destination) throws IOException {
        Files.write(destination.toPath(), content);
    }
}
