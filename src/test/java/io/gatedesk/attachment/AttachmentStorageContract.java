package io.gatedesk.attachment;

import io.gatedesk.gatewaylog.RequestIdExtractor;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments in the real database (H2 and PostgreSQL): what is stored, what is read back, what becomes evidence. */
abstract class AttachmentStorageContract {

    @Autowired
    AttachmentService attachments;
    @Autowired
    TicketService tickets;
    @Autowired
    JdbcClient jdbc;

    TicketReceipt ticket;

    @BeforeEach
    void file() {
        ticket = tickets.submit(new NewTicket("Attachments", "Cursor says 401", "Ann", "ann@example.com", null, null,
                null, null, null, null, 401, null, null, null, null, null), Locale.ENGLISH);
    }

    private List<Upload> uploads(MultipartFile... files) {
        return Upload.of(List.of(files));
    }

    /** Every byte the database holds for the ticket's attachments, as text. */
    private String everythingStored() {
        return jdbc.sql("SELECT content, preview, evidence FROM attachments WHERE ticket_id = ?").param(ticket.id())
                .query((rs, n) -> new String(rs.getBytes("content"), StandardCharsets.UTF_8) + rs.getString("preview")
                        + rs.getString("evidence")).list().toString();
    }

    @Test
    void aKeyInALogOrAHarHeaderNeverReachesTheDatabase() {
        var masked = attachments.attach(ticket.id(), null, uploads(
                new MockMultipartFile("files", "gateway.log", "text/plain", Samples.log()),
                new MockMultipartFile("files", "session.har", "application/octet-stream", Samples.har())),
                "Ann", true, false);

        String stored = everythingStored();
        assertThat(stored).doesNotContain(Samples.KEY).doesNotContain(Samples.OTHER_KEY)
                .doesNotContain("gw-opaque-token-7fa93be1c2d4");
        assertThat(stored).contains("[ERR] status 401");
        assertThat(masked).hasSizeGreaterThanOrEqualTo(2);
        assertThat(attachments.forStaff(ticket.id())).extracting(AttachmentView::maskedCount).allMatch(n -> n > 0);
    }

    @Test
    void requestIdsInAnAttachedLogBecomeTicketEvidence() {
        attachments.attach(ticket.id(), null,
                uploads(new MockMultipartFile("files", "gateway.log", "text/plain", Samples.log())), "Ann", true, false);

        List<String> found = tickets.evidence(ticket.id()).allTexts().stream()
                .flatMap(text -> RequestIdExtractor.extract(text).stream()).toList();
        assertThat(found).contains(Samples.REQUEST_ID);
        assertThat(tickets.evidence(List.of(ticket.id())).get(0).evidenceBodies())
                .anyMatch(body -> body.contains(Samples.REQUEST_ID));
    }

    @Test
    void aScreenshotIsStoredWithAThumbnailAndReadBackWhole() {
        byte[] png = Samples.png(1280, 720);
        attachments.attach(ticket.id(), null,
                uploads(new MockMultipartFile("files", "screen.png", "text/html", png)), "Agent", false, true);

        AttachmentView view = attachments.forStaff(ticket.id()).get(0);
        assertThat(view.kind()).isEqualTo(AttachmentKind.IMAGE);
        assertThat(view.mediaType()).isEqualTo("image/png");
        assertThat(view.thumbnail()).isTrue();
        assertThat(attachments.content(ticket.id(), view.id(), true).orElseThrow().bytes()).isEqualTo(png);
        assertThat(attachments.thumbnail(ticket.id(), view.id(), true).orElseThrow().length).isLessThan(png.length);
        // Staff-only: the customer sees neither the file nor its thumbnail.
        assertThat(attachments.forCustomer(ticket.id())).isEmpty();
        assertThat(attachments.content(ticket.id(), view.id(), false)).isEmpty();
        assertThat(attachments.thumbnail(ticket.id(), view.id(), false)).isEmpty();
    }

    @Test
    void theSameFileSentTwiceIsKeptOnce() {
        var log = new MockMultipartFile("files", "gateway.log", "text/plain", Samples.log());
        attachments.attach(ticket.id(), null, uploads(log), "Ann", true, false);
        attachments.attach(ticket.id(), null, uploads(log), "Ann", true, false);

        assertThat(attachments.forCustomer(ticket.id())).hasSize(1);
    }

    @Test
    void anAttachmentOfAnotherTicketIsNotFound() {
        attachments.attach(ticket.id(), null,
                uploads(new MockMultipartFile("files", "gateway.log", "text/plain", Samples.log())), "Ann", true, false);
        long id = attachments.forStaff(ticket.id()).get(0).id();

        assertThat(attachments.content(ticket.id() + 100_000, id, true)).isEmpty();
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertThat(attachments.refusal(uploads(new MockMultipartFile("files", "empty.log", "text/plain", new byte[0])),
                Locale.ENGLISH)).hasValueSatisfying(m -> assertThat(m).contains("empty.log").contains("empty"));
        assertThat(attachments.refusal(uploads(new MockMultipartFile("files", "broken.har", "application/json",
                "{\"log\": 1".getBytes(StandardCharsets.UTF_8))), Locale.ENGLISH))
                .hasValueSatisfying(m -> assertThat(m).contains("HAR"));
        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = new MockMultipartFile("files", i + ".log", "text/plain", Samples.log());
        }
        assertThat(attachments.refusal(uploads(six), Locale.SIMPLIFIED_CHINESE))
                .hasValueSatisfying(m -> assertThat(m).contains("5"));
        assertThat(attachments.refusal(uploads(new MockMultipartFile("files", "gateway.log", "text/plain",
                Samples.log())), Locale.ENGLISH)).isEmpty();
    }
}
