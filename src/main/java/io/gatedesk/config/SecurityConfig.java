package io.gatedesk.config;

import io.gatedesk.gatewaylog.IngestTokenAuthenticationFilter;
import io.gatedesk.gatewaylog.IngestTokens;
import io.gatedesk.user.ApiTokenAuthenticationFilter;
import io.gatedesk.user.LoginProtection;
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
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
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
                                 ApiErrorWriter errors, PublicRateLimiter limiter, LoginProtection loginProtection)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"GateDesk\", Bearer");
            errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", "api.unauthorized");
        };
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                // Added first so it runs before both token filters: a locked account or address is refused unchecked.
                .addFilterBefore(loginProtection.apiThrottle(errors), BasicAuthenticationFilter.class)
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
                        .requestMatchers(HttpMethod.GET, "/api/v1/status").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/kb/search").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/articles", "/api/v1/articles/**")
                                .hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/articles/**").hasAnyRole("AGENT", "ADMIN")
                        // Gateways push logs with an ingest token, whose principal may do nothing else.
                        .requestMatchers(HttpMethod.POST, "/api/v1/gateway-logs").hasRole("INGEST")
                        .requestMatchers(HttpMethod.POST, "/api/v1/gateway-logs/import").hasAnyRole("AGENT", "ADMIN")
                        // Findings are the engineers' to write; agents read them.
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets/*/findings").hasAnyRole("ENGINEER", "ADMIN")
                        // Bulk actions answer and move many customers' tickets at once: agents' work. Tag colours: admins.
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets/bulk").hasAnyRole("AGENT", "ADMIN")
                        // Merge and split move a customer's thread between tickets: agents' judgement, not engineers'.
                        .requestMatchers(HttpMethod.POST, "/api/v1/tickets/*/merge", "/api/v1/tickets/*/messages/*/split")
                                .hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/tags/*/colour").hasRole("ADMIN")
                        .requestMatchers("/api/v1/**").hasAnyRole("AGENT", "ENGINEER", "ADMIN")
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http, LoginProtection loginProtection) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/submitted", "/secret-check", "/t/**", "/help", "/help/**", "/login", "/error", "/assets/**",
                                LoginProtection.THROTTLED_PATH, LoginProtection.SECOND_FACTOR_PATH,
                                "/webjars/**", "/favicon.ico", "/actuator/health/**", "/livez", "/readyz").permitAll()
                        .requestMatchers(HttpMethod.GET, "/status").permitAll()
                        .requestMatchers("/kb", "/kb/**", "/sitemap.xml", "/llms.txt", "/robots.txt").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/desk/logs/import", "/desk/logs/imports/**").hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/desk/kb", "/desk/kb/articles", "/desk/kb/articles/**", "/desk/kb/preview",
                                "/desk/kb/for-ticket/*/draft", "/desk/incidents/*/article").hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/desk/bulk", "/desk/bulk/**").hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/desk/tickets/*/merge", "/desk/tickets/*/messages/*/split")
                                .hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/desk/**").hasAnyRole("AGENT", "ENGINEER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/engineering/tickets/*/findings",
                                "/engineering/tickets/*/assign").hasAnyRole("ENGINEER", "ADMIN")
                        .requestMatchers("/engineering", "/engineering/**").hasAnyRole("AGENT", "ENGINEER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(loginProtection.formLoginSuccess(homeByRole()))
                        .failureHandler(loginProtection.formLoginFailure("/login?error"))
                        .permitAll())
                .addFilterBefore(loginProtection.formLoginThrottle("/login"), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .addLogoutHandler(loginProtection.logoutAudit()).permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(htmxAwareLoginEntryPoint()));
        return http.build();
    }

    /**
     * After login: back to the page that asked for it, else home: the engineer queue for an engineer who is not an
     * admin, the desk for everyone else.
     */
    private static AuthenticationSuccessHandler homeByRole() {
        SavedRequestAwareAuthenticationSuccessHandler desk = new SavedRequestAwareAuthenticationSuccessHandler();
        desk.setDefaultTargetUrl("/desk");
        SavedRequestAwareAuthenticationSuccessHandler engineering = new SavedRequestAwareAuthenticationSuccessHandler();
        engineering.setDefaultTargetUrl("/engineering");
        return (request, response, authentication) -> {
            var roles = AuthorityUtils.authorityListToSet(authentication.getAuthorities());
            boolean engineer = roles.contains("ROLE_ENGINEER") && !roles.contains("ROLE_ADMIN");
            (engineer ? engineering : desk).onAuthenticationSuccess(request, response, authentication);
        };
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
