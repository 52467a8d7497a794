package io.gatedesk.secret.family;

import java.util.zip.CRC32;

/** A check the issuer built into its keys; a body that fails it is a typo or an invention, not this family's key. */
@FunctionalInterface
public interface Checksum {

    boolean valid(String body);

    /**
     * GitHub tokens end in six base62 characters holding the CRC32 of the random part before them
     * (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/).
     */
    Checksum GITHUB_CRC32 = body -> body.length() > 6
            && body.endsWith(base62(crc32(body.substring(0, body.length() - 6)), 6));

    static long crc32(String text) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < text.length(); i++) {
            crc.update(text.charAt(i));
        }
        return crc.getValue();
    }

    /** {@code value} in base62 (digits, upper, lower), left-padded with {@code 0} to {@code width}. */
    static String base62(long value, int width) {
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] out = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = digits.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(out);
    }
}
