package io.gatedesk.user;

import io.gatedesk.user.LoginAudit.Channel;
import io.gatedesk.user.LoginAudit.Detail;
import io.gatedesk.user.LoginAudit.Outcome;
import io.gatedesk.web.ApiErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * What the security chains need for login throttling, the login audit and session bookkeeping: a filter and
 * handlers for the form login, a logout handler, and a filter for credentials on the JSON API (HTTP Basic, personal
 * tokens, ingest tokens). Counts and locks live in {@link LoginThrottle}, the trail in {@link LoginAudit}.
 */
@Component
public class LoginProtection {

    /** Where a refused form login is forwarded to be shown the wait (a request attribute carries the seconds). */
    public static final String THROTTLED_PATH = "/login/throttled";
    static final String WAIT_ATTRIBUTE = LoginProtection.class.getName() + ".wait";
    static final String USERNAME_ATTRIBUTE = LoginProtection.class.getName() + ".username";
    /** The second step of a login for staff with an authenticator app. */
    public static final String SECOND_FACTOR_PATH = "/login/code";
    /** How long the password step stays good while the code is being typed. */
    static final Duration SECOND_FACTOR_TIME = Duration.ofMinutes(5);
    private static final String PENDING_ATTRIBUTE = "gatedesk.login.pending-second-factor";

    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final UserSessions sessions;
    private final TwoFactor twoFactor;
    private final UserDetailsService userDetails;
    private final Clock clock;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    /** Where a completed login goes; set by the chain through {@link #formLoginSuccess}. */
    private volatile AuthenticationSuccessHandler afterLogin;

    /** A password accepted for an account whose login still needs its code; kept in the session. */
    record PendingSecondFactor(String username, long passwordAtMillis) implements Serializable {
    }

    LoginProtection(LoginThrottle throttle, LoginAudit audit, UserSessions sessions, TwoFactor twoFactor,
                    UserDetailsService userDetails, Clock clock) {
        this.throttle = throttle;
        this.audit = audit;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
        this.userDetails = userDetails;
        this.clock = clock;
    }

