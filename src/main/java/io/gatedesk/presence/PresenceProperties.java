package io.gatedesk.presence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param expireAfter how long a viewer stays listed after their page last polled (it polls every few seconds)
 * @param typingFor   how long "is typing" shows after the last keystroke reported
 */
@ConfigurationProperties("gatedesk.presence")
record PresenceProperties(@DefaultValue("15s") Duration expireAfter, @DefaultValue("8s") Duration typingFor) {
}
