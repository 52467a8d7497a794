package io.gatedesk.gatewaydb;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins see each gateway database's health and test its connection. Sources are set in properties. */
@Controller
class GatewaySourcesAdminController {

    static final String VIEW = "gatewaydb/admin-sources";

    private final GatewayAccounts accounts;

    GatewaySourcesAdminController(GatewayAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/gateway-sources")
    String list(Model model) {
        model.addAttribute("sources", accounts.health());
        model.addAttribute("configurationErrors", accounts.configurationErrors());
        return VIEW;
    }

    @PostMapping("/admin/gateway-sources/{name}/test")
    String test(@PathVariable String name, RedirectAttributes redirect) {
        accounts.test(name).ifPresentOrElse(health -> {
            redirect.addFlashAttribute("tested", health.name());
            redirect.addFlashAttribute("testedUp", health.up());
        }, () -> redirect.addFlashAttribute("unknown", true));
        return "redirect:/admin/gateway-sources";
    }
}
