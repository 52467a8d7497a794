package io.gatedesk.ticket;

import io.gatedesk.user.StaffMember;

/** The staff member making a change, as the audit trail names them. */
public record Actor(Long userId, String name) {

    public static Actor of(StaffMember member) {
        return new Actor(member.id(), member.displayName());
    }
}
