package io.gatedesk.attachment;

import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One file as it arrived: its name (path and control characters stripped) and its size; bytes read on demand. */
record Upload(String fileName, long size, MultipartFile part) {

    static final int MAX_NAME = 200;

    /** The files a form really sent: a file input left empty still sends one nameless, empty part. */
    static List<Upload> of(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if ((name == null || name.isBlank()) && file.isEmpty()) {
                continue;
            }
            uploads.add(new Upload(cleanName(name), file.getSize(), file));
        }
        return uploads;
    }

    byte[] bytes() {
        try {
            return part.getBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static String cleanName(String name) {
        if (name == null) {
            return "attachment";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        if (clean.length() > MAX_NAME) {
            clean = clean.substring(clean.length() - MAX_NAME);
        }
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? "attachment" : clean;
    }
}
