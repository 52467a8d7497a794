package io.gatedesk.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The one error shape of the JSON API: {@code {"error":{"code","message","fields"?}}}. */
public record ApiError(Body error) {

    public static ApiError of(String code, String message) {
        return new ApiError(new Body(code, message, null));
    }

    public static ApiError of(String code, String message, List<FieldError> fields) {
        return new ApiError(new Body(code, message, fields));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String message, List<FieldError> fields) {
    }

    public record FieldError(String field, String message) {
    }
}
