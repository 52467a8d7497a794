package io.gatedesk.mail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.EnumMap;
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

    /** Switches on exactly the staff kinds in {@code enabled}, the others off. */
    @Transactional
    void save(long userId, Collection<MailKind> enabled) {
        for (MailKind kind : MailKind.staffSwitchable()) {
            boolean on = enabled.contains(kind);
            preferences.findById(new MailPreference.Key(userId, kind)).ifPresentOrElse(
                    preference -> preference.setEnabled(on),
                    () -> preferences.save(new MailPreference(userId, kind, on)));
        }
    }
}
