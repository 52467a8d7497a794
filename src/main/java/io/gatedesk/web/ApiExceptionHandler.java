package io.gatedesk.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Locale;

/** Errors of the JSON API that no feature handles itself, always as {@code {"error":{"code","message"}}}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(Locale locale) {
        return error(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "api.malformed", locale);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            IllegalArgumentException.class})
    ResponseEntity<ApiError> badParameter(Locale locale) {
        return error(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "api.badParameter", locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(Locale locale) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "api.methodNotAllowed", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(Locale locale) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "api.mediaType", locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(Locale locale) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE", "error.tooLarge", locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(Locale locale) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "error.notFound", locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception exception, Locale locale) throws Exception {
        if (UnstorableText.causes(exception)) {
            return error(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "api.badParameter", locale);
        }
        if (DatabaseAway.causes(exception)) {
            // DatabaseAwayFilter answers 503 with DATABASE_UNAVAILABLE, whatever layer noticed the database was away.
            throw exception;
        }
        log.error("Unexpected API error", exception);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "error.unexpected", locale);
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String code, String key, Locale locale) {
        return ResponseEntity.status(status).body(ApiError.of(code, messages.getMessage(key, null, locale)));
    }
}
