package io.gatedesk.selfservice;

import io.gatedesk.gatewaylog.RequestIdExtractor;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.triage.Classification;
import io.gatedesk.triage.ErrorCategory;
import io.gatedesk.triage.TriageInput;
import io.gatedesk.triage.TriageService;
import io.gatedesk.web.PublicRateLimiter;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The public diagnose page: a customer pastes what their client showed and learns what kind of problem it is and
 * what to do, before filing. What is pasted is masked first and not stored; filing a ticket from here carries it over.
 */
@Controller
class DiagnoseController {

    static final String VIEW = "selfservice/diagnose";
    static final String RESULT_FRAGMENT = "selfservice/diagnose :: result";
    static final int MAX_TEXT = 20_000;
    /** Categories a customer usually fixes in their own settings: the answer points at the configuration check. */
    static final Set<ErrorCategory> CONFIGURATION = EnumSet.of(ErrorCategory.WRONG_BASE_URL,
            ErrorCategory.MODEL_NOT_AVAILABLE, ErrorCategory.INVALID_KEY);

    private final TriageService triage;
    private final SecretGuard guard;
    private final PublicRateLimiter rateLimiter;
    private final DeflectionCounter deflection;

    DiagnoseController(TriageService triage, SecretGuard guard, PublicRateLimiter rateLimiter,
                       DeflectionCounter deflection) {
        this.triage = triage;
        this.guard = guard;
        this.rateLimiter = rateLimiter;
        this.deflection = deflection;
    }

    @GetMapping("/help/diagnose")
    String page(Model model) {
        model.addAttribute("form", DiagnoseForm.EMPTY);
        model.addAttribute("clients", ClientApp.values());
        return VIEW;
    }

    @PostMapping("/help/diagnose")
    String diagnosePage(DiagnoseForm form, HttpServletRequest request, Model model) {
        diagnose(form, request, model);
        model.addAttribute("clients", ClientApp.values());
        return VIEW;
    }

    @HxRequest
    @PostMapping("/help/diagnose")
    String diagnoseFragment(DiagnoseForm form, HttpServletRequest request, Model model) {
        diagnose(form, request, model);
        return RESULT_FRAGMENT;
    }

    private void diagnose(DiagnoseForm typed, HttpServletRequest request, Model model) {
        List<SecretFinding> masked = new ArrayList<>();
        DiagnoseForm form = new DiagnoseForm(typed.client(), guard.redactInto(typed.statusCode(), masked),
                guard.redactInto(typed.errorMessage(), masked), guard.redactInto(typed.model(), masked));
        model.addAttribute("form", form);
        model.addAttribute("maskedSecrets", SecretFinding.distinct(masked));
        if (!rateLimiter.tryAcquireCheck(request)) {
            model.addAttribute("rateLimited", true);
            return;
        }
        Integer statusCode = form.parsedStatusCode();
        if (form.statusCode() != null && !form.statusCode().isBlank() && statusCode == null) {
            model.addAttribute("statusCodeInvalid", true);
        }
        String message = form.errorMessage() == null ? "" : form.errorMessage();
        if (message.length() > MAX_TEXT) {
            model.addAttribute("tooLong", MAX_TEXT);
            return;
        }
        if (message.isBlank() && statusCode == null) {
            model.addAttribute("nothingToDiagnose", true);
            return;
        }
        ClientApp client = form.clientApp();
        Classification result = triage.classify(new TriageInput(statusCode, message, null,
                client == null ? null : client.name(), null, form.model(), List.of()));
        deflection.checkEnded(DeflectionKind.DIAGNOSIS);
        model.addAttribute("result", result);
        model.addAttribute("configuration", CONFIGURATION.contains(result.category()));
        model.addAttribute("helpClient", client == null ? null : HelpClient.of(client).orElse(null));
        model.addAttribute("fileTicketUrl", fileTicketUrl(form, statusCode, message, result));
    }

    /**
     * The public form, filled in with what was pasted here (already masked), so nothing has to be typed twice. Every
     * value is percent-encoded by hand: pasted JSON holds braces, which a URI template builder would take for
     * variables, and which Tomcat refuses in a raw query.
     */
    private static String fileTicketUrl(DiagnoseForm form, Integer statusCode, String message, Classification result) {
        Map<String, String> params = new LinkedHashMap<>();
        if (statusCode != null) {
            params.put("statusCode", statusCode.toString());
        }
        if (!message.isBlank()) {
            params.put("errorMessage", message);
            List<String> requestIds = RequestIdExtractor.extract(message);
            if (!requestIds.isEmpty()) {
                params.put("requestIds", String.join("\n", requestIds));
            }
        }
        if (form.clientApp() != null) {
            params.put("client", form.clientApp().name());
        }
        if (form.model() != null && !form.model().isBlank()) {
            params.put("model", form.model());
        }
        params.put("category", result.category().name());
        StringJoiner query = new StringJoiner("&", "/?", "");
        params.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    record DiagnoseForm(String client, String statusCode, String errorMessage, String model) {

        static final DiagnoseForm EMPTY = new DiagnoseForm("", "", "", "");

        ClientApp clientApp() {
            if (client == null || client.isBlank()) {
                return null;
            }
            try {
                return ClientApp.valueOf(client.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }

        Integer parsedStatusCode() {
            if (statusCode == null || statusCode.isBlank()) {
                return null;
            }
            try {
                int code = Integer.parseInt(statusCode.trim());
                return code >= 100 && code <= 599 ? code : null;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }
}
