package io.gatedesk.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gatedesk.mail.*}. The SMTP server itself is Spring's {@code spring.mail.*}; mail is off while
 * {@code spring.mail.host} is unset.
 *
 * @param from          the sender of every mail; its domain also names our Message-IDs
 * @param sendInterval  how often the sender looks for due mails
 * @param maxAttempts   attempts before a mail is FAILED for good (an admin can resend it)
 * @param firstRetry    wait after the first failed attempt; doubled after each further one, up to {@code maxRetry}
 * @param lease         how long a claimed mail belongs to the node sending it before another may take it
 * @param batchSize     mails one run of the sender takes at most
 * @param staffLanguage language of mails to staff (accounts have no language of their own)
 * @param purgeAfter    sent and failed mails, and the record of mails read, are deleted once this old
 */
@ConfigurationProperties("gatedesk.mail")
record MailProperties(@DefaultValue("gatedesk@localhost") String from,
                      @DefaultValue("5s") Duration sendInterval,
                      @DefaultValue("8") int maxAttempts,
                      @DefaultValue("30s") Duration firstRetry,
                      @DefaultValue("1h") Duration maxRetry,
                      @DefaultValue("2m") Duration lease,
                      @DefaultValue("20") int batchSize,
                      @DefaultValue("en") String staffLanguage,
                      @DefaultValue("30d") Duration purgeAfter) {

    /** The part after the @ of {@link #from}, for Message-IDs that mail clients and help desks thread by. */
    String domain() {
        int at = from.lastIndexOf('@');
        return at < 0 || at == from.length() - 1 ? "localhost" : from.substring(at + 1).strip();
    }

    /** The wait before attempt {@code attempts + 1}: firstRetry, doubled per further attempt, at most maxRetry. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
