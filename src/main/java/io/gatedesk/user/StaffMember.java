package io.gatedesk.user;

import java.util.Set;

/** A staff account as other features see it: never the password hash. {@code editor}: may publish articles. */
public record StaffMember(Long id, String username, String displayName, String email, Set<Role> roles, boolean enabled,
                          boolean editor) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
