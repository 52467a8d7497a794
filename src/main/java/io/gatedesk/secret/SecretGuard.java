package io.gatedesk.secret;

import io.gatedesk.secret.family.KeyText;

import java.util.Collection;

/**
 * The one place every piece of inbound text passes before it is validated, stored or logged.
 * Whatever looks like a full credential is replaced by its masked identifier.
 */
public interface SecretGuard {

    /** Masks every secret in {@code text}; {@code null} stays {@code null}. Idempotent. */
    Redaction redact(String text);

    /** Masks {@code text} and adds what was masked to {@code findings}; for callers that mask many fields at once. */
    default String redactInto(String text, Collection<SecretFinding> findings) {
        if (text == null) {
            return null;
        }
        Redaction redaction = redact(text);
        findings.addAll(redaction.findings());
        return redaction.text();
    }

    /**
     * Whether {@code value} is a mask this guard could have produced and nothing in it is a secret: one ellipsis, with
     * a prefix and at most four key characters before it and at most four after ({@code sk-abcd…wxyz}, {@code …53}),
     * and no other word longer than a mask's visible part (a PEM mask keeps its short armour lines). For masks that
     * arrive from a client, such as the findings the public form reports after masking a pasted key in the browser:
     * a forged "mask" that carries a key is refused, never recorded.
     */
    default boolean isMask(String value) {
        if (value == null || value.length() > 200 || value.indexOf(KeyText.ELLIPSIS) < 0
                || value.indexOf(KeyText.ELLIPSIS) != value.lastIndexOf(KeyText.ELLIPSIS)) {
            return false;
        }
        // A key in JSON (a service-account file) keeps its line breaks escaped: they separate words too.
        for (String word : value.replace("\\n", " ").strip().split("\\s+")) {
            int ellipsis = word.indexOf(KeyText.ELLIPSIS);
            boolean fits = ellipsis < 0 ? word.length() <= MaskField.LONGEST_VISIBLE
                    : ellipsis <= LONGEST_MASK_HEAD && word.length() - ellipsis - 1 <= LONGEST_MASK_TAIL;
            if (!fits) {
                return false;
            }
        }
        return redact(value).findings().isEmpty();
    }

    /** The longest family prefix ({@code sk-ant-api03-}, {@code sk-svcacct-}) and four key characters, with room. */
    int LONGEST_MASK_HEAD = 24;
    int LONGEST_MASK_TAIL = 8;

    /**
     * Guards a field meant for a masked key (the ticket form's and {@code POST /api/v1/tickets}' {@code maskedKey}):
     * it holds only a mask. Whatever is longer than a mask's visible characters, a full key of any shape included,
     * is masked, so the field never stores or shows a full key.
     */
    default String redactMaskFieldInto(String value, Collection<SecretFinding> findings) {
        return MaskField.guard(redactInto(value, findings), findings);
    }
}
