package io.gatedesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port of its own, which a test can stop (an outage) and start
 * again on the same port, as an operator's mail server comes back.
 */
final class SmtpServer {

    static final String FROM = "support@example-gw.com";

    private final int port;
    private GreenMail greenMail;

    SmtpServer() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    synchronized void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    synchronized void stop() {
        greenMail.stop();
    }

    /** The contract's settings: {@code spring.mail.host}/{@code port} without auth or TLS, and the sender. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("gatedesk.mail.from", () -> FROM);
        registry.add("gatedesk.mail.send-interval", () -> "300ms");
        registry.add("gatedesk.mail.first-retry", () -> "500ms");
        registry.add("gatedesk.mail.max-retry", () -> "1s");
        registry.add("gatedesk.site.base-url", () -> "https://desk.example-gw.com");
    }

    synchronized List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Mails received for {@code recipient}. */
    List<MimeMessage> to(String recipient) {
        return received().stream().filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits until {@code count} mails reached {@code recipient} (the contract allows 30 s), and returns them. */
    List<MimeMessage> awaitMails(String recipient, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> to(recipient).size() >= count);
        return to(recipient);
    }
}
