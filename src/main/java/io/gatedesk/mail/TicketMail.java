package io.gatedesk.mail;

import io.gatedesk.escalation.EscalationService;
import io.gatedesk.selfservice.SiteSettingsService;
import io.gatedesk.ticket.CustomerReplied;
import io.gatedesk.ticket.FollowLinkIssued;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.SlaTimer;
import io.gatedesk.ticket.PublicReplyAdded;
import io.gatedesk.ticket.TicketAssigned;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.TicketStatusChanged;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import io.gatedesk.web.SiteLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    private final EscalationService escalations;

    TicketMail(MailSettings settings, Outbox outbox, TicketService tickets, UserService users,
               MailPreferences preferences, MailTemplates templates, SiteLinks links, SiteSettingsService site,
               MailProperties properties, MailThreads threads, EscalationService escalations) {
        this.escalations = escalations;
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
            String quote = messageText(ticket, reply.messageId());
            toCustomer(ticket, MailKind.PUBLIC_REPLY, reply.authorName(), quote, null).ifPresent(id ->
                    repliesInThisTransaction().put(ticket.id(), new QueuedReply(id, reply.authorName(), quote)));
        }
    }

    @EventListener
    void statusChanged(TicketStatusChanged moved) {
        if (moved.merge()) {
            // The thread goes on in the ticket it was merged into, which the customer's old link now shows.
            return;
        }
        if (moved.to() == TicketStatus.ESCALATED && settings.enabled()) {
            escalated(moved);
        }
        MailKind kind = switch (moved.to()) {
            case WAITING_ON_CUSTOMER -> MailKind.WAITING_ON_CUSTOMER;
            case RESOLVED -> MailKind.RESOLVED;
            case CLOSED -> MailKind.CLOSED;
            default -> null;
        };
        if (kind != null && settings.enabled()) {
            // "Send and resolve" is one action: the customer gets one mail, the status mail quoting the reply.
            QueuedReply reply = repliesInThisTransaction().remove(moved.ticketId());
            if (reply != null) {
                outbox.withdraw(reply.outboxId());
            }
            toCustomer(tickets.detail(moved.ticketId()), kind, reply == null ? moved.actorName() : reply.author(),
                    reply == null ? null : reply.quote(), null);
        }
    }

    /**
     * An escalation names its engineer when the agent picks one: that engineer is told, unless they escalated it
     * themselves. The escalation feature publishes no event of its own, so this follows the ticket's move to ESCALATED
     * and reads the round just opened in the same transaction; the view names the engineer by display name, so the
     * mail goes out only when exactly one engineer or admin has that name.
     */
    private void escalated(TicketStatusChanged moved) {
        escalations.latest(moved.ticketId()).filter(round -> round.engineer() != null).ifPresent(round -> {
            List<StaffMember> named = users.activeStaff().stream()
                    .filter(member -> member.displayName().equals(round.engineer())
                            && (member.has(Role.ENGINEER) || member.has(Role.ADMIN))).toList();
            if (named.size() == 1 && !named.get(0).displayName().equals(moved.actorName())) {
                toStaff(named.get(0).id(), tickets.detail(moved.ticketId()), MailKind.ESCALATION_ASSIGNED,
                        round.escalatedBy(), round.reason(), null);
            }
        });
    }

    /**
     * Warns the assignee once per SLA clock and due time that it is about to breach; the mail's fixed Message-ID
     * makes a second warning (a later run, another node) a no-op. Returns whether a warning was queued.
     */
    boolean slaWarning(TicketDetail ticket, String clock, SlaTimer timer) {
        if (!settings.enabled() || ticket.assigneeId() == null) {
            return false;
        }
        String messageId = "<gd-sla-" + ticket.id() + "-" + clock + "-" + timer.due().getEpochSecond() + "@"
                + properties.domain() + ">";
        return toStaff(ticket.assigneeId(), ticket, MailKind.SLA_WARNING, timer.dueUtc() + " UTC", null, messageId);
    }

    /**
     * Public replies queued in the current transaction, by ticket, so a status change in the same transaction can
     * replace the reply's mail; outside a transaction there is nothing to coalesce with.
     */
    @SuppressWarnings("unchecked")
    private Map<Long, QueuedReply> repliesInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<Long, QueuedReply> replies = (Map<Long, QueuedReply>) TransactionSynchronizationManager.getResource(this);
        if (replies == null) {
            Map<Long, QueuedReply> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TicketMail.this);
                }
            });
            replies = fresh;
        }
        return replies;
    }

    private record QueuedReply(long outboxId, String author, String quote) {
    }

    @EventListener
    void assigned(TicketAssigned assigned) {
        if (assigned.assigneeId() != null && !assigned.assigneeId().equals(assigned.actorUserId())
                && settings.enabled()) {
            TicketDetail ticket = tickets.detail(assigned.ticketId());
            toStaff(assigned.assigneeId(), ticket, MailKind.ASSIGNED, assigned.actorName(), null, null);
        }
    }

    @EventListener
    void customerReplied(CustomerReplied replied) {
        if (settings.enabled()) {
            TicketDetail ticket = tickets.detail(replied.ticketId());
            if (ticket.assigneeId() != null) {
                toStaff(ticket.assigneeId(), ticket, MailKind.CUSTOMER_REPLIED, ticket.customerName(),
                        messageText(ticket, replied.messageId()), null);
            }
        }
    }

    /** Queues a customer mail; its outbox id, empty when the ticket has no address. */
    private Optional<Long> toCustomer(TicketDetail ticket, MailKind kind, String actorName, String quote,
                                      String followUrl) {
        if (ticket.customerEmail() == null || ticket.customerEmail().isBlank()) {
            return Optional.empty();
        }
        Locale locale = MailLanguage.of(ticket.locale());
        Map<String, Object> values = values(ticket, kind, locale, ticket.customerName(), actorName, quote);
        values.put("linkUrl", followUrl);
        values.put("linkLabel", followUrl == null ? null : templates.message("mail.link." + kind, locale));
        values.put("hint", templates.message(followUrl == null ? "mail.hint.customer" : "mail.hint.private", locale,
                ticket.number()));
        return Optional.of(outbox.enqueue(mail(kind, ticket.customerEmail(), locale, ticket, values,
                threads.replyAddress(ticket.id()).orElse(null))));
    }

    /** Queues a staff mail unless they switched its kind off; once only when {@code messageId} is given. */
    private boolean toStaff(long userId, TicketDetail ticket, MailKind kind, String actorName, String quote,
                            String messageId) {
        StaffMember member = users.find(userId).orElse(null);
        if (member == null || !member.enabled() || member.email() == null || member.email().isBlank()
                || !preferences.wants(userId, kind)) {
            return false;
        }
        Locale locale = MailLanguage.of(properties.staffLanguage());
        Map<String, Object> values = values(ticket, kind, locale, member.displayName(), actorName, quote);
        values.put("linkUrl", link((kind == MailKind.ESCALATION_ASSIGNED ? "/engineering/tickets/" : "/desk/tickets/")
                + ticket.number()));
        values.put("linkLabel", templates.message("mail.link.staff", locale));
        values.put("hint", templates.message("mail.hint.staff", locale, link("/profile")));
        Outbox.Mail mail = mail(kind, member.email(), locale, ticket, values, null);
        if (messageId != null) {
            return outbox.enqueueOnce(mail, messageId);
        }
        outbox.enqueue(mail);
        return true;
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

    private Outbox.Mail mail(MailKind kind, String recipient, Locale locale, TicketDetail ticket,
                             Map<String, Object> values, String replyTo) {
        String subject = "[" + ticket.number() + "] " + templates.message("mail.subject." + kind, locale,
                ticket.subject());
        log.info("Queueing {} mail for {}", kind, ticket.number());
        return new Outbox.Mail(kind, recipient, locale, ticket.id(), subject, TEMPLATE, values, replyTo);
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
