package io.gatedesk.triage;

import io.gatedesk.secret.Redaction;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/** Admins read, create, edit and disable classification rules, see each rule's versions, and try samples. */
@Controller
class RuleAdminController {

    static final String LIST_VIEW = "triage/admin-rules";
    static final String TEST_FRAGMENT = "triage/admin-rules :: test-result";
    static final String FORM_VIEW = "triage/admin-rule-form";

    private final RuleAdminService rules;
    private final TriageService triage;
    private final SecretGuard secretGuard;
    private final UserService users;

    RuleAdminController(RuleAdminService rules, TriageService triage, SecretGuard secretGuard, UserService users) {
        this.rules = rules;
        this.triage = triage;
        this.secretGuard = secretGuard;
        this.users = users;
    }

    @GetMapping("/admin/rules")
    String list(Model model) {
        fillList(model, RuleSample.empty());
        return LIST_VIEW;
    }

    /** The test box: how the current rules would classify a sample, and why. Samples are masked like tickets. */
    @PostMapping("/admin/rules/test")
    String test(RuleSample sample, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Redaction text = secretGuard.redact(sample.text());
        Redaction error = secretGuard.redact(sample.errorMessage());
        Redaction baseUrl = secretGuard.redact(sample.baseUrl());
        Redaction client = secretGuard.redact(sample.client());
        RuleSample masked = new RuleSample(text.text(), sample.statusCode(), error.text(), baseUrl.text(), client.text());
        model.addAttribute("secretsMasked", text.masked() || error.masked() || baseUrl.masked() || client.masked());
        Integer statusCode = null;
        String code = sample.statusCode() == null ? "" : sample.statusCode().strip();
        if (!code.isEmpty()) {
            if (code.matches("[1-5][0-9][0-9]")) {
                statusCode = Integer.valueOf(code);
            } else {
                model.addAttribute("statusCodeError", true);
            }
        }
        if (!model.containsAttribute("statusCodeError")) {
            model.addAttribute("result", triage.classify(new TriageInput(statusCode, masked.errorMessage(),
                    masked.text(), masked.client(), masked.baseUrl(), null, List.of())));
        }
        if (htmx != null) {
            model.addAttribute("sample", masked);
            return TEST_FRAGMENT;
        }
        fillList(model, masked);
        return LIST_VIEW;
    }

    @GetMapping("/admin/rules/new")
    String newRule(@RequestParam(required = false) String category, Model model) {
        RuleForm empty = RuleForm.empty();
        fillForm(model, new RuleForm("", category == null ? "" : category, empty.kind(), "", empty.weight(), "", "",
                "", null), null);
        return FORM_VIEW;
    }

    @PostMapping("/admin/rules")
    String create(RuleForm form, @AuthenticationPrincipal UserDetails principal, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            RuleView created = rules.create(form, nameOf(principal));
            redirect.addFlashAttribute("notice", "rule.created");
            return "redirect:/admin/rules/" + created.id();
        } catch (InvalidRuleException invalid) {
            response.setStatus(422);
            fillForm(model, form, null);
            model.addAttribute("errors", invalid.fieldErrors());
            return FORM_VIEW;
        }
    }

    @GetMapping("/admin/rules/{id}")
    String edit(@PathVariable String id, Model model) {
        RuleView rule = rules.find(id);
        fillForm(model, RuleForm.of(rule), rule);
        return FORM_VIEW;
    }

    @PostMapping("/admin/rules/{id}")
    String update(@PathVariable String id, RuleForm form, @AuthenticationPrincipal UserDetails principal, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            rules.update(id, form, nameOf(principal));
            redirect.addFlashAttribute("notice", "rule.saved");
            return "redirect:/admin/rules/" + id;
        } catch (InvalidRuleException invalid) {
            response.setStatus(422);
            fillForm(model, withId(form, id), rules.find(id));
            model.addAttribute("errors", invalid.fieldErrors());
            return FORM_VIEW;
        } catch (RuleConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            RuleView current = rules.find(id);
            // The admin's text stays in the form; the version moves on so a second save applies it deliberately.
            fillForm(model, withVersion(withId(form, id), current.version()), current);
            model.addAttribute("conflict", true);
            return FORM_VIEW;
        }
    }

    @PostMapping("/admin/rules/{id}/enabled")
    String setEnabled(@PathVariable String id, @RequestParam boolean enabled,
                      @RequestParam(required = false) Long version, @AuthenticationPrincipal UserDetails principal,
                      RedirectAttributes redirect) {
        try {
            rules.setEnabled(id, enabled, version, nameOf(principal));
            redirect.addFlashAttribute("notice", enabled ? "rule.enabled.done" : "rule.disabled.done");
        } catch (RuleConflictException conflict) {
            redirect.addFlashAttribute("notice", "rule.conflict");
        }
        return "redirect:/admin/rules/" + id;
    }

    @ExceptionHandler(UnknownRuleException.class)
    String unknown(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "rule.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }

    private void fillList(Model model, RuleSample sample) {
        Map<ErrorCategory, List<RuleView>> grouped = rules.byCategory();
        model.addAttribute("grouped", grouped);
        model.addAttribute("ruleCount", grouped.values().stream().mapToInt(List::size).sum());
        model.addAttribute("sample", sample);
    }

    private void fillForm(Model model, RuleForm form, RuleView existing) {
        model.addAttribute("form", form);
        model.addAttribute("rule", existing);
        model.addAttribute("history", existing == null ? List.of() : rules.history(existing.id()));
        model.addAttribute("categories", java.util.Arrays.stream(ErrorCategory.values())
                .filter(c -> c != ErrorCategory.OTHER).toList());
        model.addAttribute("kinds", RuleKind.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    private static RuleForm withId(RuleForm form, String id) {
        return new RuleForm(id, form.category(), form.kind(), form.value(), form.weight(), form.description(),
                form.client(), form.unlessClient(), form.version());
    }

    private static RuleForm withVersion(RuleForm form, long version) {
        return new RuleForm(form.id(), form.category(), form.kind(), form.value(), form.weight(), form.description(),
                form.client(), form.unlessClient(), version);
    }

    private String nameOf(UserDetails principal) {
        return users.findByUsername(principal.getUsername()).map(StaffMember::displayName)
                .orElse(principal.getUsername());
    }
}
