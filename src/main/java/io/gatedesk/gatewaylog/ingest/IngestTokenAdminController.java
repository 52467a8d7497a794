package io.gatedesk.gatewaylog.ingest;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins create ingest tokens (each shown once) and revoke them. */
@Controller
class IngestTokenAdminController {

    static final String VIEW = "gatewaylog/admin-ingest-tokens";

    private final IngestTokenService tokens;

    IngestTokenAdminController(IngestTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/admin/ingest-tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.all());
        return VIEW;
    }

    @PostMapping("/admin/ingest-tokens")
    String create(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal UserDetails principal,
                  Model model, HttpServletResponse response) {
        try {
            // Rendered, not redirected: the raw token must never travel in a URL or sit in a flash attribute.
            model.addAttribute("issued", tokens.issue(name, principal.getUsername()));
        } catch (IllegalArgumentException invalid) {
            response.setStatus(422);
            model.addAttribute("nameError", "logs.ingest.name.invalid");
            model.addAttribute("name", name);
        }
        model.addAttribute("tokens", tokens.all());
        return VIEW;
    }

    @PostMapping("/admin/ingest-tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/admin/ingest-tokens";
    }
}
