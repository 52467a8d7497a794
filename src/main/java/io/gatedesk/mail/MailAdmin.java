package io.gatedesk.mail;

import io.gatedesk.selfservice.SiteSettingsService;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the admin page shows and does: whether mail works, a test mail, the outbox and a resend. */
@Service
class MailAdmin {

    static final int MAX_ADDRESS = 254;

    private final MailSettings settings;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final MailTemplates templates;
    private final SiteSettingsService site;
    private final MailProperties properties;
    private final Clock clock;
    private final boolean baseUrlSet;
    private final InboundProperties inbound;
    private final InboundPoller poller;
    private final InboundRecordRepository inboundRecords;
    private final MailThreads threads;

    MailAdmin(MailSettings settings, Outbox outbox, OutboxSender sender, MailTemplates templates,
              SiteSettingsService site, MailProperties properties, Clock clock,
              @Value("${gatedesk.site.base-url:}") String baseUrl, InboundProperties inbound, InboundPoller poller,
              InboundRecordRepository inboundRecords, MailThreads threads) {
        this.inbound = inbound;
        this.poller = poller;
        this.inboundRecords = inboundRecords;
        this.threads = threads;
        this.settings = settings;
        this.outbox = outbox;
        this.sender = sender;
        this.templates = templates;
        this.site = site;
        this.properties = properties;
        this.clock = clock;
        this.baseUrlSet = baseUrl != null && !baseUrl.isBlank();
    }

    Status status() {
        OutboxMail lastError = outbox.lastError();
        return new Status(settings.enabled(), settings.host(), settings.port(), settings.from(), outbox.lastSentAt(),
                lastError == null ? null : lastError.getLastError(), !baseUrlSet, outbox.counts());
    }

    Inbound inbound() {
        InboundPoller.LastPoll last = poller.lastPoll();
        return new Inbound(inbound.active(), inbound.protocol(), inbound.host(), inbound.port(), inbound.folder(),
                threads.supportAddress(), last.at(), last.error(), last.node(),
                inboundRecords.countByOutcome(InboundOutcome.REJECTED));
    }

    /** The latest mails read from the mailbox, or only those that could not be processed. */
    Page<InboundRow> inboundMails(boolean rejectedOnly) {
        PageRequest latest = PageRequest.of(0, Outbox.LIST_SIZE, Sort.by(Sort.Direction.DESC, "id"));
        return (rejectedOnly ? inboundRecords.findByOutcome(InboundOutcome.REJECTED, latest)
                : inboundRecords.findAll(latest)).map(InboundRow::of);
    }

    Page<OutboxRow> outbox(OutboxStatus status, int page) {
        return outbox.page(status, page);
    }

    boolean resend(long id) {
        return outbox.resend(id);
    }

    /**
     * Writes a test mail to {@code to} and sends it at once through the same outbox and sender as every other mail,
     * so the admin learns whether the SMTP server takes it; it stays listed in the outbox either way.
     */
    TestResult sendTest(String to, String sentBy, Locale locale) {
        String address = to == null ? "" : to.strip();
        if (!isOneAddress(address)) {
            return new TestResult(TestResult.Outcome.INVALID, null);
        }
        if (settings.sender().isEmpty()) {
            return new TestResult(TestResult.Outcome.OFF, null);
        }
        Locale language = MailLanguage.of(locale == null ? null : locale.toLanguageTag());
        String siteName = site.current().name();
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("intro", templates.message("mail.intro.TEST", language, siteName, sentBy));
        values.put("footer", templates.message("mail.footer", language, siteName));
        Outbox.Mail mail = new Outbox.Mail(MailKind.TEST, address, language, null,
                "[" + siteName + "] " + templates.message("mail.subject.TEST", language), "ticket", values, null);
        OutboxMail claimed = outbox.enqueueClaimed(mail, clock.instant().plus(properties.lease()));
        Optional<String> error = sender.sendClaimed(settings.sender().get(), claimed);
        return error.map(problem -> new TestResult(TestResult.Outcome.FAILED, problem))
                .orElseGet(() -> new TestResult(TestResult.Outcome.SENT, address));
    }

    /** One plain address (no name, no list), as Jakarta Mail's strict parser reads it. */
    static boolean isOneAddress(String address) {
        if (address.isEmpty() || address.length() > MAX_ADDRESS || address.indexOf('@') < 1) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && address.equals(parsed.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    /**
     * Outgoing mail as the admin page reports it.
     *
     * @param baseUrlMissing links in mails made outside a request (scheduled jobs) cannot be absolute
     */
    record Status(boolean enabled, String host, int port, String from, Instant lastSentAt, String lastError,
                  boolean baseUrlMissing, Map<OutboxStatus, Long> counts) {
    }

    /** The support mailbox as the admin page reports it; {@code rejected} counts mails kept unprocessed. */
    record Inbound(boolean active, String protocol, String host, Integer port, String folder, String address,
                   Instant lastPollAt, String lastError, String lastPollNode, long rejected) {
    }

    /** One mail read from the mailbox: from whom, what about, and what became of it. */
    record InboundRow(Instant receivedAt, String sender, String subject, InboundOutcome outcome, String reason,
                      String ticketNumber) {

        static InboundRow of(InboundRecord record) {
            return new InboundRow(record.getReceivedAt(), record.getSender(), record.getSubject(), record.getOutcome(),
                    record.getReason(), record.getTicketId() == null ? null
                            : io.gatedesk.ticket.TicketNumber.format(record.getTicketId()));
        }
    }

    /** How a test mail went; {@code detail} is the address on success, the server's answer on failure. */
    record TestResult(Outcome outcome, String detail) {

        enum Outcome { SENT, FAILED, OFF, INVALID }

        public String messageKey() {
            return switch (outcome) {
                case SENT -> "mail.admin.test.sent";
                case FAILED -> "mail.admin.test.failed";
                case OFF -> "mail.admin.test.off";
                case INVALID -> "mail.admin.test.invalid";
            };
        }
    }
}
