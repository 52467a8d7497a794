package io.gatedesk.mail;

import java.util.Locale;

/** The two languages mails are written in: Simplified Chinese for a zh ticket, English for everything else. */
final class MailLanguage {

    private MailLanguage() {
    }

    static Locale of(String languageTag) {
        return languageTag != null && Locale.forLanguageTag(languageTag.replace('_', '-')).getLanguage().equals("zh")
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
