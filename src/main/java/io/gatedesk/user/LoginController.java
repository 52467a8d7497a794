package io.gatedesk.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class LoginController {

    static final String LOGIN_VIEW = "user/login";

    private final boolean demo;

    LoginController(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/login")
    String login(Model model) {
        // The demo accounts are public knowledge only when the demo profile created them.
        model.addAttribute("demoLogins", demo);
        return LOGIN_VIEW;
    }

    /**
     * A refused login, forwarded here by {@link LoginProtection} with the wait; the typed user name stays. The forward
     * keeps the login's method, so the page answers a POST (already past the CSRF check) as well as a GET.
     */
    @PostMapping(LoginProtection.THROTTLED_PATH)
    String throttledLogin(HttpServletRequest request, HttpServletResponse response, Model model) {
        return throttled(request, response, model);
    }

    @GetMapping(LoginProtection.THROTTLED_PATH)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(LoginProtection.WAIT_ATTRIBUTE) instanceof Long seconds)) {
            return "redirect:/login";
        }
        response.setStatus(429);
        model.addAttribute("demoLogins", demo);
        model.addAttribute("waitSeconds", seconds);
        model.addAttribute("waitMinutes", (seconds + 59) / 60);
        model.addAttribute("typedUsername", request.getAttribute(LoginProtection.USERNAME_ATTRIBUTE));
        return LOGIN_VIEW;
    }
}
