package io.gatedesk.user;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.Optional;

/** The second step of a login for staff with an authenticator app: the code (or a recovery code) after the password. */
@Controller
class SecondFactorController {

    static final String CODE_VIEW = "user/login-code";

    private final LoginProtection protection;

    SecondFactorController(LoginProtection protection) {
        this.protection = protection;
    }

    @GetMapping(LoginProtection.SECOND_FACTOR_PATH)
    String codePage(HttpServletRequest request) {
        return protection.pendingSecondFactor(request).isPresent() ? CODE_VIEW : "redirect:/login";
    }

    @PostMapping(LoginProtection.SECOND_FACTOR_PATH)
    String submit(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                  HttpServletResponse response, Model model) throws ServletException, IOException {
        Optional<String> username = protection.pendingSecondFactor(request);
        if (username.isEmpty()) {
            return "redirect:/login";
        }
        LoginProtection.CodeResult result = protection.submitCode(request, response, username.get(), code);
        if (result instanceof LoginProtection.CodeResult.MustWait wait) {
            long seconds = wait.delay().toSeconds();
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            model.addAttribute("waitSeconds", seconds);
            model.addAttribute("waitMinutes", (seconds + 59) / 60);
            return CODE_VIEW;
        }
        if (result instanceof LoginProtection.CodeResult.Wrong) {
            response.setStatus(422);
            model.addAttribute("codeError", "twoFactor.code.wrong");
            return CODE_VIEW;
        }
        return null;
    }
}
