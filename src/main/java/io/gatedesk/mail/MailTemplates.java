package io.gatedesk.mail;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a mail from {@code templates/mail/<name>.txt} (Thymeleaf's TEXT mode) and {@code <name>.html}, with the
 * words from the {@code i18n/mail} bundle in the mail's language. An engine of its own, not the web one: the web
 * engine resolves only HTML pages, and a mail must not pick up request-bound dialects.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.getResolvablePatternSpec().addPattern("*" + suffix);
        return resolver;
    }

    /** {@code [GD-12] <subject words>}, both bodies, from template {@code name} with {@code variables}. */
    RenderedMail render(String name, String subject, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        context.setVariable("subjectLine", subject);
        return new RenderedMail(subject, engine.process(name + ".txt", context), engine.process(name + ".html", context));
    }

    String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
