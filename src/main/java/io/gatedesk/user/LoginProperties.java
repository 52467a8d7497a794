package io.gatedesk.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Login throttling ({@code gatedesk.login.*}, see docs/security-authentication.md). After {@code maxFailures} failed logins for one account within {@code window}
 * (or {@code addressMaxFailures} from one client address) that account (address) waits {@code firstLockout}; every
 * further failure while the count stands doubles the wait, up to {@code maxLockout}.
 */
@ConfigurationProperties("gatedesk.login")
public record LoginProperties(@DefaultValue("5") int maxFailures,
                              @DefaultValue("20") int addressMaxFailures,
                              @DefaultValue("15m") Duration window,
                              @DefaultValue("60s") Duration firstLockout,
                              @DefaultValue("15m") Duration maxLockout) {

    /** The wait after the {@code lockouts}-th lockout in a row: 60 s, 2 min, 4 min, 8 min, then the cap. */
    Duration lockout(int lockouts) {
        Duration wait = firstLockout;
        for (int i = 1; i < lockouts && wait.compareTo(maxLockout) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxLockout) > 0 ? maxLockout : wait;
    }
}
