package io.gatedesk.ticket.store;

import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.InvalidMessageException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/** The text of a reply or note as it is stored: through the secret guard, not empty, not too long. */
@Component
public class MessageText {

    public static final int MAX_LENGTH = 20000;

    private final SecretGuard secretGuard;
    private final MessageSource messageSource;

    MessageText(SecretGuard secretGuard, MessageSource messageSource) {
        this.secretGuard = secretGuard;
        this.messageSource = messageSource;
    }

    public String checked(String body, List<SecretFinding> findings) {
        String text = secretGuard.redactInto(body == null ? "" : body.strip(), findings);
        if (text.isEmpty()) {
            throw new InvalidMessageException(message("message.body.required"), text);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidMessageException(message("message.body.tooLong", MAX_LENGTH), text);
        }
        return text;
    }

    private String message(String code, Object... args) {
        return messageSource.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
