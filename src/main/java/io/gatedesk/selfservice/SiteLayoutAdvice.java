package io.gatedesk.selfservice;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header shows the site's name as the admin last saved it (web stays free of feature code). */
@ControllerAdvice(annotations = Controller.class)
class SiteLayoutAdvice {

    private final SiteSettingsService site;

    SiteLayoutAdvice(SiteSettingsService site) {
        this.site = site;
    }

    @ModelAttribute("siteName")
    String siteName() {
        return site.current().name();
    }
}
