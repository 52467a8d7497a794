package io.gatedesk.escalation;

import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.ClientApp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A curl that repeats the customer's failing call: the URL their client actually called (its base URL as the client
 * treats it, see reference/gateway-errors.md), the endpoint, the model and the stream flag, with a minimal body. The
 * key is always {@code $GATEWAY_API_KEY}: nothing that is or looks like a key, masked or not, is ever put in.
 */
final class ReproductionCommand {

    static final String KEY_VARIABLE = "$GATEWAY_API_KEY";
    static final String BASE_VARIABLE = "$GATEWAY_BASE_URL";
    private static final String CHAT = "/chat/completions";
    private static final List<String> ENDPOINTS = List.of("/chat/completions", "/completions", "/embeddings",
            "/images/generations", "/audio/speech", "/audio/transcriptions", "/responses", "/messages", "/models",
            "/moderations", "/rerank");
    private static final Pattern VERSIONED = Pattern.compile("/v\\d+(/|$)");

    private ReproductionCommand() {
    }

    /**
     * @param requestPath the path a matched gateway log row recorded (such as {@code /v1/embeddings}), which names
     *                    the endpoint better than a guess; may be {@code null}
     */
    static String of(ClientApp client, String baseUrl, String model, Boolean stream, String requestPath,
                     SecretGuard guard) {
        String endpoint = endpoint(requestPath);
        String url = url(client, baseUrl, endpoint, guard);
        String quotedUrl = url == null ? "\"" + BASE_VARIABLE + "/v1" + endpoint + "\"" : quote(url);
        String safeModel = model == null || model.isBlank() || looksSecret(model, guard) ? "MODEL" : model.strip();
        boolean streaming = Boolean.TRUE.equals(stream);
        String body = endpoint.equals("/embeddings")
                ? "{\"model\": \"" + json(safeModel) + "\", \"input\": \"ping\"}"
                : "{\"model\": \"" + json(safeModel) + "\", \"messages\": [{\"role\": \"user\", \"content\": \"ping\"}], "
                + "\"stream\": " + streaming + "}";
        return "curl -sS" + (streaming ? "N" : "") + " " + quotedUrl + " \\\n"
                + "  -H \"Authorization: Bearer " + KEY_VARIABLE + "\" \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d " + quote(body);
    }

    private static String endpoint(String requestPath) {
        if (requestPath != null) {
            String path = requestPath.split("\\?", 2)[0];
            for (String endpoint : ENDPOINTS) {
                if (path.endsWith(endpoint)) {
                    return endpoint;
                }
            }
        }
        return CHAT;
    }

    /** The URL the client called, or {@code null} when the ticket has no usable base URL. */
    static String url(ClientApp client, String baseUrl, String endpoint, SecretGuard guard) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        String written = baseUrl.strip();
        boolean asWritten = client == ClientApp.CHERRY_STUDIO && written.endsWith("#");
        URI uri;
        try {
            uri = new URI(written.contains("://") ? written : "https://" + written);
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getHost() == null) {
            return null;
        }
        // Query, fragment and user-info are left out: that is where keys ride along (?key=…, https://user:key@host).
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String base = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (looksSecret(path, guard)) {
            path = "/v1";
        }
        String full = base + path;
        if (asWritten) {
            return full;
        }
        return switch (client == null ? ClientApp.OTHER : client) {
            case CURL -> endsWithEndpoint(path) ? full : full + endpoint;
            case NEXTCHAT -> full + "/v1" + endpoint;
            case CHERRY_STUDIO -> VERSIONED.matcher(path).find() ? full + endpoint : full + "/v1" + endpoint;
            default -> full + endpoint;
        };
    }

    private static boolean endsWithEndpoint(String path) {
        return ENDPOINTS.stream().anyMatch(path::endsWith);
    }

    private static boolean looksSecret(String text, SecretGuard guard) {
        return !MaskedKeyParser.findAll(text).isEmpty() || !guard.redact(text).text().equals(text)
                || text.contains("…") || text.contains("***");
    }

    /** One shell word in single quotes, a quote inside written as '\''. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
