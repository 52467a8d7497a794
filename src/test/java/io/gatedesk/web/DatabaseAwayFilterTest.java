package io.gatedesk.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter's two last-resort paths, which the outage tests reach only by the timing of a stop. */
class DatabaseAwayFilterTest {

    private static final CannotCreateTransactionException AWAY = new CannotCreateTransactionException("away");

    @Test
    void aRedirectAlreadyDecidedStaysARedirectWhenTheDatabaseGoesAwayAfterIt() throws Exception {
        DatabaseAwayFilter filter = new DatabaseAwayFilter(null, null, null, null, null);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("POST", "/"), response, (request, answer) -> {
            ((MockHttpServletResponse) answer).sendRedirect("/submitted");
            throw AWAY;
        });

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/submitted");
    }

    @Test
    void aPageThatCannotBeRenderedStillAnswers503InTheUsersLanguage() throws Exception {
        StaticApplicationContext messages = new StaticApplicationContext();
        messages.getStaticMessageSource().addMessage("error.databaseAway", Locale.SIMPLIFIED_CHINESE, "数据库暂时不可用");
        messages.refresh();
        DatabaseAwayFilter filter = new DatabaseAwayFilter(unrenderableTemplates(), messages,
                new AcceptHeaderLocaleResolver(), null, null);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/help");
        request.addPreferredLocale(Locale.SIMPLIFIED_CHINESE);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (in, out) -> {
            throw AWAY;
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseAway.RETRY_AFTER_SECONDS);
        assertThat(response.getContentAsString()).contains("数据库暂时不可用");
    }

    /** A template engine that finds no template, as a page that fails while rendering would. */
    private static SpringTemplateEngine unrenderableTemplates() {
        ClassLoaderTemplateResolver nowhere = new ClassLoaderTemplateResolver();
        nowhere.setPrefix("no-such-folder/");
        nowhere.setCheckExistence(true);
        SpringTemplateEngine templates = new SpringTemplateEngine();
        templates.setTemplateResolver(nowhere);
        return templates;
    }
}
