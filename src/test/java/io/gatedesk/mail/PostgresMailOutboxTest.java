package io.gatedesk.mail;

import io.gatedesk.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "postgres"})
class PostgresMailOutboxTest extends MailOutboxContract {

    static final SmtpServer SMTP = new SmtpServer();
    static final ImapMailbox MAILBOX = new ImapMailbox();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
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
