package io.gatedesk.answer;

import java.util.List;
import java.util.Locale;

/** The two languages answers and checklists are written in, by their language tags. */
final class Languages {

    static final String EN = "en";
    static final String ZH_CN = "zh-CN";
    static final List<String> ALL = List.of(EN, ZH_CN);

    private Languages() {
    }

    /** A customer's or agent's locale as one of ours: any Chinese reads zh-CN, everything else en. */
    static String of(String languageTag) {
        return languageTag != null && languageTag.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH_CN : EN;
    }

    static String of(Locale locale) {
        return locale == null ? EN : of(locale.toLanguageTag());
    }

    static Locale locale(String language) {
        return ZH_CN.equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    static boolean known(String language) {
        return ALL.contains(language);
    }
}
