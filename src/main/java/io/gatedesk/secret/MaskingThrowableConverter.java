package io.gatedesk.secret;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's default {@code %wEx} with every secret masked, registered as {@code %maskEx}: exception messages
 * carry request bodies and headers too (an HTTP client's 401 often echoes the key it was given).
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    private static final SecretGuard GUARD = new SecretScanner();

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return GUARD.redact(super.throwableProxyToString(throwable)).text();
    }
}
