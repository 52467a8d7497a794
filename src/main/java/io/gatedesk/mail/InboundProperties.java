package io.gatedesk.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code gatedesk.mail.inbound.*}: the support mailbox GateDesk reads replies and new requests from. Off by default.
 *
 * @param protocol         {@code imap}, or {@code imaps} for TLS from the first byte
 * @param startTls         upgrade a plain {@code imap} connection with STARTTLS
 * @param folder           the folder read; mails are marked seen (and flagged when they could not be processed), never
 *                         deleted or moved
 * @param address          the support address customers write to; replies go to its plus form
 *                         {@code local+GD-12-<token>@domain}. Defaults to {@code gatedesk.mail.from}
 * @param maxSize          a larger mail is not processed
 * @param perSenderPerHour mails one sender may turn into tickets or replies per hour; further ones are kept unprocessed
 * @param batchSize        mails read per poll at most
 */
@ConfigurationProperties("gatedesk.mail.inbound")
record InboundProperties(@DefaultValue("false") boolean enabled,
                         @DefaultValue("imap") String protocol,
                         String host,
                         Integer port,
                         String username,
                         String password,
                         @DefaultValue("false") boolean startTls,
                         @DefaultValue("INBOX") String folder,
                         @DefaultValue("60s") Duration pollInterval,
                         String address,
                         @DefaultValue("10MB") DataSize maxSize,
                         @DefaultValue("10") int perSenderPerHour,
                         @DefaultValue("50") int batchSize) {

    boolean active() {
        return enabled && host != null && !host.isBlank();
    }
}
