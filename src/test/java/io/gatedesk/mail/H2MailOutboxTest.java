package io.gatedesk.mail;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class H2MailOutboxTest extends MailOutboxContract {

    static final SmtpServer SMTP = new SmtpServer();
    static final ImapMailbox MAILBOX = new ImapMailbox();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        SMTP.register(registry);
        MAILBOX.register(registry);
    }

    @Override
    SmtpServer smtp() {
        return SMTP;
    }

    @Override
    ImapMailbox mailbox() {
        return MAILBOX;
    }
}
