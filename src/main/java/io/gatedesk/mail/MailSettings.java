package io.gatedesk.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Whether mail is on: Spring Boot makes a {@link JavaMailSender} only when {@code spring.mail.host} is set. While it
 * is off nothing is written to the outbox at all, so switching SMTP on later does not send weeks of stale mail, and no
 * private follow links pile up in a table nobody empties.
 */
@Component
class MailSettings {

    private final ObjectProvider<JavaMailSender> sender;
    private final String host;
    private final Integer port;
    private final MailProperties properties;

    MailSettings(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
                 @Value("${spring.mail.port:#{null}}") Integer port, MailProperties properties) {
        this.sender = sender;
        this.host = host == null ? "" : host.strip();
        this.port = port;
        this.properties = properties;
    }

    boolean enabled() {
        return !host.isEmpty() && sender.getIfAvailable() != null;
    }

    Optional<JavaMailSender> sender() {
        return enabled() ? Optional.ofNullable(sender.getIfAvailable()) : Optional.empty();
    }

    String host() {
        return host;
    }

    /** The configured port, or SMTP's 25 that Jakarta Mail uses when none is set. */
    int port() {
        return port == null ? 25 : port;
    }

    String from() {
        return properties.from();
    }
}
