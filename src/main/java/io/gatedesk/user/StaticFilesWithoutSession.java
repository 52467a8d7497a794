package io.gatedesk.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Static files (stylesheets, scripts, images, webjars) never look at the session. Sessions live in the database,
 * and Spring MVC's flash-attribute lookup asks every request for its session, so without this a request for
 * {@code app.css} that carries a session cookie loads the session from the database — and while the database is
 * away, even the 503 page would lose its stylesheet. Placed right after Spring Session's filter.
 */
class StaticFilesWithoutSession extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/assets/") || path.startsWith("/webjars/") || "/favicon.ico".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                return create ? super.getSession(true) : null;
            }
        }, response);
    }
}
