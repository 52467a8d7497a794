package io.gatedesk.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the support mailbox over IMAP every {@code gatedesk.mail.inbound.poll-interval}: each unseen mail is
 * processed once and then marked seen; a mail that could not be processed is also flagged, so it stands out in the
 * mailbox. Nothing is ever deleted or moved. Several nodes may poll at once: {@link InboundMail} claims each mail by
 * its Message-ID.
 */
@Component
class InboundPoller {

    private static final Logger log = LoggerFactory.getLogger(InboundPoller.class);

    private final InboundProperties inbound;
    private final InboundMail mails;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    /** The last read of the mailbox, by whichever node did it: {@code mail_inbound_poll} (V46). */
    record LastPoll(Instant at, String error, String node) {
    }

    InboundPoller(InboundProperties inbound, InboundMail mails, Clock clock, JdbcTemplate jdbc) {
        this.inbound = inbound;
        this.mails = mails;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${gatedesk.mail.inbound.poll-interval:60s}",
            initialDelayString = "${gatedesk.mail.inbound.poll-interval:60s}")
    @SchedulerLock(name = "mail-inbound-poll", lockAtMostFor = "PT15M", lockAtLeastFor = "PT1S")
    void scheduled() {
        if (inbound.active()) {
            poll();
        }
    }

    /** One pass over the unseen mail; returns how many mails were read. */
    synchronized int poll() {
        int read = 0;
        String lastError = null;
        try (Store store = session().getStore(inbound.protocol())) {
            store.connect(inbound.host(), inbound.port() == null ? -1 : inbound.port(), inbound.username(),
                    inbound.password());
            Folder folder = store.getFolder(inbound.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, inbound.batchSize()))) {
                    read(message);
                    read++;
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Reading the support mailbox {}:{} failed: {}", inbound.host(), inbound.port(), lastError);
        }
        record(lastError);
        return read;
    }

    private void record(String error) {
        try {
            jdbc.update("UPDATE mail_inbound_poll SET polled_at = ?, last_error = ?, node = ? WHERE id = 1",
                    Timestamp.from(clock.instant()), error == null ? null : error.substring(0, Math.min(500,
                            error.length())), NODE);
        } catch (DataAccessException away) {
            log.warn("Could not record the mailbox poll: {}", away.toString());
        }
    }

    private void read(Message message) throws MessagingException {
        Optional<InboundOutcome> outcome;
        try {
            outcome = mails.process(IncomingMail.of((MimeMessage) message));
        } catch (java.io.IOException | MessagingException | RuntimeException unreadable) {
            outcome = mails.unreadable(message, unreadable);
        }
        message.setFlag(Flags.Flag.SEEN, true);
        if (outcome.orElse(null) == InboundOutcome.REJECTED) {
            message.setFlag(Flags.Flag.FLAGGED, true);
        }
    }

    private Session session() {
        Properties properties = new Properties();
        String protocol = inbound.protocol();
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "20000");
        properties.put("mail." + protocol + ".writetimeout", "20000");
        if (inbound.startTls()) {
            properties.put("mail." + protocol + ".starttls.enable", "true");
            properties.put("mail." + protocol + ".starttls.required", "true");
        }
        return Session.getInstance(properties);
    }

    /** The last read of the mailbox on any node. */
    LastPoll lastPoll() {
        return jdbc.queryForObject("SELECT polled_at, last_error, node FROM mail_inbound_poll WHERE id = 1",
                (row, n) -> new LastPoll(row.getTimestamp(1) == null ? null : row.getTimestamp(1).toInstant(),
                        row.getString(2), row.getString(3)));
    }

    /** This node's name on the admin page: host and process, as the JVM names itself ({@code pid@host}). */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
}
