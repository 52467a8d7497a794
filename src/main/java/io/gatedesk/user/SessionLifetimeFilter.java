package io.gatedesk.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Ends a signed-in session once it is older than the absolute lifetime (12 h by default), however active it was;
 * the idle timeout is Spring Session's own. It runs before Spring Security, which then sees no session and asks
 * the user to log in again.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration absoluteTimeout;
    private final Clock clock;

    SessionLifetimeFilter(Duration absoluteTimeout, Clock clock) {
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(UserSessions.LOGIN_AT) instanceof Long loginAt
                && clock.millis() - loginAt > absoluteTimeout.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
