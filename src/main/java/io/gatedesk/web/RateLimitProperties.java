package io.gatedesk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Token buckets per client address for public endpoints: {@code capacity} at once, refilled over time. Filing and
 * answering tickets take from one bucket; checks that only read (configuration check, diagnose, redact), which the
 * ticket form also runs inline as the customer types, take from a second, larger one so typing never uses up the
 * allowance for submitting.
 */
@ConfigurationProperties("gatedesk.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("20") long capacity,
                                  @DefaultValue("20") long refillTokens,
                                  @DefaultValue("1m") Duration refillPeriod,
                                  @DefaultValue("120") long checkCapacity,
                                  @DefaultValue("120") long checkRefillTokens) {
}
