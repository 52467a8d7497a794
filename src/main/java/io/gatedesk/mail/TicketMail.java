package io.gatedesk.mail;

import io.gatedesk.selfservice.SiteSettingsService;
import io.gatedesk.ticket.CustomerReplied;
import io.gatedesk.ticket.FollowLinkIssued;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.PublicReplyAdded;
import io.gatedesk.ticket.TicketAssigned;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.TicketStatusChanged;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import io.gatedesk.web.SiteLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns ticket events into outbox mails. Plain {@link EventListener}s: they run while the ticket's transaction is
 * open, so the outbox row commits or rolls back with the change that caused it. Customers hear of filing, public
 * replies (never internal notes) and the statuses that ask something of them or end the case; staff of tickets given
 * to them and customer answers on their tickets, unless they switched that off.
 */
@Component
class TicketMail {

    private static final Logger log = LoggerFactory.getLogger(TicketMail.class);
    private static final String TEMPLATE = "ticket";

    private final MailSettings settings;
    private final Outbox outbox;
    private final TicketService tickets;
    private final UserService users;
    private final MailPreferences preferences;
    private final MailTemplates templates;
    private final SiteLinks links;
    private final SiteSettingsService site;
    private final MailProperties properties;
    private final MailThreads threads;

    TicketMail(MailSettings settings, Outbox outbox, TicketService tickets, UserService users,
               MailPreferences preferences, MailTemplates templates, SiteLinks links, SiteSettingsService site,
               MailProperties properties, MailThreads threads) {
        this.threads = threads;
        this.settings = settings;
        this.outbox = outbox;
        this.tickets = tickets;
        this.users = users;
        this.preferences = preferences;
        this.templates = templates;
        this.links = links;
        this.site = site;
        this.properties = properties;
    }

    @EventListener
    void filed(FollowLinkIssued filed) {
        if (settings.enabled()) {
            TicketDetail ticket = tickets.detail(filed.ticketId());
            toCustomer(ticket, MailKind.TICKET_FILED, null, null, link("/t/" + filed.followToken()));
        }
    }

    @EventListener
    void publicReply(PublicReplyAdded reply) {
        if (settings.enabled()) {
            TicketDetail ticket = tickets.detail(reply.ticketId());
            toCustomer(ticket, MailKind.PUBLIC_REPLY, reply.authorName(), messageText(ticket, reply.messageId()), null);
        }
    }

    @EventListener
    void statusChanged(TicketStatusChanged moved) {
        MailKind kind = switch (moved.to()) {
            case WAITING_ON_CUSTOMER -> MailKind.WAITING_ON_CUSTOMER;
            case RESOLVED -> MailKind.RESOLVED;
            case CLOSED -> MailKind.CLOSED;
            default -> null;
        };
        if (kind != null && settings.enabled()) {
            toCustomer(tickets.detail(moved.ticketId()), kind, moved.actorName(), null, null);
        }
    }

    @EventListener
    void assigned(TicketAssigned assigned) {
        if (assigned.assigneeId() != null && !assigned.assigneeId().equals(assigned.actorUserId())
                && settings.enabled()) {
            TicketDetail ticket = tickets.detail(assigned.ticketId());
            toStaff(assigned.assigneeId(), ticket, MailKind.ASSIGNED, assigned.actorName(), null);
        }
    }

    @EventListener
    void customerReplied(CustomerReplied replied) {
        if (settings.enabled()) {
            TicketDetail ticket = tickets.detail(replied.ticketId());
            if (ticket.assigneeId() != null) {
                toStaff(ticket.assigneeId(), ticket, MailKind.CUSTOMER_REPLIED, ticket.customerName(),
                        messageText(ticket, replied.messageId()));
            }
        }
    }

    private void toCustomer(TicketDetail ticket, MailKind kind, String actorName, String quote, String followUrl) {
        if (ticket.customerEmail() == null || ticket.customerEmail().isBlank()) {
            return;
        }
        Locale locale = MailLanguage.of(ticket.locale());
        Map<String, Object> values = values(ticket, kind, locale, ticket.customerName(), actorName, quote);
        values.put("linkUrl", followUrl);
        values.put("linkLabel", followUrl == null ? null : templates.message("mail.link." + kind, locale));
        values.put("hint", templates.message(followUrl == null ? "mail.hint.customer" : "mail.hint.private", locale,
                ticket.number()));
        enqueue(kind, ticket.customerEmail(), locale, ticket, values, threads.replyAddress(ticket.id()).orElse(null));
    }

    private void toStaff(long userId, TicketDetail ticket, MailKind kind, String actorName, String quote) {
        StaffMember member = users.find(userId).orElse(null);
        if (member == null || !member.enabled() || member.email() == null || member.email().isBlank()
                || !preferences.wants(userId, kind)) {
            return;
        }
        Locale locale = MailLanguage.of(properties.staffLanguage());
        Map<String, Object> values = values(ticket, kind, locale, member.displayName(), actorName, quote);
        values.put("linkUrl", link("/desk/tickets/" + ticket.number()));
        values.put("linkLabel", templates.message("mail.link.staff", locale));
        values.put("hint", templates.message("mail.hint.staff", locale, link("/profile")));
        enqueue(kind, member.email(), locale, ticket, values, null);
    }

    private Map<String, Object> values(TicketDetail ticket, MailKind kind, Locale locale, String greeted,
                                       String actorName, String quote) {
        Map<String, Object> values = new HashMap<>();
        values.put("intro", templates.message("mail.intro." + kind, locale, greeted, ticket.number(),
                actorName == null ? "" : actorName));
        values.put("number", ticket.number());
        values.put("ticketSubject", ticket.subject());
        values.put("quote", quote);
        values.put("quoteAuthor", actorName);
        values.put("footer", templates.message("mail.footer", locale, site.current().name()));
        return values;
    }

    private void enqueue(MailKind kind, String recipient, Locale locale, TicketDetail ticket,
                         Map<String, Object> values, String replyTo) {
        String subject = "[" + ticket.number() + "] " + templates.message("mail.subject." + kind, locale,
                ticket.subject());
        outbox.enqueue(new Outbox.Mail(kind, recipient, locale, ticket.id(), subject, TEMPLATE, values, replyTo));
        log.info("Queued {} mail for {}", kind, ticket.number());
    }

    private static String messageText(TicketDetail ticket, long messageId) {
        return ticket.messages().stream().filter(message -> message.id() != null && message.id() == messageId)
                .map(MessageView::body).findFirst().orElse(null);
    }

    /**
     * An absolute link: {@code gatedesk.site.base-url}, else the address of the request that caused the mail. A change
     * made outside any request (a scheduled job) with no base URL set gets the bare path; the admin page warns.
     */
    private String link(String path) {
        try {
            return links.absolute(path);
        } catch (IllegalStateException noRequest) {
            return path;
        }
    }
}
