package io.gatedesk.incident;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * Puts the open public incidents on the customer's pages (ticket form, confirmation, follow page, help and diagnose
 * pages), where the layout shows them as a notice. Other pages, posts and htmx fragments pay nothing.
 */
@ControllerAdvice(annotations = Controller.class)
class IncidentNoticeAdvice {

    private final IncidentService incidents;

    IncidentNoticeAdvice(IncidentService incidents) {
        this.incidents = incidents;
    }

    @ModelAttribute("incidentNotices")
    List<IncidentSummary> incidentNotices(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
                || !isCustomerPage(request.getRequestURI().substring(request.getContextPath().length()))) {
            return null;
        }
        return incidents.publicNotices();
    }

    static boolean isCustomerPage(String path) {
        return path.equals("/") || path.equals("/submitted") || path.startsWith("/t/") || path.equals("/help")
                || path.startsWith("/help/");
    }
}
