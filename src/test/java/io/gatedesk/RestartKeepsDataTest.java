package io.gatedesk;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The default setup: an H2 file database under the data directory that survives a stop and a start. */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    @Test
    void stoppingAndStartingAgainLosesNothing() throws Exception {
        TicketReceipt receipt;
        String firstPassword;
        try (ConfigurableApplicationContext first = start()) {
            receipt = first.getBean(TicketService.class).submit(new NewTicket("Survives restart", "d", "Ann",
                    "ann@example.com", null, null, null, null, null, List.of(), null, null, null, null, null, null),
                    Locale.ENGLISH);
            firstPassword = Files.readString(dataDir.resolve("initial-admin-password"));
        }
        assertThat(dataDir.resolve("gatedesk.mv.db")).exists();

        try (ConfigurableApplicationContext second = start()) {
            TicketService tickets = second.getBean(TicketService.class);
            assertThat(tickets.detail(receipt.id()).subject()).isEqualTo("Survives restart");
            assertThat(tickets.forCustomer(receipt.followToken())).isPresent();
            // The admin exists already, so no new password is generated over the first one.
            assertThat(Files.readString(dataDir.resolve("initial-admin-password"))).isEqualTo(firstPassword);
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, as an operator would pass them: they outrank application.properties.
        return new SpringApplicationBuilder(GateDeskApplication.class)
                .run("--server.port=0", "--gatedesk.data-dir=" + dataDir, "--gatedesk.admin.initial-password=",
                        "--logging.level.root=WARN");
    }
}
