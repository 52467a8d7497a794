package io.gatedesk.user;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

import java.time.Clock;
import java.time.Duration;

@Configuration
class SessionConfig {

    /** Between Spring Session's filter (which loads the session) and Spring Security's (which trusts it). */
    @Bean
    FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(
            @Value("${gatedesk.session.absolute-timeout:12h}") Duration absoluteTimeout, Clock clock) {
        FilterRegistrationBean<SessionLifetimeFilter> registration =
                new FilterRegistrationBean<>(new SessionLifetimeFilter(absoluteTimeout, clock));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** Right after Spring Session's filter, before anything asks for the session. */
    @Bean
    FilterRegistrationBean<StaticFilesWithoutSession> staticFilesWithoutSession() {
        FilterRegistrationBean<StaticFilesWithoutSession> registration =
                new FilterRegistrationBean<>(new StaticFilesWithoutSession());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }
}
