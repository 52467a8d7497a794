package io.gatedesk.mail;

import io.gatedesk.user.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Each staff member's switches for the staff kinds of mail; on unless they switched it off. */
@Service
@Transactional(readOnly = true)
class MailPreferences {

    private final MailPreferenceRepository preferences;

    MailPreferences(MailPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    Map<MailKind, Boolean> of(long userId) {
        Map<MailKind, Boolean> all = new EnumMap<>(MailKind.class);
        MailKind.staffSwitchable().forEach(kind -> all.put(kind, true));
        preferences.findByKeyUserId(userId).forEach(preference -> all.put(preference.kind(), preference.enabled()));
        return all;
    }

    boolean wants(long userId, MailKind kind) {
        return preferences.findById(new MailPreference.Key(userId, kind)).map(MailPreference::enabled).orElse(true);
    }

    /** The switches {@code member} sees on their profile, in a fixed order. */
    List<Switch> switchesOf(StaffMember member) {
        Map<MailKind, Boolean> all = of(member.id());
        return MailKind.offeredTo(member).stream().map(kind -> new Switch(kind, all.get(kind))).toList();
    }

    /**
     * Switches on exactly the kinds named in {@code on} among those offered to {@code member}, the other offered ones
     * off; a name that is no such kind is ignored (a stale or forged form), and kinds not offered are left as they are.
     */
    @Transactional
    void save(StaffMember member, Collection<String> on) {
        for (MailKind kind : MailKind.offeredTo(member)) {
            boolean enabled = on.contains(kind.name());
            preferences.findById(new MailPreference.Key(member.id(), kind)).ifPresentOrElse(
                    preference -> preference.setEnabled(enabled),
                    () -> preferences.save(new MailPreference(member.id(), kind, enabled)));
        }
    }

    /** One kind of mail and whether the member gets it. */
    record Switch(MailKind kind, boolean on) {
    }
}
