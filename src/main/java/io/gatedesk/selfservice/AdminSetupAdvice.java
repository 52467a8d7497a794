package io.gatedesk.selfservice;

import io.gatedesk.gatewaylog.IngestTokens;
import io.gatedesk.gatewaylog.LogImportService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Arrays;
import java.util.List;

/**
 * A new admin's first steps: the site's address, its models and a log source, each done or not and linked to its
 * page. Shown on full staff pages to admins until every step is done or the admin dismisses it.
 */
@ControllerAdvice(annotations = Controller.class)
class AdminSetupAdvice {

    static final String DISMISSED_COOKIE = "gatedesk-setup-dismissed";

    /** One step of the checklist: its message key, where it is done, whether it is. */
    record SetupStep(String key, String link, boolean done) {
    }

    record SetupChecklist(List<SetupStep> steps) {
        boolean complete() {
            return steps.stream().allMatch(SetupStep::done);
        }
    }

    private final SiteSettingsService site;
    private final LogImportService logs;
    private final IngestTokens ingestTokens;

    AdminSetupAdvice(SiteSettingsService site, LogImportService logs, IngestTokens ingestTokens) {
        this.site = site;
        this.logs = logs;
        this.ingestTokens = ingestTokens;
    }

    @ModelAttribute("setupChecklist")
    SetupChecklist setupChecklist(HttpServletRequest request) {
        // Only full pages for admins: htmx fragments and posts never carry it, so they pay nothing.
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
                || !request.isUserInRole("ADMIN") || dismissed(request)) {
            return null;
        }
        SetupChecklist checklist = new SetupChecklist(List.of(
                new SetupStep("setup.site", "/admin/site", site.lastSaved().isPresent()),
                new SetupStep("setup.models", "/admin/models", !site.catalogue().isEmpty()),
                new SetupStep("setup.logs", "/desk/logs/import", logs.anyImported() || ingestTokens.anyIssued())));
        return checklist.complete() ? null : checklist;
    }

    private static boolean dismissed(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> DISMISSED_COOKIE.equals(c.getName()));
    }
}

/** Hides the setup checklist for this browser; the admin pages themselves stay where they are. */
@Controller
class AdminSetupController {

    @PostMapping("/admin/setup/dismiss")
    String dismiss(HttpServletResponse response) {
        Cookie cookie = new Cookie(AdminSetupAdvice.DISMISSED_COOKIE, "1");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        response.addCookie(cookie);
        return "redirect:/desk";
    }
}
