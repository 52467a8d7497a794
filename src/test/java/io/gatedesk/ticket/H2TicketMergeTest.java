package io.gatedesk.ticket;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9", "gatedesk.mail.send-interval=1h"})
@ActiveProfiles("test")
class H2TicketMergeTest extends TicketMergeContract {
}
