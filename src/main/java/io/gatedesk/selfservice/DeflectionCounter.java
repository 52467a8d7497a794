package io.gatedesk.selfservice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts self-service checks that ended without a ticket. Privacy first: a browser session holds a random episode
 * key per kind (never the session id); the database row holds that key, times, a check count and whether the last
 * check passed, never what was typed, the visitor's address or the session. A ticket filed in the same session within
 * the window marks the session's episodes as "a ticket followed"; everything else ends as deflected once the window
 * passes. The configuration check uses it; the diagnose page calls {@link #checkEnded(DeflectionKind)} the same way.
 */
@Service
public class DeflectionCounter {

    static final String SESSION_ATTRIBUTE = DeflectionCounter.class.getName() + ".episodes";
    static final int SUMMARY_DAYS = 30;

    private final DeflectionEpisodeRepository episodes;
    private final Clock clock;
    private final Duration window;

    DeflectionCounter(DeflectionEpisodeRepository episodes, Clock clock,
                      @Value("${gatedesk.self-service.deflection-window:2h}") Duration window) {
        this.episodes = episodes;
        this.clock = clock;
        this.window = window;
    }

    /** A check of {@code kind} ended on a page, in the current browser session. */
    public void checkEnded(DeflectionKind kind) {
        checkEnded(kind, DeflectionChannel.PAGE, null);
    }

    /** A check ended; {@code ok} says whether it found nothing wrong ({@code null}: not applicable). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void checkEnded(DeflectionKind kind, DeflectionChannel channel, Boolean ok) {
        Instant now = clock.instant();
        HttpSession session = channel.linkable() ? currentSession(true) : null;
        if (session == null) {
            episodes.save(new DeflectionEpisode(UUID.randomUUID().toString(), kind, DeflectionChannel.API.name(), ok,
                    now));
            return;
        }
        Map<DeflectionKind, SessionEpisode> open = sessionEpisodes(session);
        SessionEpisode current = open.get(kind);
        DeflectionEpisode episode = current == null || current.lastCheck().plus(window).isBefore(now) ? null
                : episodes.findByEpisodeKey(current.key()).orElse(null);
        if (episode == null) {
            String key = UUID.randomUUID().toString();
            episodes.save(new DeflectionEpisode(key, kind, channel.name(), ok, now));
            open.put(kind, new SessionEpisode(key, now));
        } else {
            episode.checkedAgain(ok, now);
            open.put(kind, new SessionEpisode(current.key(), now));
        }
        session.setAttribute(SESSION_ATTRIBUTE, open);
    }

    /**
     * Whether the current browser session has checks a ticket filed now would count against. No transaction: most
     * filings (the API, a visitor who ran no check) have none, and should not pay for opening one.
     */
    public boolean hasOpenEpisodes() {
        HttpSession session = currentSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Map<?, ?>;
    }

    /** Ticket {@code ticketId} was filed in the current request: the session's recent episodes did not prevent it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ticketFiled(long ticketId) {
        HttpSession session = currentSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Map<?, ?>)) {
            return;
        }
        Instant now = clock.instant();
        sessionEpisodes(session).values().stream()
                .filter(open -> !open.lastCheck().plus(window).isBefore(now))
                .forEach(open -> episodes.findByEpisodeKey(open.key()).ifPresent(episode -> episode.ticketFiled(now, ticketId)));
        session.removeAttribute(SESSION_ATTRIBUTE);
    }

    @Transactional(readOnly = true)
    public DeflectionSummary summary() {
        Instant now = clock.instant();
        List<DeflectionSummary.Row> rows = new ArrayList<>();
        for (Object[] row : episodes.summarize(now.minus(Duration.ofDays(SUMMARY_DAYS)), now.minus(window))) {
            DeflectionKind kind = (DeflectionKind) row[0];
            DeflectionChannel channel = DeflectionChannel.valueOf((String) row[1]);
            long total = number(row[2]);
            long withTicket = number(row[3]);
            long open = channel.linkable() ? number(row[4]) : 0;
            long ended = channel.linkable() ? total - withTicket - open : 0;
            rows.add(new DeflectionSummary.Row(kind, channel, total, number(row[6]), withTicket, open, ended,
                    channel.linkable() ? number(row[5]) : 0));
        }
        rows.sort(Comparator.comparing(DeflectionSummary.Row::kind).thenComparing(DeflectionSummary.Row::channel));
        return new DeflectionSummary(SUMMARY_DAYS, window, List.copyOf(rows));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<DeflectionKind, SessionEpisode> sessionEpisodes(HttpSession session) {
        Object stored = session.getAttribute(SESSION_ATTRIBUTE);
        return stored instanceof HashMap<?, ?> map ? (HashMap<DeflectionKind, SessionEpisode>) map : new HashMap<>();
    }

    private static HttpSession currentSession(boolean create) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        return request.getSession(create);
    }

    record SessionEpisode(String key, Instant lastCheck) implements Serializable {
    }
}
