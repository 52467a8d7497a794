package io.gatedesk.user;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create staff accounts, set their roles and disable them. */
@Controller
class AdminUserController {

    static final String LIST_VIEW = "user/admin-users";
    static final String FORM_VIEW = "user/admin-user-form";
    private final UserService users;
    private final PasswordPolicy passwordPolicy;
    private final UserSessions sessions;

    private final TwoFactor twoFactor;

    AdminUserController(UserService users, PasswordPolicy passwordPolicy, UserSessions sessions, TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.allStaff());
        return LIST_VIEW;
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("staffForm", new StaffForm());
        model.addAttribute("creating", true);
        return FORM_VIEW;
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("staffForm") StaffForm form, BindingResult result, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        passwordPolicy.problem(form.getPassword(), form.getUsername()).ifPresent(problem ->
                result.rejectValue("password", problem, PasswordPolicy.messageArguments(), null));
        if (form.getRoles().isEmpty()) {
            result.rejectValue("roles", "user.roles.required");
        }
        if (!result.hasFieldErrors("username") && users.exists(form.getUsername())) {
            result.rejectValue("username", "user.username.taken");
        }
        if (result.hasErrors()) {
            model.addAttribute("creating", true);
            response.setStatus(422);
            return FORM_VIEW;
        }
        StaffMember created = users.create(new UserService.NewStaffMember(form.getUsername(), form.getDisplayName(),
                form.getEmail(), form.getPassword(), form.getRoles()));
        if (form.isEditor()) {
            users.setEditor(created.id(), true);
        }
        redirect.addFlashAttribute("notice", "user.created");
        redirect.addFlashAttribute("noticeArg", created.username());
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable Long id, Model model) {
        StaffMember member = users.find(id).orElseThrow(() -> new UserService.UnknownStaffMemberException(id));
        model.addAttribute("staffForm", StaffForm.of(member));
        model.addAttribute("memberId", id);
        model.addAttribute("creating", false);
        model.addAttribute("sessionCount", sessions.of(member.username(), null).size());
        model.addAttribute("twoFactor", twoFactor.status(member.username()));
        return FORM_VIEW;
    }

    /** Signs a colleague out of every browser at once (ASVS 5.0 7.4.5), e.g. after a lost laptop. */
    @PostMapping("/admin/users/{id}/sessions/end")
    String endSessions(@PathVariable Long id, HttpSession session, RedirectAttributes redirect) {
        StaffMember member = users.find(id).orElseThrow(() -> new UserService.UnknownStaffMemberException(id));
        int ended = sessions.endAll(member.username(), session.getId());
        redirect.addFlashAttribute("notice", "session.admin.ended");
        redirect.addFlashAttribute("noticeArg", ended);
        return "redirect:/admin/users/" + id;
    }

    /** Resets a colleague's second factor (a lost phone): they log in with the password and may set it up again. */
    @PostMapping("/admin/users/{id}/two-factor/reset")
    String resetTwoFactor(@PathVariable Long id, @AuthenticationPrincipal UserDetails admin,
                          HttpServletRequest request, HttpSession session, RedirectAttributes redirect) {
        StaffMember member = users.find(id).orElseThrow(() -> new UserService.UnknownStaffMemberException(id));
        twoFactor.reset(member.id(), admin.getUsername(), request.getRemoteAddr());
        // A factor removed: the colleague's browsers sign in again (ASVS 5.0 7.4.3).
        sessions.endAll(member.username(), session.getId());
        redirect.addFlashAttribute("notice", "twoFactor.admin.wasReset");
        redirect.addFlashAttribute("noticeArg", member.username());
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable Long id, @Valid @ModelAttribute("staffForm") StaffForm form, BindingResult result,
                  @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        StaffMember member = users.find(id).orElseThrow(() -> new UserService.UnknownStaffMemberException(id));
        form.setUsername(member.username());
        if (form.getPassword() != null && !form.getPassword().isEmpty()) {
            // An admin's reset follows the same rules as a password the user sets.
            passwordPolicy.problem(form.getPassword(), member.username()).ifPresent(problem ->
                    result.rejectValue("password", problem, PasswordPolicy.messageArguments(), null));
        }
        if (form.getRoles().isEmpty()) {
            result.rejectValue("roles", "user.roles.required");
        }
        if (!result.hasErrors()) {
            try {
                users.update(id, new UserService.StaffChange(form.getDisplayName(), form.getEmail(), form.getRoles(),
                        form.isEnabled(), form.getPassword(), form.isEditor()), principal.getUsername());
                redirect.addFlashAttribute("notice", "user.saved");
                redirect.addFlashAttribute("noticeArg", member.username());
                return "redirect:/admin/users";
            } catch (UserService.SelfLockoutException e) {
                result.reject("user.selfLockout");
            }
        }
        model.addAttribute("memberId", id);
        model.addAttribute("creating", false);
        model.addAttribute("sessionCount", sessions.of(member.username(), null).size());
        model.addAttribute("twoFactor", twoFactor.status(member.username()));
        response.setStatus(422);
        return FORM_VIEW;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(UserService.UnknownStaffMemberException.class)
    String unknown(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.notFound");
        return "web/error";
    }
}
