package io.gatedesk.selfservice;

import io.gatedesk.ticket.ClientApp;
import io.gatedesk.web.ApiError;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/v1/config-check}: public and rate-limited by the API chain. What is sent is masked before it is
 * looked at and is not stored; API checks are counted, but cannot be linked to a ticket (no session).
 */
@RestController
class ConfigCheckApiController {

    private final ConfigCheckService checks;
    private final MessageSource messages;

    ConfigCheckApiController(ConfigCheckService checks, MessageSource messages) {
        this.checks = checks;
        this.messages = messages;
    }

    @PostMapping("/api/v1/config-check")
    ResponseEntity<?> check(@RequestBody CheckRequest request, Locale locale) {
        Optional<ClientApp> client = HelpClient.parseClient(request.client());
        if (client.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiError.of("UNKNOWN_CLIENT", messages.getMessage(
                    "selfservice.api.unknownClient", new Object[]{String.join(", ", HelpController.slugs())}, locale)));
        }
        if (request.baseUrl() == null || request.baseUrl().isBlank()) {
            return ResponseEntity.badRequest().body(ApiError.of("MISSING_BASE_URL",
                    messages.getMessage("selfservice.api.missingBaseUrl", null, locale)));
        }
        return ResponseEntity.ok(checks.check(client.get(), request.baseUrl(), request.model(), locale,
                DeflectionChannel.API));
    }

    record CheckRequest(String client, String baseUrl, String model) {
    }
}
