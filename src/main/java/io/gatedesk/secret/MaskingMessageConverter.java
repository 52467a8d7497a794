package io.gatedesk.secret;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m} with every secret masked, registered as {@code %mask} in {@code logback-spring.xml}, so no log
 * line shows a raw key even when a developer logs a request body. Logback creates converters itself, outside Spring,
 * hence the shared scanner instance rather than injection.
 */
public class MaskingMessageConverter extends MessageConverter {

    private static final SecretGuard GUARD = new SecretScanner();

    @Override
    public String convert(ILoggingEvent event) {
        return GUARD.redact(super.convert(event)).text();
    }
}
