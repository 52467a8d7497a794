package io.gatedesk.ticket.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The exact terms the queue search finds a ticket by besides its text: the customer's email, their name whole and
 * word by word, and the request IDs given on the form, all lower-cased. Looked up through the primary key, so a
 * request ID or an email finds its ticket among 100 000 without reading a single description.
 */
@Component
public class SearchTerms {

    public static final int MAX_TERM = 256;
    private static final Pattern WORDS = Pattern.compile("[\\s,;]+");
    private static final int BACKFILL_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(SearchTerms.class);

    private final TicketSearchTermRepository terms;
    private final TicketRepository tickets;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public SearchTerms(TicketSearchTermRepository terms, TicketRepository tickets, JdbcTemplate jdbc,
                TransactionTemplate transactions) {
        this.terms = terms;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The normalised form of what an agent typed, as terms are stored. */
    public static String normalise(String query) {
        return query == null ? null : query.strip().toLowerCase(Locale.ROOT);
    }

    public static Set<String> of(String customerEmail, String customerName, List<String> requestIds) {
        Set<String> found = new LinkedHashSet<>();
        add(found, customerEmail);
        add(found, customerName);
        if (customerName != null) {
            for (String word : WORDS.split(customerName.strip())) {
                add(found, word);
            }
        }
        requestIds.forEach(id -> add(found, id));
        return found;
    }

    private static void add(Set<String> found, String value) {
        String term = normalise(value);
        if (term != null && !term.isEmpty() && term.length() <= MAX_TERM) {
            found.add(term);
        }
    }

    // The backfill (here or on another node) may index the same ticket at the same time: a term written first is kept.
    private static final String INSERT =
            "INSERT INTO ticket_search_terms (term, ticket_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    /** Indexes a ticket just filed, in the filing's transaction. */
    public void index(Ticket ticket) {
        jdbc.batchUpdate(INSERT, rows(List.of(ticket)));
    }

    /** Lets ticket {@code intoId} be found by the terms of {@code fromId} too (a merge moved its thread there). */
    public void copy(long fromId, long intoId) {
        List<Object[]> rows = jdbc.queryForList("SELECT term FROM ticket_search_terms WHERE ticket_id = ?",
                String.class, fromId).stream().map(term -> new Object[]{term, intoId}).toList();
        jdbc.batchUpdate(INSERT, rows);
    }

    private static List<Object[]> rows(Iterable<Ticket> tickets) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (Ticket ticket : tickets) {
            for (String term : of(ticket.getCustomerEmail(), ticket.getCustomerName(), ticket.getRequestIds())) {
                rows.add(new Object[]{term, ticket.getId()});
            }
        }
        return rows;
    }

    /** Tickets filed before the search terms existed get theirs once, in batches, on a thread of their own. */
    @EventListener(ApplicationReadyEvent.class)
    public void startBackfill() {
        Thread thread = new Thread(this::backfill, "search-terms-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /** Indexes every ticket that has no search terms yet; safe to run on several nodes at once. */
    public void backfill() {
        try {
            backfillAll();
        } catch (RuntimeException e) {
            // A node stopping mid-way leaves the rest to the next start.
            log.warn("Search terms of earlier tickets not indexed: {}", e.toString());
        }
    }

    private void backfillAll() {
        long after = 0;
        int indexed = 0;
        while (true) {
            long from = after;
            List<Long> ids = terms.findTicketsWithoutTerms(from, Limit.of(BACKFILL_BATCH));
            if (ids.isEmpty()) {
                break;
            }
            transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows(tickets.findAllById(ids))));
            indexed += ids.size();
            after = ids.get(ids.size() - 1);
        }
        if (indexed > 0) {
            log.info("Indexed the search terms of {} earlier ticket(s)", indexed);
        }
    }
}
