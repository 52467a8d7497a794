package io.gatedesk.gatewaylog;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.triage.ErrorCategory;
import io.gatedesk.triage.TriageService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway logged for a ticket's request outranks what the customer wrote about it. */
@SpringBootTest
@ActiveProfiles("test")
class LogEvidenceTriageTest {

    @Autowired
    LogImportService imports;
    @Autowired
    TicketService tickets;
    @Autowired
    TriageService triage;

    @Test
    void theGatewaysQuotaErrorOutweighsACustomerWhoThinksTheyAreRateLimited() throws Exception {
        String requestId = "2031050110000012345678" + String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 8);
        imports.ingest(new ByteArrayInputStream(("{\"source\":\"triage-test\",\"request_id\":\"" + requestId
                + "\",\"created_at\":\"2031-05-01T10:00:00Z\",\"log_type\":\"error\",\"model\":\"gpt-4o\","
                + "\"status_code\":403,\"error_code\":\"insufficient_user_quota\","
                + "\"error_message\":\"用户额度不足, 剩余额度: ＄0.000000\"}\n").getBytes(StandardCharsets.UTF_8)), "test");

        TicketReceipt receipt = tickets.submit(new NewTicket("Rate limited all morning",
                "I keep getting rate limited, too many requests? request id: " + requestId, "Ann", "ann@example.com",
                ClientApp.CURSOR, null, null, "gpt-4o", null, List.of(), null, null, null, null, null,
                CallerType.PRODUCTION), Locale.ENGLISH);

        var result = triage.reclassify(receipt.id());
        assertThat(result.category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(result.reasons()).anySatisfy(reason -> assertThat(reason.source()).isEqualTo("LOG"));
    }
}
