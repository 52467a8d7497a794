package io.gatedesk.ticket;

import io.gatedesk.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9", "gatedesk.mail.send-interval=1h"})
@ActiveProfiles({"test", "postgres"})
class PostgresTicketMergeTest extends TicketMergeContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
