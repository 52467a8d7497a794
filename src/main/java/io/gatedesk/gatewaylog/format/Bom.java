package io.gatedesk.gatewaylog.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Opens inputs as buffered, mark-capable readers without a leading byte-order mark. */
final class Bom {

    static final int PEEK_CHARS = 64 * 1024;

    private Bom() {
    }

    static BufferedReader open(InputStream in) throws IOException {
        return skip(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static BufferedReader skip(Reader reader) throws IOException {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 64 * 1024);
        buffered.mark(1);
        int first = buffered.read();
        if (first != '\uFEFF') {
            buffered.reset();
        }
        return buffered;
    }

    /** Up to {@code max} characters from the current position, leaving the reader where it was. */
    static String peek(BufferedReader reader, int max) throws IOException {
        reader.mark(max + 1);
        char[] head = new char[max];
        int total = 0;
        while (total < max) {
            int n = reader.read(head, total, max - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        reader.reset();
        return new String(head, 0, total);
    }
}
