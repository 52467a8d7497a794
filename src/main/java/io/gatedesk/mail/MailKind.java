package io.gatedesk.mail;

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
    TEST(Audience.ADMIN);

    enum Audience { CUSTOMER, STAFF, ADMIN }

    final Audience audience;

    MailKind(Audience audience) {
        this.audience = audience;
    }

    static List<MailKind> staffSwitchable() {
        return Arrays.stream(values()).filter(kind -> kind.audience == Audience.STAFF).toList();
    }
}
