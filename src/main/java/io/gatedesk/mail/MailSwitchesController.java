package io.gatedesk.mail;

import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * Each staff member's switches for the staff kinds of mail. The profile page loads them with htmx (the user feature
 * knows nothing of mail); without JavaScript the profile page links here.
 */
@Controller
class MailSwitchesController {

    static final String VIEW = "mail/switches";
    static final String FRAGMENT = VIEW + " :: switches";

    private final MailPreferences preferences;
    private final UserService users;
    private final MailSettings settings;

    MailSwitchesController(MailPreferences preferences, UserService users, MailSettings settings) {
        this.preferences = preferences;
        this.users = users;
        this.settings = settings;
    }

    @GetMapping("/profile/mail")
    String page(Authentication user, Model model) {
        fill(me(user), model);
        return VIEW;
    }

    @HxRequest
    @GetMapping("/profile/mail")
    String fragment(Authentication user, Model model) {
        fill(me(user), model);
        return FRAGMENT;
    }

    @PostMapping("/profile/mail")
    String save(Authentication user, @RequestParam(name = "on", required = false) List<String> on,
                RedirectAttributes redirect) {
        preferences.save(me(user), on == null ? List.of() : on);
        redirect.addFlashAttribute("mailNotice", "mail.prefs.saved");
        return "redirect:/profile/mail";
    }

    @HxRequest
    @PostMapping("/profile/mail")
    String saveFragment(Authentication user, @RequestParam(name = "on", required = false) List<String> on,
                        Model model) {
        StaffMember me = me(user);
        preferences.save(me, on == null ? List.of() : on);
        fill(me, model);
        model.addAttribute("mailNotice", "mail.prefs.saved");
        return FRAGMENT;
    }

    private StaffMember me(Authentication user) {
        return users.findByUsername(user.getName()).orElseThrow();
    }

    private void fill(StaffMember me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("switches", preferences.switchesOf(me));
        model.addAttribute("mailOn", settings.enabled());
    }
}
