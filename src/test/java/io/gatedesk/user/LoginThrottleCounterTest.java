package io.gatedesk.user;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleCounterTest {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aCountThatNeverLockedStartsAgainWhenItsWindowEnds() {
        var counter = new LoginThrottle.Counter(4, T0, 0, T0.plus(Duration.ofMinutes(10)));
        assertThat(counter.afterFailure(T0.plus(Duration.ofMinutes(16)), WINDOW).failures()).isEqualTo(1);
    }

    @Test
    void afterALockTheCountStandsPastTheWindowSoTheNextFailureLocksAgain() {
        var counter = new LoginThrottle.Counter(7, T0, 3, T0.plus(Duration.ofMinutes(14)));
        var next = counter.afterFailure(T0.plus(Duration.ofMinutes(20)), WINDOW);
        assertThat(next.failures()).isEqualTo(8);
        assertThat(next.lockouts()).isEqualTo(3);
    }

    @Test
    void aQuietWindowForgetsEverything() {
        var counter = new LoginThrottle.Counter(7, T0, 3, T0.plus(Duration.ofMinutes(1)));
        var next = counter.afterFailure(T0.plus(Duration.ofMinutes(17)), WINDOW);
        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.lockouts()).isZero();
    }

    @Test
    void locksDoubleUpToTheCap() {
        var properties = new LoginProperties(5, 20, WINDOW, Duration.ofSeconds(60), Duration.ofMinutes(15));
        assertThat(properties.lockout(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.lockout(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.lockout(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(properties.lockout(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.lockout(40)).isEqualTo(Duration.ofMinutes(15));
    }
}
