package io.gatedesk.ticket.read;

import io.gatedesk.ticket.Tag;
import io.gatedesk.ticket.store.TicketTags;
import java.util.Collection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.gatedesk.ticket.SlaPolicy;
import io.gatedesk.ticket.SlaStatus;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketAttachments;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.store.MaskedKeyEvidence;
import io.gatedesk.ticket.store.Ticket;
import io.gatedesk.ticket.store.TicketEvent;
import io.gatedesk.ticket.store.TicketEventRepository;
import io.gatedesk.ticket.store.TicketMessage;
import io.gatedesk.ticket.store.TicketMessageRepository;
import io.gatedesk.ticket.store.TicketRepository;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading one ticket or a few: its detail page, its evidence for other features, its masked keys. */
@Service
@Transactional(readOnly = true)
public class TicketReads {

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketEventRepository events;
    private final UserService users;
    private final MaskedKeyEvidence maskedKeys;
    private final SlaPolicy sla;
    private final TicketTags tags;
    private final ObjectProvider<TicketAttachments> attachments;

    TicketReads(TicketRepository tickets, TicketMessageRepository messages, TicketEventRepository events,
                UserService users, MaskedKeyEvidence maskedKeys, SlaPolicy sla, TicketTags tags,
                ObjectProvider<TicketAttachments> attachments) {
        this.tags = tags;
        this.attachments = attachments;
        this.tickets = tickets;
        this.messages = messages;
        this.events = events;
        this.users = users;
        this.maskedKeys = maskedKeys;
        this.sla = sla;
    }

    public SlaStatus sla(TicketDetail ticket) {
        return sla.of(ticket);
    }

    /** The masked keys the ticket mentions, as the secret guard and the parsers recorded them (oldest first). */
    public List<MaskedKey> maskedKeys(long id) {
        return maskedKeys.of(id);
    }

