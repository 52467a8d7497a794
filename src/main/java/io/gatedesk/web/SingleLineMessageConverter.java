package io.gatedesk.web;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.gatedesk.secret.MaskingMessageConverter;

/**
 * Logback's {@code %m} masked by the secret guard and kept on one line: a CR, LF or other line break that a customer
 * typed into a subject, a log import or a header is written as {@code \r}, {@code \n}, {@code \u2028}, so no text
 * from outside can start a forged log line. Stack traces ({@code %wEx}) stay multi-line, as every reader expects.
 */
public class SingleLineMessageConverter extends MaskingMessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escapeLineBreaks(super.convert(event));
    }

    static String escapeLineBreaks(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder escaped = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            String replacement = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' -> String.format("\\u%04x", (int) c);
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(message.length() + 16).append(message, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? message : escaped.toString();
    }
}
