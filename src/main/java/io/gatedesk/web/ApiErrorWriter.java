package io.gatedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Writes {@code {"error":{"code","message"}}} from filters, where no controller advice reaches. */
@Component
public class ApiErrorWriter {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiErrorWriter(MessageSource messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                      String messageKey, Object... args) throws IOException {
        // Filters run before the DispatcherServlet, so the resolver is asked directly.
        Locale locale = localeResolver.resolveLocale(request);
        String message = messages.getMessage(messageKey, args, locale);
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", Map.of("code", code, "message", message)));
    }
}
