package io.gatedesk.ticket;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes SLA timers from the configured targets: the first-response clock stops at the first public staff reply,
 * the resolution clock when the ticket is resolved or closed. Both count from filing, in wall-clock time.
 */
@Component
public class SlaPolicy {

    private final SlaProperties properties;
    private final Clock clock;

    SlaPolicy(SlaProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public SlaStatus of(TicketDetail ticket) {
        return of(ticket.priority(), ticket.createdAt(), ticket.firstResponseAt(), ticket.resolvedAt());
    }

    public SlaStatus of(Priority priority, Instant createdAt, Instant firstResponseAt, Instant resolvedAt) {
        Instant now = clock.instant();
        return new SlaStatus(timer(properties.firstResponse().get(priority), createdAt, firstResponseAt, now),
                timer(properties.resolution().get(priority), createdAt, resolvedAt, now));
    }

    /** The configured first-response target of a priority ({@code null}: no timer), for reports. */
    public Duration firstResponseTarget(Priority priority) {
        return properties.firstResponse().get(priority);
    }

    /** The configured resolution target of a priority ({@code null}: no timer), for reports. */
    public Duration resolutionTarget(Priority priority) {
        return properties.resolution().get(priority);
    }

    public Duration warnBefore() {
        return properties.warnBefore();
    }

    private SlaTimer timer(Duration target, Instant start, Instant stoppedAt, Instant now) {
        if (target == null || start == null) {
            return null;
        }
        Instant due = start.plus(target);
        if (stoppedAt != null) {
            return new SlaTimer(stoppedAt.isAfter(due) ? SlaTimer.State.MET_LATE : SlaTimer.State.MET, due,
                    Duration.between(stoppedAt, due));
        }
        Duration left = Duration.between(now, due);
        SlaTimer.State state = left.isNegative() ? SlaTimer.State.BREACHED
                : left.compareTo(properties.warnBefore()) <= 0 ? SlaTimer.State.SOON : SlaTimer.State.RUNNING;
        return new SlaTimer(state, due, left);
    }

    /**
     * Tickets with a running clock in the given state band, as a query predicate: due = created + target(priority),
     * so "due before t" is "created before t - target" for each priority.
     */
    public Predicate running(Root<?> root, CriteriaBuilder cb, boolean breached) {
        Instant now = clock.instant();
        List<Predicate> any = new ArrayList<>();
        addClock(any, root, cb, properties.firstResponse(), root.get("firstResponseAt"), now, breached);
        addClock(any, root, cb, properties.resolution(), root.get("resolvedAt"), now, breached);
        return cb.and(root.get("status").in(TicketStatus.ACTIVE), cb.or(any.toArray(Predicate[]::new)));
    }

    private void addClock(List<Predicate> any, Root<?> root, CriteriaBuilder cb, Map<Priority, Duration> targets,
                          jakarta.persistence.criteria.Path<Instant> stoppedAt, Instant now, boolean breached) {
        targets.forEach((priority, target) -> {
            Instant dueNow = now.minus(target);
            Predicate band = breached
                    ? cb.lessThan(root.get("createdAt"), dueNow)
                    : cb.and(cb.greaterThanOrEqualTo(root.get("createdAt"), dueNow),
                    cb.lessThanOrEqualTo(root.get("createdAt"), dueNow.plus(properties.warnBefore())));
            any.add(cb.and(cb.equal(root.get("priority"), priority), cb.isNull(stoppedAt), band));
        });
    }
}
