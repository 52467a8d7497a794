package io.gatedesk.gatewaydb;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/v1/gateway/sources}: every configured gateway database with its health. A source nobody has read
 * yet is tried first, so the answer is never "unknown".
 */
@RestController
class GatewaySourcesApiController {

    private final GatewayAccounts accounts;

    GatewaySourcesApiController(GatewayAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/gateway/sources")
    Sources list() {
        accounts.health().stream().filter(SourceHealth::untried).forEach(health -> accounts.test(health.name()));
        return new Sources(accounts.health().stream().map(SourceJson::of).toList(), accounts.configurationErrors());
    }

    record Sources(List<SourceJson> items, List<String> configurationErrors) {
    }

    record SourceJson(String name, String kind, String url, String status, java.time.Instant lastSuccessAt,
                      Long latencyMillis, java.time.Instant lastErrorAt, String lastError, java.time.Instant downSince) {

        static SourceJson of(SourceHealth health) {
            return new SourceJson(health.name(), health.kind(), health.url(), health.up() ? "UP" : "DOWN",
                    health.lastSuccessAt(), health.latencyMillis(), health.lastErrorAt(), health.lastError(),
                    health.downSince());
        }
    }
}
