package io.gatedesk.secret;

import java.util.Collection;

import io.gatedesk.secret.family.KeyText;

/**
 * What is left of a masked-key field after the scanner: every run of key characters long enough to be more than a
 * mask's visible part ({@code sk-abcd}, {@code wxyz}), and not next to a mask ({@code …}, {@code ***}, {@code ...}),
 * is a key the scanner could not name, so it is masked too.
 */
final class MaskField {

    /** Longer than the longest visible part of a mask (a prefix and four characters, or eight characters). */
    static final int LONGEST_VISIBLE = 11;

    private MaskField() {
    }

    static String guard(String value, Collection<SecretFinding> findings) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        int written = 0;
        int i = 0;
        while (i < value.length()) {
            if (!isRunChar(value.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < value.length() && isRunChar(value.charAt(end))) {
                end++;
            }
            String run = value.substring(i, end);
            boolean nextToMask = i > 0 && isMaskChar(value.charAt(i - 1)) || end < value.length() && isMaskChar(value.charAt(end))
                    || run.contains("..");
            if (run.length() > LONGEST_VISIBLE && !nextToMask) {
                String masked = KeyText.mask(run);
                out = out == null ? new StringBuilder(value.length()) : out;
                out.append(value, written, i).append(masked);
                written = end;
                findings.add(new SecretFinding(SecretKind.KEY_IN_MASK_FIELD, masked, SecretScanner.fingerprint(run)));
            }
            i = end;
        }
        return out == null ? value : out.append(value, written, value.length()).toString();
    }

    private static boolean isRunChar(char c) {
        return KeyText.isKeyChar(c) || c == '.' || c == '+' || c == '/' || c == '=' || c == ':';
    }

    private static boolean isMaskChar(char c) {
        return c == KeyText.ELLIPSIS || c == '*';
    }
}
