package io.gatedesk.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatedesk.common.Hashing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The public face of accounts: who the staff are, and their personal API tokens. */
@Service
@Transactional(readOnly = true)
public class UserService {

    static final String TOKEN_PREFIX = "gdp_";

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Cache<Boolean, List<StaffMember>> staffCache;
    private final UserSessions sessions;

    UserService(UserAccountRepository users, ApiTokenRepository tokens, PasswordEncoder passwordEncoder, Clock clock,
                @Value("${gatedesk.desk.staff-cache-ttl:5s}") Duration staffCacheTtl, UserSessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.staffCache = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(staffCacheTtl).build();
    }

    /**
     * Every staff account, for names in the queue, assignee lists and the acting user. Every desk page needs it, so
     * it is kept for a few seconds and dropped whenever an account changes on this node.
     */
    public List<StaffMember> allStaff() {
        return staffCache.get(Boolean.TRUE, ignored ->
                users.findAllByOrderByUsernameAsc().stream().map(UserAccount::toStaffMember).toList());
    }

    public List<StaffMember> activeStaff() {
        return allStaff().stream().filter(StaffMember::enabled).toList();
    }

    public Map<Long, StaffMember> staffById() {
        return allStaff().stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
    }

    public Optional<StaffMember> find(Long id) {
        return id == null ? Optional.empty() : users.findById(id).map(UserAccount::toStaffMember);
    }

    public Optional<StaffMember> findByUsername(String username) {
        return allStaff().stream().filter(member -> member.username().equalsIgnoreCase(username)).findFirst();
    }

    public boolean exists(String username) {
        return users.existsByUsernameIgnoreCase(username);
    }

    @Transactional
    public StaffMember create(NewStaffMember command) {
        if (users.existsByUsernameIgnoreCase(command.username())) {
            throw new UsernameTakenException(command.username());
        }
        UserAccount account = new UserAccount(command.username(), command.displayName(), blankToNull(command.email()),
                passwordEncoder.encode(command.password()), command.roles(), clock.instant());
        StaffMember created = users.save(account).toStaffMember();
        staffCache.invalidateAll();
        return created;
    }

    /** Changes a colleague's profile, roles and access; an admin cannot lock themselves out. */
    @Transactional
    public StaffMember update(Long id, StaffChange change, String actingUsername) {
        UserAccount account = users.findById(id).orElseThrow(() -> new UnknownStaffMemberException(id));
        boolean self = account.getUsername().equalsIgnoreCase(actingUsername);
        if (self && (!change.enabled() || !change.roles().contains(Role.ADMIN))) {
            throw new SelfLockoutException();
        }
        account.setDisplayName(change.displayName());
        account.setEmail(blankToNull(change.email()));
        account.setRoles(change.roles());
        account.setEnabled(change.enabled());
        account.setEditor(change.editor());
        boolean reset = change.newPassword() != null && !change.newPassword().isBlank();
        if (reset) {
            account.setPasswordHash(passwordEncoder.encode(change.newPassword()));
        }
        if ((reset || !change.enabled()) && !self) {
            // A reset or disabled account signs out everywhere (ASVS 5.0 7.4.2, 7.4.5).
            sessions.endAll(account.getUsername(), null);
        }
        staffCache.invalidateAll();
        return account.toStaffMember();
    }

    /** Grants or takes back the right to publish knowledge-base articles. */
    @Transactional
    public void setEditor(Long id, boolean editor) {
        users.findById(id).orElseThrow(() -> new UnknownStaffMemberException(id)).setEditor(editor);
        staffCache.invalidateAll();
    }

    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = users.findByUsernameIgnoreCase(username).orElseThrow();
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        account.setPasswordHash(passwordEncoder.encode(newPassword));
    }

    /** Creates a personal API token and returns it in full: the only time anybody sees it. */
    @Transactional
    public IssuedApiToken issueToken(String username, String name) {
        UserAccount account = users.findByUsernameIgnoreCase(username).orElseThrow();
        String raw = TOKEN_PREFIX + Hashing.randomToken(32);
        ApiToken token = tokens.save(new ApiToken(account.getId(), name, Hashing.sha256Hex(raw),
                raw.substring(raw.length() - 4), clock.instant()));
        return new IssuedApiToken(token.toView(), raw);
    }

    public List<ApiTokenView> tokensOf(String username) {
        return users.findByUsernameIgnoreCase(username)
                .map(account -> tokens.findByUserIdOrderByCreatedAtDesc(account.getId()).stream()
                        .map(ApiToken::toView).toList())
                .orElse(List.of());
    }

    @Transactional
    public void revokeToken(String username, Long tokenId) {
        UserAccount account = users.findByUsernameIgnoreCase(username).orElseThrow();
        tokens.findById(tokenId)
                .filter(token -> token.getUserId().equals(account.getId()))
                .ifPresent(token -> token.revoke(clock.instant()));
    }

    /** The enabled staff member a bearer token belongs to, if the token is live. */
    @Transactional
    public Optional<StaffMember> authenticateToken(String rawToken) {
        if (rawToken == null || !rawToken.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(Hashing.sha256Hex(rawToken))
                .filter(ApiToken::isActive)
                .flatMap(token -> {
                    token.markUsed(clock.instant());
                    return users.findById(token.getUserId());
                })
                .filter(UserAccount::isEnabled)
                .map(UserAccount::toStaffMember);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public record NewStaffMember(String username, String displayName, String email, String password, Set<Role> roles) {
    }

    public record StaffChange(String displayName, String email, Set<Role> roles, boolean enabled, String newPassword,
                              boolean editor) {
    }

    public record IssuedApiToken(ApiTokenView token, String rawToken) {
    }

    public static class UsernameTakenException extends RuntimeException {
        UsernameTakenException(String username) {
            super("Username already taken: " + username);
        }
    }

    public static class UnknownStaffMemberException extends RuntimeException {
        UnknownStaffMemberException(Long id) {
            super("No staff member " + id);
        }
    }

    public static class SelfLockoutException extends RuntimeException {
        SelfLockoutException() {
            super("An admin cannot disable their own account or drop their own admin role");
        }
    }

    public static class WrongPasswordException extends RuntimeException {
        WrongPasswordException() {
            super("The current password is wrong");
        }
    }
}
