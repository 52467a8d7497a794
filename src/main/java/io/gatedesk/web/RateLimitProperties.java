package io.gatedesk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Token bucket per client address for public endpoints: {@code capacity} at once, refilled over time. */
@ConfigurationProperties("gatedesk.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("20") long capacity,
                                  @DefaultValue("20") long refillTokens,
                                  @DefaultValue("1m") Duration refillPeriod) {
}
