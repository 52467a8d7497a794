package io.gatedesk.incident;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * {@code incidentNotices}: the open public incidents. On a follow page ({@code /t/<token>}) the ones the ticket is
     * linked to come first and are named in {@code incidentNoticesLinked}: the customer sees at once which one is
     * theirs, and still sees an outage their ticket was not (yet) matched to.
     */
    @ModelAttribute
    void incidentNotices(HttpServletRequest request, Model model) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null || !isCustomerPage(path)) {
            return;
        }
        Matcher follow = FOLLOW_PAGE.matcher(path);
        Set<Long> linked = follow.matches() ? incidents.publicNoticesForFollower(follow.group(1)) : Set.of();
        List<IncidentSummary> notices = incidents.publicNotices().stream()
                .sorted(Comparator.comparing((IncidentSummary notice) -> !linked.contains(notice.id()))).toList();
        model.addAttribute("incidentNotices", notices);
        model.addAttribute("incidentNoticesLinked", linked);
    }

    private static final Pattern FOLLOW_PAGE = Pattern.compile("/t/([^/]+)");

    static boolean isCustomerPage(String path) {
        return path.equals("/") || path.equals("/submitted") || path.startsWith("/t/") || path.equals("/help")
                || path.startsWith("/help/");
    }
}
