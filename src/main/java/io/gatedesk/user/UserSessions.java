package io.gatedesk.user;

import io.gatedesk.common.Hashing;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A staff member's sessions, kept by Spring Session in the database: listed on the profile page and ended from there,
 * and all ended when an admin resets the password or disables the account. A session is named on pages by a hash of
 * its id, never by the id itself, which is a credential.
 */
@Service
public class UserSessions {

    static final String LOGIN_AT = "gatedesk.login.at";
    static final String LOGIN_ADDRESS = "gatedesk.login.address";
    static final String LOGIN_AGENT = "gatedesk.login.agent";

    public record SessionView(String ref, Instant loggedInAt, Instant lastSeenAt, String address, String agent,
                              boolean current) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Clock clock;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Notes when and from where the session (already renewed by Spring Security at login) was started. */
    void started(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute(LOGIN_AT, clock.millis());
        session.setAttribute(LOGIN_ADDRESS, request.getRemoteAddr());
        String agent = request.getHeader("User-Agent");
        session.setAttribute(LOGIN_AGENT, agent == null ? "" : agent.substring(0, Math.min(agent.length(), 160)));
    }

    public List<SessionView> of(String username, String currentSessionId) {
        return sessions.findByPrincipalName(username).values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> view(session, currentSessionId))
                .sorted(Comparator.comparing(SessionView::current).reversed()
                        .thenComparing(SessionView::lastSeenAt, Comparator.reverseOrder()))
                .toList();
    }

    /** Ends one of the user's own sessions; a reference to anybody else's session ends nothing. */
    public boolean end(String username, String ref) {
        for (Map.Entry<String, ? extends Session> entry : sessions.findByPrincipalName(username).entrySet()) {
            if (ref(entry.getKey()).equals(ref)) {
                sessions.deleteById(entry.getKey());
                return true;
            }
        }
        return false;
    }

    /** Ends every session of the user except {@code keepSessionId} (which may be null); returns how many ended. */
    public int endAll(String username, String keepSessionId) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(username).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    private SessionView view(Session session, String currentSessionId) {
        Long loginAt = session.getAttribute(LOGIN_AT);
        return new SessionView(ref(session.getId()),
                loginAt == null ? session.getCreationTime() : Instant.ofEpochMilli(loginAt),
                session.getLastAccessedTime(), session.getAttribute(LOGIN_ADDRESS), session.getAttribute(LOGIN_AGENT),
                session.getId().equals(currentSessionId));
    }

    static String ref(String sessionId) {
        return Hashing.sha256Hex(sessionId).substring(0, 24);
    }
}
