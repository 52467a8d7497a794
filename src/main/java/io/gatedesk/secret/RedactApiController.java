package io.gatedesk.secret;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code POST /api/v1/redact}: public, rate-limited by the API chain; what is sent is not stored or logged. */
@RestController
class RedactApiController {

    static final int MAX_TEXT = 1_000_000;

    private final SecretGuard guard;

    RedactApiController(SecretGuard guard) {
        this.guard = guard;
    }

    @PostMapping("/api/v1/redact")
    RedactResponse redact(@RequestBody RedactRequest request) {
        String text = request.text() == null ? "" : request.text();
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT + " characters");
        }
        Redaction redaction = guard.redact(text);
        return new RedactResponse(redaction.text(), redaction.findings().stream()
                .map(finding -> new Finding(finding.kind().name(), finding.masked(), finding.fingerprint())).toList());
    }

    record RedactRequest(String text) {
    }

    record RedactResponse(String text, List<Finding> findings) {
    }

    record Finding(String kind, String masked, String fingerprint) {
    }
}
