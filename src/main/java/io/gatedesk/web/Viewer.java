package io.gatedesk.web;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is looking at the page, for the layout's navigation: templates ask {@code ${@viewer.admin}} and the like.
 * The security dialect's {@code sec:authorize} parses its expression again on every use; eleven of them made up a
 * tenth of rendering the queue page. Reads the current request's authentication, so it is right on every page,
 * error pages included.
 */
@Component("viewer")
public class Viewer {

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    /** Logged in (not anonymous). */
    public boolean isAuthenticated() {
        Authentication authentication = current();
        return authentication != null && trust.isAuthenticated(authentication);
    }

    /** May work the desk: agents, engineers and admins. */
    public boolean isStaff() {
        return hasAny("ROLE_AGENT", "ROLE_ENGINEER", "ROLE_ADMIN");
    }

    /** May import gateway logs: agents and admins. */
    public boolean isImporter() {
        return hasAny("ROLE_AGENT", "ROLE_ADMIN");
    }

    /** May write articles for the knowledge base: agents and admins (engineers read them). */
    public boolean isAgentOrAdmin() {
        return hasAny("ROLE_AGENT", "ROLE_ADMIN");
    }

    public boolean isAdmin() {
        return hasAny("ROLE_ADMIN");
    }

    /** The logged-in user's name, or {@code null}. */
    public String getName() {
        return isAuthenticated() ? current().getName() : null;
    }

    private boolean hasAny(String... roles) {
        Authentication authentication = current();
        if (authentication == null || !trust.isAuthenticated(authentication)) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (String role : roles) {
                if (role.equals(authority.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Authentication current() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
