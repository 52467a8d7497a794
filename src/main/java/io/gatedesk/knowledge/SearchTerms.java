package io.gatedesk.knowledge;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How article text and queries become search terms, the same way for both: NFKC and lower case; runs of letters,
 * digits and underscores as whole words ({@code model_not_found}) plus their parts; Chinese (and other CJK) text as
 * overlapping character pairs, a lone character as itself. Pairs find {@code 无可用渠道} inside
 * {@code 当前分组 default 下对于模型 x 无可用渠道} without a dictionary, which a word analyser would need.
 */
final class SearchTerms {

    static final int MAX_TERM = 64;

    private SearchTerms() {
    }

    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < normal.length()) {
            int cp = normal.codePointAt(i);
            if (isCjk(cp)) {
                int start = i;
                while (i < normal.length() && isCjk(normal.codePointAt(i))) {
                    i += Character.charCount(normal.codePointAt(i));
                }
                cjk(normal.substring(start, i), terms);
            } else if (Character.isLetterOrDigit(cp) || cp == '_') {
                int start = i;
                while (i < normal.length() && (Character.isLetterOrDigit(normal.codePointAt(i))
                        && !isCjk(normal.codePointAt(i)) || normal.charAt(i) == '_')) {
                    i += Character.charCount(normal.codePointAt(i));
                }
                word(normal.substring(start, i), terms);
            } else {
                i += Character.charCount(cp);
            }
        }
        return terms;
    }

    private static void word(String word, Set<String> terms) {
        String trimmed = word.replaceAll("^_+|_+$", "");
        if (trimmed.isEmpty()) {
            return;
        }
        terms.add(cut(trimmed));
        if (trimmed.contains("_")) {
            for (String part : trimmed.split("_+")) {
                if (part.length() > 1) {
                    terms.add(cut(part));
                }
            }
        }
    }

    private static void cjk(String run, Set<String> terms) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            terms.add(run);
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            terms.add(new String(cps, k, 2));
        }
    }

    private static String cut(String term) {
        return term.length() <= MAX_TERM ? term : term.substring(0, MAX_TERM);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
