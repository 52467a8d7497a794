package io.gatedesk.answer;

import io.gatedesk.triage.ErrorCategory;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/** Admins list, create, edit (each edit a new version) and retire short answers, and see how often each is used. */
@Controller
class AnswerAdminController {

    static final String LIST_VIEW = "answer/admin-answers";
    static final String FORM_VIEW = "answer/admin-answer-form";

    private final AnswerService answers;
    private final UserService users;

    AnswerAdminController(AnswerService answers, UserService users) {
        this.answers = answers;
        this.users = users;
    }

    @GetMapping("/admin/answers")
    String list(Model model) {
        model.addAttribute("answers", answers.all());
        model.addAttribute("usage", answers.usageByAnswer());
        model.addAttribute("usageByAgent", answers.usageByAgent());
        return LIST_VIEW;
    }

    @GetMapping("/admin/answers/new")
    String newAnswer(Model model) {
        fillForm(model, new AnswerForm("", Languages.EN, "", "", ""), null, Map.of());
        return FORM_VIEW;
    }

    @PostMapping("/admin/answers")
    String create(AnswerForm form, @AuthenticationPrincipal UserDetails principal, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            ShortAnswer created = answers.create(form, nameOf(principal));
            redirect.addFlashAttribute("notice", "answer.saved");
            return "redirect:/admin/answers/" + created.id();
        } catch (InvalidAnswerException invalid) {
            response.setStatus(422);
            fillForm(model, invalid.form(), null, invalid.errors());
            return FORM_VIEW;
        }
    }

    @GetMapping("/admin/answers/{id}")
    String edit(@PathVariable long id, Model model) {
        ShortAnswer answer = answers.find(id);
        fillForm(model, AnswerForm.of(answer), answer, Map.of());
        return FORM_VIEW;
    }

    @PostMapping("/admin/answers/{id}")
    String update(@PathVariable long id, AnswerForm form, @RequestParam int version,
                  @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            answers.update(id, form, version, nameOf(principal));
            redirect.addFlashAttribute("notice", "answer.saved");
            return "redirect:/admin/answers/" + id;
        } catch (InvalidAnswerException invalid) {
            response.setStatus(invalid.errors().containsKey("version") ? HttpServletResponse.SC_CONFLICT : 422);
            fillForm(model, invalid.form(), answers.find(id), invalid.errors());
            return FORM_VIEW;
        }
    }

    @PostMapping("/admin/answers/{id}/retire")
    String retire(@PathVariable long id, @RequestParam boolean retired,
                  @AuthenticationPrincipal UserDetails principal, RedirectAttributes redirect) {
        answers.setRetired(id, retired, nameOf(principal));
        redirect.addFlashAttribute("notice", retired ? "answer.retired.done" : "answer.restored.done");
        return "redirect:/admin/answers/" + id;
    }

    @ExceptionHandler(AnswerNotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "answer.notFound");
        return "web/error";
    }

    private void fillForm(Model model, AnswerForm form, ShortAnswer answer, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", ErrorCategory.values());
        model.addAttribute("languages", Languages.ALL);
        model.addAttribute("placeholders", Placeholder.values());
        model.addAttribute("versions", answer == null ? java.util.List.of() : answers.versions(answer.id()));
    }

    private String nameOf(UserDetails principal) {
        return users.findByUsername(principal.getUsername()).map(m -> m.displayName())
                .orElse(principal.getUsername());
    }
}
