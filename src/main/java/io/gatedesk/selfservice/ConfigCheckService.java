package io.gatedesk.selfservice;

import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.ClientApp;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@link ConfigChecker} against the site's current settings and puts the verdict into words. What was typed
 * passes the secret guard first, so a key pasted into a field is never echoed, and is not stored.
 */
@Service
public class ConfigCheckService {

    static final int MAX_FIELD = 2000;

    private final SiteSettingsService site;
    private final SecretGuard guard;
    private final MessageSource messages;
    private final DeflectionCounter deflection;

    ConfigCheckService(SiteSettingsService site, SecretGuard guard, MessageSource messages,
                       DeflectionCounter deflection) {
        this.site = site;
        this.guard = guard;
        this.messages = messages;
        this.deflection = deflection;
    }

    /** Checks, counts the check for deflection (on {@code channel}) and answers in {@code locale}. */
    public ConfigCheckResult check(ClientApp client, String baseUrl, String model, Locale locale,
                                   DeflectionChannel channel) {
        ConfigCheckResult result = check(client, baseUrl, model, locale);
        deflection.checkEnded(DeflectionKind.CONFIG_CHECK, channel, result.ok());
        return result;
    }

    /** The check alone, counted nowhere. */
    public ConfigCheckResult check(ClientApp client, String baseUrl, String model, Locale locale) {
        CheckVerdict verdict = ConfigChecker.check(site.current(), site.catalogue(), client, masked(baseUrl),
                masked(model));
        String clientName = messages.getMessage("client." + (client == null ? ClientApp.OTHER : client), null, locale);
        List<ConfigCheckResult.Problem> problems = new ArrayList<>();
        for (CheckVerdict.Finding finding : verdict.findings()) {
            List<Object> args = new ArrayList<>(List.of(clientName, verdict.fix()));
            args.addAll(finding.details());
            problems.add(new ConfigCheckResult.Problem(finding.code().name(),
                    messages.getMessage(finding.messageKey(), args.toArray(), locale)));
        }
        return new ConfigCheckResult(verdict.ok(), List.copyOf(problems), verdict.fix());
    }

    /** {@code text} as it may be shown again: cut to a sane length and with every key masked. */
    public String masked(String text) {
        if (text == null) {
            return null;
        }
        String limited = text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) : text;
        return guard.redact(limited).text();
    }
}
