package io.gatedesk.config;

import io.gatedesk.gatewaylog.IngestTokenAuthenticationFilter;
import io.gatedesk.gatewaylog.IngestTokens;
import io.gatedesk.user.ApiTokenAuthenticationFilter;
import io.gatedesk.user.UserService;
import io.gatedesk.web.ApiErrorWriter;
import io.gatedesk.web.PublicApiRateLimitFilter;
import io.gatedesk.web.PublicRateLimiter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two chains: the JSON API is stateless (HTTP Basic or a personal token, no cookies, so no CSRF), the browser
 * side uses a form login with a session and CSRF. Public paths are listed here and nowhere else.
 */
@Configuration
class SecurityConfig {

    static final String[] PUBLIC_API = {"/api/v1/tickets", "/api/v1/redact", "/api/v1/diagnose", "/api/v1/config-check"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, UserService users, IngestTokens ingestTokens,
                                 ApiErrorWriter errors, PublicRateLimiter limiter) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"GateDesk\", Bearer");
            errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", "api.unauthorized");
        };
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ApiTokenAuthenticationFilter(users, unauthorized), BasicAuthenticationFilter.class)
                .addFilterBefore(new IngestTokenAuthenticationFilter(ingestTokens, unauthorized),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new PublicApiRateLimitFilter(limiter, errors), AuthorizationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, denied) -> errors.write(request, response,
                                HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "api.forbidden")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, PUBLIC_API).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/search").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/articles", "/api/v1/articles/**")
                                .hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/articles/**").hasAnyRole("AGENT", "ADMIN")
                        // Gateways push logs with an ingest token, whose principal may do nothing else.
                        .requestMatchers(HttpMethod.POST, "/api/v1/gateway-logs").hasRole("INGEST")
                        .requestMatchers(HttpMethod.POST, "/api/v1/gateway-logs/import").hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/api/v1/**").hasAnyRole("AGENT", "ENGINEER", "ADMIN")
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/submitted", "/secret-check", "/t/**", "/help", "/help/**", "/login", "/error", "/assets/**",
                                "/webjars/**", "/favicon.ico", "/actuator/health/**").permitAll()
                        .requestMatchers("/kb", "/kb/**", "/sitemap.xml", "/llms.txt", "/robots.txt").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/desk/logs/import", "/desk/logs/imports/**").hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/desk/**").hasAnyRole("AGENT", "ENGINEER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/desk", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(htmxAwareLoginEntryPoint()));
        return http.build();
    }

    /** An htmx request from an expired session reloads the login page instead of swapping it into a fragment. */
    private static AuthenticationEntryPoint htmxAwareLoginEntryPoint() {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, exception) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                login.commence(request, response, exception);
            }
        };
    }
}
