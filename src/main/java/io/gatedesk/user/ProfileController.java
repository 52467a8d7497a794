package io.gatedesk.user;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
    private final PasswordPolicy passwordPolicy;
    private final UserSessions sessions;

    ProfileController(UserService users, PasswordPolicy passwordPolicy, UserSessions sessions) {
        this.users = users;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal UserDetails principal, HttpSession session, Model model) {
        fill(principal, session, model);
        return PROFILE_VIEW;
    }

    /** Ends one of the user's other sessions (a browser left signed in elsewhere); the page names it by a hash. */
    @PostMapping("/profile/sessions/end")
    String endSession(@AuthenticationPrincipal UserDetails principal, @RequestParam(defaultValue = "") String ref,
                      RedirectAttributes redirect) {
        boolean ended = sessions.end(principal.getUsername(), ref);
        redirect.addFlashAttribute("notice", ended ? "session.ended" : "session.notFound");
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String issue(@AuthenticationPrincipal UserDetails principal, @RequestParam(defaultValue = "") String name,
                 HttpSession session, Model model, HttpServletResponse response) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            fill(principal, session, model);
            model.addAttribute("tokenError", trimmed.isEmpty() ? "token.name.required" : "field.tooLong");
            model.addAttribute("tokenName", name);
            response.setStatus(422);
            return PROFILE_VIEW;
        }
        UserService.IssuedApiToken issued = users.issueToken(principal.getUsername(), trimmed);
        fill(principal, session, model);
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
                          @RequestParam(defaultValue = "") String newPassword, HttpSession session,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String error = passwordPolicy.problem(newPassword, principal.getUsername()).orElse(null);
        if (error == null) {
            try {
                users.changeOwnPassword(principal.getUsername(), currentPassword, newPassword);
                // Whoever else holds a session with the old password is signed out (ASVS 5.0 7.4.3).
                sessions.endAll(principal.getUsername(), session.getId());
            } catch (UserService.WrongPasswordException e) {
                error = "user.password.wrong";
            }
        }
        if (error != null) {
            fill(principal, session, model);
            model.addAttribute("passwordError", error);
            response.setStatus(422);
            return PROFILE_VIEW;
        }
        redirect.addFlashAttribute("notice", "user.password.changed");
        return "redirect:/profile";
    }

    private void fill(UserDetails principal, HttpSession session, Model model) {
        model.addAttribute("me", users.findByUsername(principal.getUsername()).orElseThrow());
        model.addAttribute("tokens", users.tokensOf(principal.getUsername()));
        model.addAttribute("sessions", sessions.of(principal.getUsername(), session.getId()));
        model.addAttribute("minPassword", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxPassword", PasswordPolicy.MAX_LENGTH);
    }
}
