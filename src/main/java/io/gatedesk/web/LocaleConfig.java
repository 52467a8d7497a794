package io.gatedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * English or Simplified Chinese: a remembered choice ({@code ?lang=} sets a cookie) wins, otherwise the browser's
 * {@code Accept-Language}; any Chinese variant maps to Simplified Chinese, anything else to English.
 */
@Configuration
class LocaleConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver("gatedesk-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(LocaleConfig::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Locale supported = supported(locale);
            if (supported != null) {
                return supported;
            }
        }
        return Locale.ENGLISH;
    }

    static Locale supported(Locale locale) {
        if (locale == null) {
            return null;
        }
        return switch (locale.getLanguage()) {
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> null;
        };
    }

    /** Keeps a switched or remembered locale within the two the site is written in. */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver(String cookieName) {
            super(cookieName);
        }

        @Override
        public void setLocale(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                              Locale locale) {
            Locale resolved = supported(locale);
            super.setLocale(request, response, resolved == null ? Locale.ENGLISH : resolved);
        }
    }
}
