package io.gatedesk.ticket;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA clocks against a fixed clock: time left, breaching soon, overdue, met and met late. */
class SlaPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    final SlaPolicy policy = new SlaPolicy(new SlaProperties(Map.of(Priority.P1, Duration.ofHours(1)),
            Map.of(Priority.P1, Duration.ofHours(8)), Duration.ofMinutes(30)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFreshTicketHasTimeLeftOnBothClocks() {
        SlaStatus sla = policy.of(Priority.P1, NOW.minus(Duration.ofMinutes(10)), null, null);
        assertThat(sla.firstResponse().state()).isEqualTo(SlaTimer.State.RUNNING);
        assertThat(sla.firstResponse().left()).isEqualTo(Duration.ofMinutes(50));
        assertThat(sla.firstResponse().due()).isEqualTo(NOW.plus(Duration.ofMinutes(50)));
        assertThat(sla.resolution().left()).isEqualTo(Duration.ofHours(7).plusMinutes(50));
        assertThat(sla.worst()).isEqualTo(SlaTimer.State.RUNNING);
    }

    @Test
    void withinTheWarningThresholdAClockIsBreachingSoon() {
        SlaStatus sla = policy.of(Priority.P1, NOW.minus(Duration.ofMinutes(40)), null, null);
        assertThat(sla.firstResponse().state()).isEqualTo(SlaTimer.State.SOON);
        assertThat(sla.firstResponse().durationKey()).isEqualTo("sla.duration.minutes");
        assertThat(sla.firstResponse().durationArgs()).containsExactly("20");
        assertThat(sla.worst()).isEqualTo(SlaTimer.State.SOON);
    }

    @Test
    void pastDueAClockIsBreachedAndShowsHowLongOverdue() {
        SlaStatus sla = policy.of(Priority.P1, NOW.minus(Duration.ofHours(10)), null, null);
        assertThat(sla.firstResponse().state()).isEqualTo(SlaTimer.State.BREACHED);
        assertThat(sla.resolution().state()).isEqualTo(SlaTimer.State.BREACHED);
        assertThat(sla.resolution().left()).isEqualTo(Duration.ofHours(-2));
        assertThat(sla.resolution().durationKey()).isEqualTo("sla.duration.hours");
        assertThat(sla.resolution().durationArgs()).containsExactly("2", "0");
        assertThat(sla.worst()).isEqualTo(SlaTimer.State.BREACHED);
    }

    @Test
    void theFirstReplyStopsTheFirstResponseClockInTimeOrLate() {
        Instant created = NOW.minus(Duration.ofHours(3));
        assertThat(policy.of(Priority.P1, created, created.plus(Duration.ofMinutes(30)), null).firstResponse().state())
                .isEqualTo(SlaTimer.State.MET);
        SlaStatus late = policy.of(Priority.P1, created, created.plus(Duration.ofMinutes(90)), null);
        assertThat(late.firstResponse().state()).isEqualTo(SlaTimer.State.MET_LATE);
        assertThat(late.resolution().state()).isEqualTo(SlaTimer.State.RUNNING);
        assertThat(late.worst()).isEqualTo(SlaTimer.State.RUNNING);
    }

    @Test
    void unconfiguredPrioritiesFallBackToTheDefaultsAndLongWaitsAreShownInDays() {
        SlaStatus sla = policy.of(Priority.P4, NOW.minus(Duration.ofDays(7)), null, null);
        assertThat(sla.firstResponse().state()).isEqualTo(SlaTimer.State.BREACHED);
        assertThat(sla.firstResponse().durationKey()).isEqualTo("sla.duration.days");
        assertThat(sla.firstResponse().durationArgs()).containsExactly("6", "0");
        assertThat(sla.resolution().left()).isEqualTo(Duration.ofDays(-2));
    }

    @Test
    void dueTimeIsShownInUtcWhateverTheServersZone() {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
            SlaTimer timer = new SlaTimer(SlaTimer.State.RUNNING, Instant.parse("2026-11-28T23:30:00Z"),
                    Duration.ofHours(2));
            assertThat(timer.dueUtc()).isEqualTo("2026-11-28 23:30");
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }
}
