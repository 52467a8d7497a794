package io.gatedesk.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** A staff member's own page: personal API tokens, sessions, password and second factor. */
@Controller
class ProfileController {

    static final String PROFILE_VIEW = "user/profile";

    private final UserService users;
    private final PasswordPolicy passwordPolicy;
    private final UserSessions sessions;
    private final TwoFactor twoFactor;

    ProfileController(UserService users, PasswordPolicy passwordPolicy, UserSessions sessions, TwoFactor twoFactor) {
        this.users = users;
        this.twoFactor = twoFactor;
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

    /** Starts setting up an authenticator app: a fresh secret, shown on this answer only (and as a QR image). */
    @PostMapping("/profile/two-factor/start")
    String startTwoFactor(@AuthenticationPrincipal UserDetails principal,
                          @RequestParam(defaultValue = "") String currentPassword, HttpSession session, Model model,
                          HttpServletResponse response) {
        if (twoFactor.isOn(principal.getUsername())) {
            return "redirect:/profile";
        }
        if (!twoFactor.passwordMatches(principal.getUsername(), currentPassword)) {
            fill(principal, session, model);
            model.addAttribute("twoFactorError", "user.password.wrong");
            response.setStatus(422);
            return PROFILE_VIEW;
        }
        TwoFactor.Enrolment enrolment = twoFactor.start(principal.getUsername());
        return enrolling(principal, session, model, response, enrolment.secret(), null);
    }

    /** The set-up's QR image (an otpauth URI); only while the set-up is in progress, never once it is on. */
    @GetMapping(value = "/profile/two-factor/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> twoFactorQr(@AuthenticationPrincipal UserDetails principal) {
        return twoFactor.pendingQrPng(principal.getUsername())
                .map(png -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                        .body(png))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A first code from the app turns it on; the recovery codes are shown once, on this answer. */
    @PostMapping("/profile/two-factor/confirm")
    String confirmTwoFactor(@AuthenticationPrincipal UserDetails principal, @RequestParam(defaultValue = "") String code,
                            HttpSession session, HttpServletRequest request, Model model,
                            HttpServletResponse response) {
        var recovery = twoFactor.confirm(principal.getUsername(), code, request.getRemoteAddr());
        if (recovery.isEmpty()) {
            response.setStatus(422);
            String secret = twoFactor.pendingSecret(principal.getUsername()).orElse(null);
            return enrolling(principal, session, model, response, secret, "twoFactor.code.wrong");
        }
        // A new factor: every other browser signs in again with it (ASVS 5.0 7.4.3).
        sessions.endAll(principal.getUsername(), session.getId());
        fill(principal, session, model);
        model.addAttribute("recoveryCodes", recovery.get());
        model.addAttribute("notice", "twoFactor.turnedOn");
        response.setHeader("Cache-Control", "no-store");
        return PROFILE_VIEW;
    }

    @PostMapping("/profile/two-factor/disable")
    String disableTwoFactor(@AuthenticationPrincipal UserDetails principal,
                            @RequestParam(defaultValue = "") String currentPassword, HttpSession session,
                            HttpServletRequest request, Model model, HttpServletResponse response,
                            RedirectAttributes redirect) {
        if (!twoFactor.disable(principal.getUsername(), currentPassword, request.getRemoteAddr())) {
            fill(principal, session, model);
            model.addAttribute("twoFactorError", "user.password.wrong");
            response.setStatus(422);
            return PROFILE_VIEW;
        }
        sessions.endAll(principal.getUsername(), session.getId());
        redirect.addFlashAttribute("notice", "twoFactor.turnedOff");
        return "redirect:/profile";
    }

    private String enrolling(UserDetails principal, HttpSession session, Model model, HttpServletResponse response,
                             String secret, String error) {
        fill(principal, session, model);
        model.addAttribute("enrolmentSecret", secret);
        model.addAttribute("twoFactorError", error);
        response.setHeader("Cache-Control", "no-store");
        return PROFILE_VIEW;
    }

    private void fill(UserDetails principal, HttpSession session, Model model) {
        model.addAttribute("twoFactor", twoFactor.status(principal.getUsername()));
        model.addAttribute("me", users.findByUsername(principal.getUsername()).orElseThrow());
        model.addAttribute("tokens", users.tokensOf(principal.getUsername()));
        model.addAttribute("sessions", sessions.of(principal.getUsername(), session.getId()));
        model.addAttribute("minPassword", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxPassword", PasswordPolicy.MAX_LENGTH);
    }
}