    public TicketDetail detail(long id) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
        return detailOf(ticket, users.staffById(), maskedKeys.of(ticket.getId()),
                messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId()),
                events.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId()));
    }

    /**
     * The details of several tickets, read with one query per kind of row whatever their number (a bulk reply fills
     * each one's placeholders), in the order of {@code ids}; tickets that do not exist are left out.
     */
    public List<TicketDetail> details(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Ticket> found = new java.util.HashMap<>();
        tickets.findAllById(ids).forEach(ticket -> found.put(ticket.getId(), ticket));
        Map<Long, List<TicketMessage>> messagesOf = new java.util.HashMap<>();
        messages.findByTicketIdInOrderByCreatedAtAscIdAsc(ids).forEach(message -> messagesOf
                .computeIfAbsent(message.getTicketId(), id -> new ArrayList<>()).add(message));
        Map<Long, List<TicketEvent>> eventsOf = new java.util.HashMap<>();
        events.findByTicketIdInOrderByCreatedAtAscIdAsc(ids).forEach(event -> eventsOf
                .computeIfAbsent(event.getTicketId(), id -> new ArrayList<>()).add(event));
        Map<Long, List<MaskedKey>> keysOf = maskedKeys.of(ids);
        Map<Long, StaffMember> staff = users.staffById();
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull)
                .map(ticket -> detailOf(ticket, staff, keysOf.getOrDefault(ticket.getId(), List.of()),
                        messagesOf.getOrDefault(ticket.getId(), List.of()),
                        eventsOf.getOrDefault(ticket.getId(), List.of())))
                .toList();
    }

    private static TicketDetail detailOf(Ticket ticket, Map<Long, StaffMember> staff,
                                         List<MaskedKey> keys, List<TicketMessage> onTicket,
                                         List<TicketEvent> audit) {
        return new TicketDetail(ticket.getId(), TicketNumber.format(ticket.getId()), ticket.getSubject(),
                ticket.getDescription(), ticket.getCustomerName(), ticket.getCustomerEmail(), ticket.getClient(),
                ticket.getClientVersion(), ticket.getBaseUrl(), ticket.getModel(), ticket.getMaskedKey(),
                ticket.getRequestIds(), ticket.getStatusCode(), ticket.getErrorMessage(), ticket.getRequestTime(),
                ticket.getRequestTimeZone(), ticket.getStream(), ticket.getCallerType(), ticket.getStatus(),
                ticket.getPriority(), ticket.getAssigneeId(), nameOf(staff, ticket.getAssigneeId()),
                ticket.getVersion(), ticket.getCreatedAt(), ticket.getUpdatedAt(), ticket.getFirstResponseAt(),
                ticket.getResolvedAt(), ticket.getLocale(), keys,
                onTicket.stream().map(TicketMessage::toView).toList(),
                audit.stream().map(TicketEvent::toView).toList(), ticket.getTaskIds(),
                numberOf(ticket.getMergedInto()), numberOf(ticket.getSplitFrom()));
    }

    private static String numberOf(Long id) {
        return id == null ? null : TicketNumber.format(id);
    }

    public TicketEvidence evidence(long id) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(TicketNumber.format(id)));
        return withAttachedTexts(List.of(evidenceOf(ticket,
                messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId())))).get(0);
    }

    /**
     * The evidence of several tickets, read with two queries whatever their number, in the order of {@code ids};
     * tickets that do not exist are left out.
     */
    public List<TicketEvidence> evidence(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TicketMessage>> bodies = new java.util.HashMap<>();
        for (TicketMessage message : messages.findByTicketIdInOrderByCreatedAtAscIdAsc(ids)) {
            bodies.computeIfAbsent(message.getTicketId(), id -> new ArrayList<>()).add(message);
        }
        Map<Long, Ticket> found = new java.util.HashMap<>();
        tickets.findAllById(ids).forEach(ticket -> found.put(ticket.getId(), ticket));
        return withAttachedTexts(ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull)
                .map(ticket -> evidenceOf(ticket, bodies.getOrDefault(ticket.getId(), List.of()))).toList());
    }

    /** Attached files (logs, HAR files) are evidence too: their masked lines that carry request IDs join the texts. */
    private List<TicketEvidence> withAttachedTexts(List<TicketEvidence> found) {
        TicketAttachments files = attachments.getIfAvailable();
        if (files == null || found.isEmpty()) {
            return found;
        }
        Map<Long, List<String>> texts = files.evidenceTexts(found.stream().map(TicketEvidence::id).toList());
        return found.stream().map(e -> e.withTexts(texts.getOrDefault(e.id(), List.of()))).toList();
    }

    private static TicketEvidence evidenceOf(Ticket ticket, List<TicketMessage> onTicket) {
        return new TicketEvidence(ticket.getId(), TicketNumber.format(ticket.getId()), ticket.getSubject(),
                ticket.getDescription(), ticket.getClient(), ticket.getClientVersion(), ticket.getBaseUrl(),
                ticket.getModel(), ticket.getMaskedKey(), ticket.getRequestIds(), ticket.getStatusCode(),
                ticket.getErrorMessage(), ticket.getRequestTime(), ticket.getCallerType(),
                onTicket.stream().map(TicketMessage::getBody).toList(),
                onTicket.stream().filter(TicketMessage::isEvidence).map(TicketMessage::getBody).toList(),
                ticket.getCreatedAt(), ticket.getTaskIds());
    }

    /**
     * Tickets filed since {@code since} that no feature has given a category yet, oldest first, from the first one
     * after {@code afterId} (0 for all), at most {@code limit}.
     */
    public List<Long> uncategorizedSince(Instant since, long afterId, int limit) {
        return tickets.findUncategorizedSince(since, afterId, org.springframework.data.domain.Limit.of(limit));
    }

    public Optional<Long> idOf(String number) {
        return TicketNumber.parse(number).filter(tickets::existsById);
    }

    public static String nameOf(Map<Long, StaffMember> staff, Long id) {
        if (id == null) {
            return null;
        }
        StaffMember member = staff.get(id);
        return member == null ? null : member.displayName();
    }

    public Map<Long, List<String>> tagsOf(Collection<Long> ids) {
        return tags.of(ids);
    }

    /** Tags in use starting with what was typed (normalised), most used first: the tag field's autocomplete. */
    public List<String> tagsStartingWith(String typed, int limit) {
        String prefix = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "-");
        return prefix.length() > Tag.MAX_LENGTH ? List.of() : tags.startingWith(prefix, limit);
    }

    /** Every tag's chip colour that an admin chose; other tags use {@link Tag#colourOf}. */
    public Map<String, String> tagColours() {
        return tags.colours();
    }
}
