package io.gatedesk.answer;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.triage.TriageService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per-category checklists on tickets. Each tick is saved and audited on the ticket, and the progress is handed to
 * the ticket package (as "done/total") so the queue shows it without knowing about checklists.
 */
@Service
@Transactional
public class ChecklistService {

    private final ChecklistItemRepository items;
    private final ChecklistTickRepository ticks;
    private final TriageService triage;
    private final TicketService tickets;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChecklistService(ChecklistItemRepository items, ChecklistTickRepository ticks, TriageService triage,
                     TicketService tickets, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.items = items;
        this.ticks = ticks;
        this.triage = triage;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * The checklist of the ticket's current category, item texts in {@code language}. The stored progress is brought
     * up to date too, since a new category brings a new checklist.
     */
    public TicketChecklist forTicket(long ticketId, String language) {
        TicketChecklist checklist = load(ticketId, language);
        tickets.setChecklistProgress(ticketId, checklist.progress());
        return checklist;
    }

    /** The categories that have a checklist (one with an active item), in name order. */
    @Transactional(readOnly = true)
    public List<String> categories() {
        return items.findAll().stream().filter(ChecklistItem::isActive).map(ChecklistItem::getCategory)
                .distinct().sorted().toList();
    }

    public TicketChecklist tick(long ticketId, long itemId, boolean done, Actor actor, String language) {
        ChecklistItem item = items.findById(itemId).filter(ChecklistItem::isActive)
                .orElseThrow(() -> new AnswerNotFoundException("checklist item #" + itemId));
        ChecklistTick tick = ticks.findById(new ChecklistTick.Key(ticketId, itemId))
                .orElseGet(() -> new ChecklistTick(ticketId, itemId));
        if (tick.isDone() != done || tick.getChangedBy() == null) {
            tick.set(done, actor.name(), clock.instant());
            ticks.save(tick);
            tickets.recordAudit(ticketId, actor, TicketAction.CHECKLIST_UPDATED,
                    (done ? "✓ " : "✗ ") + item.text(language));
            if (done) {
                events.publishEvent(new ChecklistItemTicked(item.getCategory(), item.getKey(),
                        Languages.of(language), ticketId));
            }
        }
        return forTicket(ticketId, language);
    }

    private TicketChecklist load(long ticketId, String language) {
        String category = triage.forTicket(ticketId).category().name();
        Map<Long, ChecklistTick> state = ticks.findByTicketId(ticketId).stream()
                .collect(Collectors.toMap(ChecklistTick::getItemId, Function.identity()));
        return new TicketChecklist(category, items.findByCategoryAndActiveTrueOrderByPositionAsc(category).stream()
                .map(item -> {
                    ChecklistTick tick = state.get(item.getId());
                    return new TicketChecklist.Item(item.getId(), item.getKey(), item.text(language),
                            tick != null && tick.isDone(), tick == null ? null : tick.getChangedBy());
                })
                .toList());
    }
}
