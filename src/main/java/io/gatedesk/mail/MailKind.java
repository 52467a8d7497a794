package io.gatedesk.mail;

import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;

import java.util.Arrays;
import java.util.List;

/** What a mail is about. Customer kinds always go out; staff kinds obey each user's switch on their profile. */
enum MailKind {
    TICKET_FILED(Audience.CUSTOMER),
    PUBLIC_REPLY(Audience.CUSTOMER),
    WAITING_ON_CUSTOMER(Audience.CUSTOMER),
    RESOLVED(Audience.CUSTOMER),
    CLOSED(Audience.CUSTOMER),
    ASSIGNED(Audience.STAFF),
    CUSTOMER_REPLIED(Audience.STAFF),
    SLA_WARNING(Audience.STAFF),
    ESCALATION_ASSIGNED(Audience.STAFF),
    TEST(Audience.ADMIN);

    enum Audience { CUSTOMER, STAFF, ADMIN }

    final Audience audience;

    MailKind(Audience audience) {
        this.audience = audience;
    }

    static List<MailKind> staffSwitchable() {
        return Arrays.stream(values()).filter(kind -> kind.audience == Audience.STAFF).toList();
    }

    /** The staff kinds a member can get: escalations are assigned to engineers (and admins, who may do anything). */
    static List<MailKind> offeredTo(StaffMember member) {
        return staffSwitchable().stream().filter(kind -> kind != ESCALATION_ASSIGNED
                || member.has(Role.ENGINEER) || member.has(Role.ADMIN)).toList();
    }
}
