package io.gatedesk.secret;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers the public form's inline check (htmx, on paste and on leaving a field) with a warning fragment when a
 * field holds what looks like a full key. Nothing is stored; only the masked forms go back to the page.
 */
@Controller
class InlineSecretCheckController {

    static final String WARNING_FRAGMENT = "secret/inline-warning :: warning";
    private static final int MAX_FIELD = 100_000;

    private final SecretGuard guard;

    InlineSecretCheckController(SecretGuard guard) {
        this.guard = guard;
    }

    @PostMapping("/secret-check")
    String check(@RequestParam MultiValueMap<String, String> fields, Model model) {
        Map<String, SecretFinding> found = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith("_")) {
                return;
            }
            values.stream().filter(value -> value != null && value.length() <= MAX_FIELD)
                    .flatMap(value -> guard.redact(value).findings().stream())
                    .forEach(finding -> found.putIfAbsent(finding.fingerprint(), finding));
        });
        model.addAttribute("findings", found.values());
        return WARNING_FRAGMENT;
    }
}
