package io.gatedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.util.Locale;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * Reads a multipart upload before the security chain does, and answers an oversized one with 413 itself. Otherwise
 * the CSRF filter is the first to ask for a parameter, the container's size limit fails inside it, and every later
 * parameter read (the error page's own dispatch included) fails again: an oversized log export became a 500. The API
 * gets its JSON error; a browser a short page in the user's language that says what happened.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class UploadLimitFilter extends OncePerRequestFilter {

    private final ApiErrorWriter errors;
    private final MessageSource messages;
    private final LocaleResolver locales;

    public UploadLimitFilter(ApiErrorWriter errors, MessageSource messages, LocaleResolver locales) {
        this.errors = errors;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException tooLarge) {
            int status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                errors.write(request, response, status, "TOO_LARGE", "error.tooLarge");
            } else {
                writePage(request, response, status);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private void writePage(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String title = htmlEscape(messages.getMessage("error.title", null, locale));
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + htmlEscape(locale.toLanguageTag()) + "\">"
                + "<head><meta charset=\"utf-8\"><title>" + title + "</title><link rel=\"stylesheet\" href=\""
                + request.getContextPath() + "/assets/css/app.css\"></head><body><main class=\"page narrow\">"
                + "<div class=\"notice error\" role=\"alert\"><strong>" + title + "</strong> <span>"
                + htmlEscape(messages.getMessage("error.tooLarge", null, locale)) + "</span></div><p><a href=\""
                + request.getContextPath() + "/\">" + htmlEscape(messages.getMessage("error.home", null, locale))
                + "</a></p></main></body></html>");
    }
}
