package io.gatedesk.triage;

import io.gatedesk.secret.Redaction;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;

/**
 * The classifier as a public JSON API: what category an error falls in, how sure, and why. The raw body passes the
 * secret guard before it is parsed, so a pasted key is neither read into a field, nor logged, nor echoed back.
 */
@RestController
class DiagnoseApiController {

    static final int MAX_BODY_CHARS = 100_000;

    private final TriageService triage;
    private final SecretGuard secretGuard;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    DiagnoseApiController(TriageService triage, SecretGuard secretGuard, MessageSource messages) {
        this.triage = triage;
        this.secretGuard = secretGuard;
        this.messages = messages;
    }

    @PostMapping("/api/v1/diagnose")
    ResponseEntity<?> diagnose(@RequestBody(required = false) String body, Locale locale) {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE", "diagnose.tooLarge", locale, MAX_BODY_CHARS);
        }
        Redaction redaction = secretGuard.redact(body == null || body.isBlank() ? "{}" : body);
        DiagnoseRequest request;
        try {
            request = json.readValue(redaction.text(), DiagnoseRequest.class);
        } catch (JacksonException e) {
            return error(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "api.malformed", locale);
        }
        if (request == null) {
            request = new DiagnoseRequest(null, null, null, null, null, null);
        }
        Classification result = triage.classify(new TriageInput(request.statusCode(), request.errorMessage(),
                request.text(), request.client(), request.baseUrl(), request.model(), List.of()));
        ErrorCategory category = result.category();
        return ResponseEntity.ok(new Diagnosis(category.name(),
                messages.getMessage(category.nameKey(), null, locale),
                messages.getMessage(category.descriptionKey(), null, locale),
                result.confidence(), result.reasons(),
                redaction.findings().stream().map(f -> new MaskedSecret(f.kind().name(), f.masked(), f.fingerprint()))
                        .distinct().toList()));
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String code, String key, Locale locale, Object... args) {
        return ResponseEntity.status(status).body(ApiError.of(code, messages.getMessage(key, args, locale)));
    }

    record DiagnoseRequest(Integer statusCode, String errorMessage, String text, String client, String baseUrl,
                           String model) {
    }

    /** {@code maskedSecrets}: keys found in the body, masked; the caller should treat them as exposed. */
    record Diagnosis(String category, String categoryName, String categoryDescription, double confidence,
                     List<Reason> reasons, List<MaskedSecret> maskedSecrets) {
    }

    record MaskedSecret(String kind, String masked, String fingerprint) {
    }
}
