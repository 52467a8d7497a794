package io.gatedesk.web;

import io.gatedesk.secret.SecretGuard;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers 503 when the database is out of reach anywhere in the request — in Spring Session's filter (which loads
 * the session from the database before any controller runs), in the security chain, in a controller or while a
 * page renders — instead of a 500. It sits outside Spring Session's filter for that reason. Pages get a page in the
 * user's language, htmx requests a fragment, the API its usual JSON error; a public ticket form that could not be
 * sent comes back with what was typed and a button to send it again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseAwayFilter extends OncePerRequestFilter {

    static final String PAGE = "web/unavailable";
    static final String FRAGMENT = "web/unavailable :: message";
    /** Fields of the public form that are the form's own tokens, not the customer's text. */
    private static final Set<String> FORM_TOKENS = Set.of("_csrf", "idempotencyKey", "maskedEarlier");
    private static final Logger log = LoggerFactory.getLogger(DatabaseAwayFilter.class);

    /** One field of the form to send again; values are masked like the form itself would mask them. */
    record KeptField(String name, String value) {
    }

    private final SpringTemplateEngine templates;
    private final ApplicationContext context;
    private final LocaleResolver locales;
    private final ApiErrorWriter apiErrors;
    private final SecretGuard secretGuard;

    DatabaseAwayFilter(SpringTemplateEngine templates, ApplicationContext context, LocaleResolver locales,
                       ApiErrorWriter apiErrors,
                       SecretGuard secretGuard) {
        this.templates = templates;
        this.context = context;
        this.locales = locales;
        this.apiErrors = apiErrors;
        this.secretGuard = secretGuard;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseAway.causes(failure)) {
                throw failure;
            }
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseAway.rootMessage(failure));
            if (response.isCommitted()) {
                // The answer was already decided (a redirect after a ticket was filed, a page half sent): rethrown,
                // the failure would let the container turn a redirect it has not flushed yet into a 500.
                return;
            }
            try {
                answer(request, response);
            } catch (IOException | RuntimeException renderFailure) {
                // The page itself could not be rendered: the status and a plain line still say what happened.
                log.warn("Could not render the database-away page: {}", renderFailure.toString());
                plainAnswer(request, response);
            }
        }
    }

    private void plainAnswer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseAway.RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Locale locale = request.getLocale();
        response.getWriter().write(context.getMessage("error.databaseAway", null, locale) + "\n");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseAway.RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            apiErrors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                    "error.databaseAway");
            return;
        }
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        if (htmx) {
            // As PageExceptionHandler does: htmx swaps only 2xx answers, so the message goes to #flash with a 200.
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
        } else {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        // The session holds the CSRF token, and the session is in the database: the page must not ask for it.
        request.removeAttribute("_csrf");
        request.removeAttribute(CsrfToken.class.getName());
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestPath", path);
        variables.put("keptFields", publicFormPost(request, path) ? keptFields(request) : List.of());
        variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        WebContext page = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale, variables);
        StringWriter html = new StringWriter();
        if (htmx) {
            templates.process(PAGE, Set.of("message"), page, html);
        } else {
            templates.process(PAGE, page, html);
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(html.toString());
        }
    }

    private static boolean publicFormPost(HttpServletRequest request, String path) {
        String type = request.getContentType();
        // The form is multipart since it carries attachments; its text fields are parameters all the same.
        return "POST".equals(request.getMethod()) && "/".equals(path) && type != null
                && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    private List<KeptField> keptFields(HttpServletRequest request) {
        List<KeptField> fields = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                fields.add(new KeptField(name, FORM_TOKENS.contains(name) ? value
                        : secretGuard.redactInto(value, new ArrayList<>())));
            }
        });
        return fields;
    }
}
