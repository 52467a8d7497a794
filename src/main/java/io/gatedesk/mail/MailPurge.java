package io.gatedesk.mail;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Deletes what mail no longer needs after {@code gatedesk.mail.purge-after}: sent and failed outbox rows (a sent one
 * holds only its subject already) and the record of mails read. Pending mails stay whatever their age. Idempotent,
 * so several nodes running it at once delete nothing twice.
 */
@Component
class MailPurge {

    private static final Logger log = LoggerFactory.getLogger(MailPurge.class);

    private final OutboxRepository outbox;
    private final InboundRecordRepository inbound;
    private final MailProperties properties;
    private final Clock clock;

    MailPurge(OutboxRepository outbox, InboundRecordRepository inbound, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.inbound = inbound;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${gatedesk.mail.purge-cron:0 40 3 * * *}")
    @SchedulerLock(name = "mail-purge", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void scheduled() {
        purge();
    }

    /** Returns how many outbox rows and inbound records were deleted. */
    int purge() {
        Instant before = clock.instant().minus(properties.purgeAfter());
        int mails = outbox.purge(before, List.of(OutboxStatus.SENT, OutboxStatus.FAILED));
        int read = inbound.purge(before);
        if (mails + read > 0) {
            log.info("Purged {} outbox mail(s) and {} inbound record(s) older than {}", mails, read, before);
        }
        return mails + read;
    }
}
