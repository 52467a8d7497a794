package io.gatedesk.mail;

import io.gatedesk.ticket.FollowLinkIssued;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-ticket reply addresses. Customer mails carry {@code Reply-To: support+GD-12-<token>@domain}; a mail to that
 * address is a reply to ticket 12 whoever sends it, because only the mails' recipients know the token.
 */
@Component
class MailThreads {

    /** The plus part of a reply address; lower case only, since some mail servers fold the local part's case. */
    private static final Pattern REPLY_ADDRESS = Pattern.compile("\\+gd-(\\d{1,18})-([0-9a-f]{20})@",
            Pattern.CASE_INSENSITIVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailThreadRepository threads;
    private final MailSettings settings;
    private final InboundProperties inbound;
    private final MailProperties properties;
    private final Clock clock;

    MailThreads(MailThreadRepository threads, MailSettings settings, InboundProperties inbound,
                MailProperties properties, Clock clock) {
        this.threads = threads;
        this.settings = settings;
        this.inbound = inbound;
        this.properties = properties;
        this.clock = clock;
    }

    /** In the filing transaction: the follow token exists only now, so a later reply by mail can use it. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE) // before the confirmation mail, which carries the reply address
    void filed(FollowLinkIssued filed) {
        if (settings.enabled() || inbound.active()) {
            byte[] token = new byte[10];
            RANDOM.nextBytes(token);
            threads.save(new MailThread(filed.ticketId(), HexFormat.of().formatHex(token), filed.followToken(),
                    clock.instant()));
        }
    }

    /** The support address, {@code gatedesk.mail.inbound.address} or else the sender address. */
    String supportAddress() {
        return inbound.address() == null || inbound.address().isBlank() ? properties.from() : inbound.address().strip();
    }

    /** Where a customer's answer to a mail about {@code ticketId} goes, while GateDesk reads the mailbox. */
    Optional<String> replyAddress(long ticketId) {
        if (!inbound.active()) {
            return Optional.empty();
        }
        String support = supportAddress();
        int at = support.lastIndexOf('@');
        return threads.findById(ticketId).filter(thread -> at > 0).map(thread -> support.substring(0, at) + "+gd-"
                + ticketId + "-" + thread.replyToken() + support.substring(at));
    }

    /** The ticket a recipient address replies to, when it is one of our reply addresses with the right token. */
    Optional<Long> ticketOfReplyAddress(String address) {
        Matcher matcher = REPLY_ADDRESS.matcher(address == null ? "" : address);
        if (!matcher.find()) {
            return Optional.empty();
        }
        long ticketId = Long.parseLong(matcher.group(1));
        String token = matcher.group(2).toLowerCase(Locale.ROOT);
        byte[] given = token.getBytes(StandardCharsets.US_ASCII);
        return threads.findById(ticketId)
                .filter(thread -> MessageDigest.isEqual(thread.replyToken().getBytes(StandardCharsets.US_ASCII), given))
                .map(thread -> ticketId);
    }

    Optional<String> followToken(long ticketId) {
        return threads.findById(ticketId).map(MailThread::followToken);
    }
}
