package io.gatedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: where the language switch returns to, and the site's name. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final String siteName;

    LayoutModelAdvice(@Value("${gatedesk.site.name}") String siteName) {
        this.siteName = siteName;
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("siteName")
    String siteName() {
        return siteName;
    }
}
