package io.gatedesk.selfservice;

import io.gatedesk.ticket.ClientApp;
import io.gatedesk.web.PublicRateLimiter;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The public help pages and the configuration check page; the ticket form's inline check lands here too. */
@Controller
class HelpController {

    static final String INDEX_VIEW = "selfservice/help-index";
    static final String CLIENT_VIEW = "selfservice/help-client";
    static final String CHECK_VIEW = "selfservice/config-check";
    static final String RESULT_FRAGMENT = "selfservice/config-check :: result";
    static final String INLINE_FRAGMENT = RESULT_FRAGMENT;

    private final ClientHelpPages pages;
    private final ConfigCheckService checks;
    private final SiteSettingsService site;
    private final PublicRateLimiter rateLimiter;
    private final MessageSource messages;
    private final HelpPageViews views;

    HelpController(ClientHelpPages pages, ConfigCheckService checks, SiteSettingsService site,
                   PublicRateLimiter rateLimiter, MessageSource messages, HelpPageViews views) {
        this.pages = pages;
        this.checks = checks;
        this.site = site;
        this.rateLimiter = rateLimiter;
        this.messages = messages;
        this.views = views;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("helpClients", HelpClient.values());
        model.addAttribute("clients", ClientApp.values());
        model.addAttribute("site", site.current());
    }

    @GetMapping("/help")
    String index(Model model) {
        model.addAttribute("baseUrls", Arrays.stream(HelpClient.values())
                .map(client -> ConfigChecker.expectedBaseUrl(site.current(), client.app())).toList());
        return INDEX_VIEW;
    }

    @GetMapping("/help/clients/{slug}")
    String client(@PathVariable String slug, Model model, Locale locale, HttpServletResponse response) {
        return HelpClient.fromSlug(slug).map(client -> {
            String name = messages.getMessage("client." + client.app(), null, locale);
            model.addAttribute("client", client);
            model.addAttribute("clientName", name);
            model.addAttribute("html", pages.render(client, name, locale,
                    ServletUriComponentsBuilder.fromCurrentContextPath().path("/help/config-check")
                            .queryParam("client", client.slug()).build().toUriString()));
            views.viewed(client, locale);
            return CLIENT_VIEW;
        }).orElseGet(() -> {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("unknownClient", true);
            return index(model);
        });
    }

    @GetMapping("/help/config-check")
    String checkPage(@RequestParam(required = false) String client, @RequestParam(required = false) String baseUrl,
                     @RequestParam(required = false) String model, Model page) {
        page.addAttribute("form", new CheckForm(HelpClient.parseClient(client).map(Enum::name).orElse(""),
                baseUrl == null ? "" : ConfigChecker.clean(baseUrl), model == null ? "" : model));
        return CHECK_VIEW;
    }

    @PostMapping("/help/config-check")
    @HxRequest
    String checkFragment(CheckForm form, HttpServletRequest request, HttpServletResponse response, Model model,
                         Locale locale) {
        run(form, DeflectionChannel.PAGE, request, model, locale);
        return RESULT_FRAGMENT;
    }

    @PostMapping("/help/config-check")
    String checkFullPage(CheckForm form, HttpServletRequest request, HttpServletResponse response, Model model,
                         Locale locale) {
        if (!run(form, DeflectionChannel.PAGE, request, model, locale)) {
            response.setStatus(429);
        }
        return CHECK_VIEW;
    }

    /** The public ticket form's inline check: only the three fields it names are sent (hx-params). */
    @PostMapping("/help/config-check/inline")
    @HxRequest
    String inline(CheckForm form, HttpServletRequest request, Model model, Locale locale) {
        if (form.baseUrl() != null && !form.baseUrl().isBlank()) {
            run(form, DeflectionChannel.TICKET_FORM, request, model, locale);
        }
        return INLINE_FRAGMENT;
    }

    @PostMapping("/help/config-check/inline")
    String inlineWithoutHtmx(CheckForm form, HttpServletRequest request, HttpServletResponse response, Model model,
                             Locale locale) {
        return checkFullPage(form, request, response, model, locale);
    }

    private boolean run(CheckForm form, DeflectionChannel channel, HttpServletRequest request, Model model,
                        Locale locale) {
        ClientApp client = HelpClient.parseClient(form.client()).orElse(null);
        CheckForm shown = new CheckForm(client == null ? "" : client.name(), "", form.model());
        if (!rateLimiter.tryAcquireCheck(request)) {
            model.addAttribute("form", shown);
            model.addAttribute("rateLimited", true);
            return false;
        }
        ConfigCheckResult result = checks.check(client, form.baseUrl(), form.model(), locale, channel);
        // What comes back to the page is the masked form of what was typed: a pasted key is never echoed.
        model.addAttribute("form", new CheckForm(shown.client(), masked(form.baseUrl()), masked(form.model())));
        model.addAttribute("result", result);
        model.addAttribute("clientChosen", client != null);
        model.addAttribute("helpClient", client == null ? null : HelpClient.of(client).orElse(null));
        return true;
    }

    private String masked(String text) {
        return checks.masked(text);
    }

    record CheckForm(String client, String baseUrl, String model) {
    }

    static List<String> slugs() {
        return Arrays.stream(HelpClient.values()).map(HelpClient::slug).toList();
    }
}