    /** Refuses a form login for a locked account or address before the password is even looked at. */
    public OncePerRequestFilter formLoginThrottle(String loginProcessingUrl) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod())
                        || !(request.getContextPath() + loginProcessingUrl).equals(request.getRequestURI());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String username = request.getParameter("username");
                Optional<Duration> wait = throttle.waitFor(username, request.getRemoteAddr());
                if (wait.isPresent()) {
                    audit.recordWait(username, Outcome.THROTTLED, Channel.FORM, request.getRemoteAddr(), wait.get());
                    showWait(request, response, username, wait.get());
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Records the successful login (throttle cleared, audit line, session started), then hands over to {@code target}. */
    public AuthenticationSuccessHandler formLoginSuccess(AuthenticationSuccessHandler target) {
        this.afterLogin = target;
        return (request, response, authentication) -> {
            if (twoFactor.isOn(authentication.getName())) {
                awaitSecondFactor(request, response, authentication.getName());
                return;
            }
            throttle.recordSuccess(authentication.getName());
            audit.record(authentication.getName(), Outcome.SUCCESS, Channel.FORM, request.getRemoteAddr(), null);
            sessions.started(request);
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * The password was right but the account has a second factor: the session (already renewed) holds no login
     * yet, only a note that the password step passed; the throttle count is not cleared until the code passes.
     */
    private void awaitSecondFactor(HttpServletRequest request, HttpServletResponse response, String username)
            throws IOException {
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        request.getSession().setAttribute(PENDING_ATTRIBUTE, new PendingSecondFactor(username, clock.millis()));
        response.sendRedirect(request.getContextPath() + SECOND_FACTOR_PATH);
    }

    /** The account whose password step passed in this session within the last five minutes, if any. */
    Optional<String> pendingSecondFactor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING_ATTRIBUTE) instanceof PendingSecondFactor pending) {
            if (clock.millis() - pending.passwordAtMillis() <= SECOND_FACTOR_TIME.toMillis()) {
                return Optional.of(pending.username());
            }
            session.removeAttribute(PENDING_ATTRIBUTE);
        }
        return Optional.empty();
    }

    /** What became of a code typed in the second step. */
    sealed interface CodeResult {
        record LoggedIn() implements CodeResult {
        }

        record Wrong() implements CodeResult {
        }

        record MustWait(Duration delay) implements CodeResult {
        }
    }

    /**
     * The second step: throttled like the password (same counter in the database: a wrong code is a failed login),
     * then the session id is renewed once more and the login completed as the password step would have.
     */
    CodeResult submitCode(HttpServletRequest request, HttpServletResponse response, String username, String code)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitFor(username, address);
        if (wait.isPresent()) {
            audit.recordWait(username, Outcome.THROTTLED, Channel.FORM, address, wait.get());
            return new CodeResult.MustWait(wait.get());
        }
        TwoFactor.Check check = twoFactor.check(username, code);
        if (check == TwoFactor.Check.WRONG) {
            audit.record(username, Outcome.FAILURE, Channel.FORM, address, Detail.WRONG_CODE);
            Optional<Duration> lock = throttle.recordFailure(username, address);
            if (lock.isPresent()) {
                audit.recordWait(username, Outcome.LOCKOUT, Channel.FORM, address, lock.get());
                return new CodeResult.MustWait(lock.get());
            }
            return new CodeResult.Wrong();
        }
        UserDetails user = userDetails.loadUserByUsername(username);
        if (!user.isEnabled()) {
            return new CodeResult.Wrong();
        }
        if (user instanceof CredentialsContainer withHash) {
            withHash.eraseCredentials();
        }
        request.getSession().removeAttribute(PENDING_ATTRIBUTE);
        request.changeSessionId();
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        throttle.recordSuccess(username);
        audit.record(username, Outcome.SUCCESS, Channel.FORM, address,
                check == TwoFactor.Check.TOTP ? Detail.TOTP : Detail.RECOVERY_CODE);
        sessions.started(request);
        afterLogin.onAuthenticationSuccess(request, response, authentication);
        return new CodeResult.LoggedIn();
    }

    public AuthenticationFailureHandler formLoginFailure(String failureUrl) {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            String address = request.getRemoteAddr();
            audit.record(username, Outcome.FAILURE, Channel.FORM, address,
                    exception instanceof DisabledException ? Detail.DISABLED : Detail.BAD_CREDENTIALS);
            Optional<Duration> lock = throttle.recordFailure(username, address);
            if (lock.isPresent()) {
                audit.recordWait(username, Outcome.LOCKOUT, Channel.FORM, address, lock.get());
                showWait(request, response, username, lock.get());
                return;
            }
            response.sendRedirect(request.getContextPath() + failureUrl);
        };
    }

    public LogoutHandler logoutAudit() {
        return (request, response, authentication) -> {
            if (authentication != null) {
                audit.record(authentication.getName(), Outcome.LOGOUT, Channel.FORM, request.getRemoteAddr(), null);
            }
        };
    }

    /**
     * Throttles credentials sent to the JSON API. A locked account (HTTP Basic user name) or address is refused with
     * 429 and {@code Retry-After} before any credential is checked; a 401 afterwards counts as a failure.
     */
    public OncePerRequestFilter apiThrottle(ApiErrorWriter errors) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                ApiCredential credential = ApiCredential.of(request.getHeader(HttpHeaders.AUTHORIZATION));
                if (credential == null) {
                    chain.doFilter(request, response);
                    return;
                }
                String address = request.getRemoteAddr();
                Optional<Duration> wait = throttle.waitFor(credential.username(), address);
                if (wait.isPresent()) {
                    audit.recordWait(credential.username(), Outcome.THROTTLED, credential.channel(), address,
                            wait.get());
                    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()));
                    errors.write(request, response, 429, "LOGIN_THROTTLED", "login.throttled.api",
                            wait.get().toSeconds());
                    return;
                }
                if (credential.channel() == Channel.BASIC && credential.username() != null
                        && twoFactor.isOn(credential.username())) {
                    // A password alone would skip the second factor (ASVS 5.0 6.3.3): such accounts use a personal
                    // token, made from a session that passed both factors.
                    audit.record(credential.username(), Outcome.FAILURE, Channel.BASIC, address,
                            Detail.SECOND_FACTOR_REQUIRED);
                    response.setHeader("WWW-Authenticate", "Bearer");
                    errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
                            "api.unauthorized");
                    return;
                }
                chain.doFilter(request, response);
                if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                    audit.record(credential.username(), Outcome.FAILURE, credential.channel(), address,
                            credential.username() == null ? Detail.INVALID_TOKEN : Detail.BAD_CREDENTIALS);
                    throttle.recordFailure(credential.username(), address).ifPresent(lock -> audit.recordWait(
                            credential.username(), Outcome.LOCKOUT, credential.channel(), address, lock));
                } else if (credential.username() != null && authenticatedAs(credential.username())) {
                    throttle.recordSuccess(credential.username());
                }
            }
        };
    }

    private static boolean authenticatedAs(String username) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && username.equalsIgnoreCase(authentication.getName());
    }

    private static void showWait(HttpServletRequest request, HttpServletResponse response, String username,
                                 Duration wait) throws ServletException, IOException {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()));
        request.setAttribute(WAIT_ATTRIBUTE, wait.toSeconds());
        request.setAttribute(USERNAME_ATTRIBUTE, username);
        request.getRequestDispatcher(THROTTLED_PATH).forward(request, response);
    }

    /** The credential an API request carries: an HTTP Basic user name, or a bearer token (per address only). */
    record ApiCredential(String username, Channel channel) {

        static ApiCredential of(String header) {
            if (header == null) {
                return null;
            }
            if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return new ApiCredential(basicUsername(header.substring(6).trim()), Channel.BASIC);
            }
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String token = header.substring(7).trim();
                return new ApiCredential(null, token.startsWith("gdi_") ? Channel.INGEST : Channel.TOKEN);
            }
            return null;
        }

        private static String basicUsername(String encoded) {
            try {
                String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? decoded.substring(0, colon) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
