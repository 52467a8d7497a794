package io.gatedesk.gatewaylog.format;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines ({@code \n}, {@code \r\n} or a lone {@code \r}) with their numbers, refusing to hold a line
 * longer than {@code maxLineChars}: a 200 MB file without line breaks must not end up in one string.
 */
final class LineReader {

    /** Marks a line that was longer than the limit; its content has been discarded. */
    static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int maxLineChars;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean firstRead = true;

    LineReader(Reader in, int maxLineChars) {
        this.in = in;
        this.maxLineChars = maxLineChars;
    }

    /** Number of the line last returned by {@link #readLine()}, 1-based. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, {@link #TOO_LONG} for an oversized one, {@code null} at the end. */
    String readLine() throws IOException {
        StringBuilder line = null;
        boolean tooLong = false;
        while (true) {
            if (position >= limit && !fill()) {
                if (line == null && !tooLong) {
                    return null;
                }
                lineNumber++;
                return tooLong ? TOO_LONG : line.toString();
            }
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == '\n' || c == '\r') {
                    String result = append(line, start, position, tooLong);
                    position++;
                    if (c == '\r') {
                        if (position >= limit) {
                            fill();
                        }
                        if (position < limit && buffer[position] == '\n') {
                            position++;
                        }
                    }
                    lineNumber++;
                    return result;
                }
                position++;
            }
            if (!tooLong) {
                if (line == null) {
                    line = new StringBuilder(Math.max(80, position - start));
                }
                line.append(buffer, start, position - start);
                if (line.length() > maxLineChars) {
                    tooLong = true;
                    line = new StringBuilder(0);
                }
            }
        }
    }

    private String append(StringBuilder line, int start, int end, boolean tooLong) {
        if (tooLong) {
            return TOO_LONG;
        }
        if (line == null) {
            return end - start > maxLineChars ? TOO_LONG : new String(buffer, start, end - start);
        }
        if (line.length() + (end - start) > maxLineChars) {
            return TOO_LONG;
        }
        return line.append(buffer, start, end - start).toString();
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        if (firstRead) {
            firstRead = false;
            // A UTF-8 byte-order mark decodes to U+FEFF; spreadsheet exports start with one.
            if (buffer[0] == '\uFEFF') {
                position = 1;
            }
        }
        return true;
    }
}
