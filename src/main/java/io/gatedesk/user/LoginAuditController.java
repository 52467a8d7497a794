package io.gatedesk.user;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;

/** Admins read the login audit: newest first, by user name and outcome. */
@Controller
class LoginAuditController {

    static final String VIEW = "user/admin-login-audit";
    static final int PAGE_SIZE = 50;

    private final LoginAudit audit;

    LoginAuditController(LoginAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/login-audit")
    String list(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String outcome,
                @RequestParam(defaultValue = "0") int page, Model model) {
        // An outcome that is not one of ours is read as "any" rather than answered with an error page.
        LoginAudit.Outcome chosen = Arrays.stream(LoginAudit.Outcome.values())
                .filter(o -> o.name().equals(outcome)).findFirst().orElse(null);
        String name = user.strip().length() > 64 ? user.strip().substring(0, 64) : user.strip();
        model.addAttribute("result", audit.search(name, chosen, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("user", name);
        model.addAttribute("outcome", chosen == null ? "" : chosen.name());
        model.addAttribute("outcomes", LoginAudit.Outcome.values());
        return VIEW;
    }
}
