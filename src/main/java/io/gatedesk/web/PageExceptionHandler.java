package io.gatedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One friendly error page for the browser side, in the user's language; an htmx request gets the same message as a
 * fragment it can swap in place. Security exceptions pass through to the security chain.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    static final String ERROR_VIEW = "web/error";
    static final String ERROR_FRAGMENT = "web/error :: message";
    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException exception) {
        throw exception;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(404, "error.notFound", request, response, model);
    }

    /** A controller that says "not found" or "bad request" this way gets that answer, not a 500. */
    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException exception, HttpServletRequest request, HttpServletResponse response,
                  Model model) throws Exception {
        int status = exception.getStatusCode().value();
        if (status >= 500) {
            return unexpected(exception, request, response, model);
        }
        return render(status, status == 404 ? "error.notFound" : "error.badRequest", request, response, model);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            BindException.class, IllegalArgumentException.class})
    String badRequest(HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(400, "error.badRequest", request, response, model);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String method(HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(405, "error.badRequest", request, response, model);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(413, "error.tooLarge", request, response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception exception, HttpServletRequest request, HttpServletResponse response, Model model)
            throws Exception {
        if (UnstorableText.causes(exception)) {
            return render(400, "error.badRequest", request, response, model);
        }
        if (DatabaseAway.causes(exception)) {
            // A page rendered here would flush, and Spring Session would try to save the session to the database on
            // that flush: DatabaseAwayFilter, outside the session filter, answers instead.
            throw exception;
        }
        log.error("Unexpected error on {}", request.getRequestURI(), exception);
        return render(500, "error.unexpected", request, response, model);
    }

    private static String render(int status, String messageKey, HttpServletRequest request,
                                 HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", messageKey);
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        if (htmx) {
            // htmx leaves 4xx/5xx answers unswapped by default; the fragment says what went wrong in place.
            response.setStatus(200);
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
        }
        return htmx ? ERROR_FRAGMENT : ERROR_VIEW;
    }
}
