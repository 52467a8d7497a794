package io.gatedesk.selfservice;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Admins keep the site's settings and model catalogue, and see how many checks ended without a ticket. */
@Controller
class SiteAdminController {

    static final String SITE_VIEW = "selfservice/admin-site";
    static final String MODELS_VIEW = "selfservice/admin-models";

    private final SiteSettingsService site;
    private final DeflectionCounter deflection;

    SiteAdminController(SiteSettingsService site, DeflectionCounter deflection) {
        this.site = site;
        this.deflection = deflection;
    }

    @GetMapping("/admin/site")
    String settings(Model model) {
        SiteSettings current = site.current();
        return settingsPage(new SiteSettingsService.SettingsCommand(current.name(), current.apiBaseUrl(),
                current.webUrlsText()), Map.of(), model);
    }

    @PostMapping("/admin/site")
    String save(SiteSettingsService.SettingsCommand form, @AuthenticationPrincipal UserDetails admin, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            site.save(form, admin == null ? null : admin.getUsername());
            redirect.addFlashAttribute("notice", "selfservice.site.saved");
            return "redirect:/admin/site";
        } catch (SiteSettingsService.InvalidSettingsException invalid) {
            response.setStatus(422);
            return settingsPage(form, invalid.fieldErrors(), model);
        }
    }

    private String settingsPage(SiteSettingsService.SettingsCommand form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lastSaved", site.lastSaved().orElse(null));
        model.addAttribute("deflection", deflection.summary());
        model.addAttribute("fixes", java.util.Arrays.stream(HelpClient.values())
                .map(client -> Map.entry(client, ConfigChecker.expectedBaseUrl(site.current(), client.app())))
                .toList());
        return SITE_VIEW;
    }

    @GetMapping("/admin/models")
    String models(Model model) {
        return modelsPage(new SiteSettingsService.ModelCommand("", "", ""), null, Map.of(), null, model);
    }

    @PostMapping("/admin/models")
    String addModel(SiteSettingsService.ModelCommand form, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        return saveModel(null, form, model, response, redirect);
    }

    @PostMapping("/admin/models/{id}")
    String updateModel(@PathVariable long id, SiteSettingsService.ModelCommand form, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        return saveModel(id, form, model, response, redirect);
    }

    @PostMapping("/admin/models/{id}/delete")
    String deleteModel(@PathVariable long id, RedirectAttributes redirect) {
        site.deleteModel(id);
        redirect.addFlashAttribute("notice", "selfservice.model.deleted");
        return "redirect:/admin/models";
    }

    @PostMapping("/admin/models/import")
    String importModels(@RequestParam(required = false) String json,
                        @RequestParam(required = false) MultipartFile file, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : json;
        try {
            ModelImport.Result result = site.importModels(text);
            redirect.addFlashAttribute("imported", result);
            return "redirect:/admin/models";
        } catch (ModelImport.ImportException invalid) {
            response.setStatus(422);
            String kept = file != null && !file.isEmpty() ? null : json;
            return modelsPage(new SiteSettingsService.ModelCommand("", "", ""), null, Map.of(),
                    new ImportForm(kept == null ? "" : site.maskedForDisplay(kept), invalid.getMessage()), model);
        }
    }

    private String saveModel(Long id, SiteSettingsService.ModelCommand form, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        try {
            site.saveModel(id, form);
            redirect.addFlashAttribute("notice", "selfservice.model.saved");
            return "redirect:/admin/models";
        } catch (SiteSettingsService.InvalidSettingsException invalid) {
            response.setStatus(422);
            return modelsPage(form, id, invalid.fieldErrors(), null, model);
        }
    }

    private String modelsPage(SiteSettingsService.ModelCommand form, Long editing, Map<String, String> errors,
                              ImportForm importForm, Model model) {
        model.addAttribute("entries", site.catalogueEntries());
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("importForm", importForm == null ? new ImportForm("", null) : importForm);
        return MODELS_VIEW;
    }

    record ImportForm(String json, String error) {
    }
}
