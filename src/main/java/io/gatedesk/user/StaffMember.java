package io.gatedesk.user;

import java.util.Set;

/** A staff account as other features see it: never the password hash. */
public record StaffMember(Long id, String username, String displayName, String email, Set<Role> roles, boolean enabled) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
