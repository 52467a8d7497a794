package io.gatedesk.attachment;

import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Masks the credentials a browser's HAR export carries in its headers ({@code Authorization}, {@code x-api-key},
 * {@code api-key}, cookies), whatever their shape: a header value need not look like a key to be one. The whole text
 * then passes the secret guard like any other attachment.
 */
@Component
class HarMasker {

    static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key", "api-key",
            "x-goog-api-key", "openai-api-key", "anthropic-api-key", "cookie", "set-cookie");

    private final JsonMapper json;
    private final SecretGuard guard;

    HarMasker(JsonMapper json, SecretGuard guard) {
        this.json = json;
        this.guard = guard;
    }

    /** Thrown for a file named .har that is not a HAR document. */
    static final class MalformedHarException extends RuntimeException {
        MalformedHarException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The HAR with its secret headers masked, pretty-printed so it reads well on the ticket page. */
    String mask(String har, Collection<SecretFinding> findings) {
        JsonNode root;
        try {
            root = json.readTree(har);
        } catch (JacksonException malformed) {
            throw new MalformedHarException("not JSON", malformed);
        }
        JsonNode entries = root.path("log").path("entries");
        if (!entries.isArray()) {
            throw new MalformedHarException("no log.entries", null);
        }
        for (JsonNode entry : entries) {
            maskFields(entry.path("request").path("headers"), false, findings);
            maskFields(entry.path("response").path("headers"), false, findings);
            // Cookies are listed under their own names: every one of them is a secret.
            maskFields(entry.path("request").path("cookies"), true, findings);
            maskFields(entry.path("response").path("cookies"), true, findings);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private void maskFields(JsonNode headers, boolean all, Collection<SecretFinding> findings) {
        if (!headers.isArray()) {
            return;
        }
        for (JsonNode header : headers) {
            if (!(header instanceof ObjectNode field) || !field.path("value").isString()) {
                continue;
            }
            String name = field.path("name").asString("").toLowerCase(Locale.ROOT);
            if (all || SECRET_HEADERS.contains(name)) {
                field.put("value", maskValue(field.path("value").asString(), findings));
            }
        }
    }

    /** The guard's mask when it knows the shape, else the scheme word and the last four characters. */
    String maskValue(String value, Collection<SecretFinding> findings) {
        String redacted = guard.redactInto(value, findings);
        if (!redacted.equals(value) || value.isBlank()) {
            return redacted;
        }
        String trimmed = value.strip();
        int space = trimmed.indexOf(' ');
        String scheme = space > 0 && space < 16 ? trimmed.substring(0, space + 1) : "";
        String secret = trimmed.substring(scheme.length());
        return scheme + (secret.length() > 12 ? "…" + secret.substring(secret.length() - 4) : "…");
    }
}
