package io.gatedesk.user;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member's own page: personal API tokens and their password. */
@Controller
class ProfileController {

    static final String PROFILE_VIEW = "user/profile";

    private final UserService users;

    ProfileController(UserService users) {
        this.users = users;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal UserDetails principal, Model model) {
        fill(principal, model);
        return PROFILE_VIEW;
    }

    @PostMapping("/profile/tokens")
    String issue(@AuthenticationPrincipal UserDetails principal, @RequestParam(defaultValue = "") String name,
                 Model model, HttpServletResponse response) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            fill(principal, model);
            model.addAttribute("tokenError", trimmed.isEmpty() ? "token.name.required" : "field.tooLong");
            model.addAttribute("tokenName", name);
            response.setStatus(422);
            return PROFILE_VIEW;
        }
        UserService.IssuedApiToken issued = users.issueToken(principal.getUsername(), trimmed);
        fill(principal, model);
        // Rendered once, never redirected: the token must not travel through a flash attribute or a URL.
        model.addAttribute("issuedToken", issued.rawToken());
        response.setHeader("Cache-Control", "no-store");
        return PROFILE_VIEW;
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal UserDetails principal, @PathVariable Long id, RedirectAttributes redirect) {
        users.revokeToken(principal.getUsername(), id);
        redirect.addFlashAttribute("notice", "token.revoked");
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal UserDetails principal,
                          @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        String error = null;
        if (newPassword.length() < AdminUserController.MIN_PASSWORD) {
            error = "user.password.tooShort";
        } else {
            try {
                users.changeOwnPassword(principal.getUsername(), currentPassword, newPassword);
            } catch (UserService.WrongPasswordException e) {
                error = "user.password.wrong";
            }
        }
        if (error != null) {
            fill(principal, model);
            model.addAttribute("passwordError", error);
            response.setStatus(422);
            return PROFILE_VIEW;
        }
        redirect.addFlashAttribute("notice", "user.password.changed");
        return "redirect:/profile";
    }

    private void fill(UserDetails principal, Model model) {
        model.addAttribute("me", users.findByUsername(principal.getUsername()).orElseThrow());
        model.addAttribute("tokens", users.tokensOf(principal.getUsername()));
        model.addAttribute("minPassword", AdminUserController.MIN_PASSWORD);
    }
}
