package io.gatedesk.mail;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.Locale;

/** Admins see whether mail works, send a test mail, read the outbox and resend a mail that failed for good. */
@Controller
class MailAdminController {

    static final String VIEW = "mail/admin";

    private final MailAdmin admin;

    MailAdminController(MailAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/admin/mail")
    String page(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "false") boolean rejected, Model model) {
        fill(model, status, page, rejected);
        return VIEW;
    }

    @PostMapping("/admin/mail/test")
    String test(@RequestParam(defaultValue = "") String to, Authentication user, Locale locale, Model model,
                HttpServletResponse response) {
        MailAdmin.TestResult result = admin.sendTest(to, user.getName(), locale);
        fill(model, "", 0, false);
        model.addAttribute("testTo", to);
        model.addAttribute("testResult", result);
        if (result.outcome() == MailAdmin.TestResult.Outcome.INVALID) {
            response.setStatus(422);
        }
        return VIEW;
    }

    @PostMapping("/admin/mail/outbox/{id}/resend")
    String resend(@PathVariable long id, @RequestParam(defaultValue = "") String status, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", admin.resend(id) ? "mail.admin.resent" : "mail.admin.notFailed");
        redirect.addAttribute("status", status);
        return "redirect:/admin/mail";
    }

    private void fill(Model model, String status, int page, boolean rejectedOnly) {
        OutboxStatus filter = Arrays.stream(OutboxStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        model.addAttribute("mail", admin.status());
        model.addAttribute("inbound", admin.inbound());
        model.addAttribute("filter", filter == null ? "" : filter.name());
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("outbox", admin.outbox(filter, page));
        model.addAttribute("rejectedOnly", rejectedOnly);
        model.addAttribute("inboundMails", admin.inboundMails(rejectedOnly));
    }
}
