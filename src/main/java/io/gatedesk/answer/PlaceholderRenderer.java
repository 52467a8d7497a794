package io.gatedesk.answer;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place placeholders are filled. {@link #render} gives the reply as plain text: values go in verbatim,
 * because the conversation shows text and Thymeleaf escapes it there. {@link #previewHtml} gives the preview: the
 * Markdown is rendered with raw HTML escaped, and each value is HTML-escaped on its own, after the Markdown step, so
 * a value can neither inject markup nor be read as Markdown.
 */
final class PlaceholderRenderer {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private PlaceholderRenderer() {
    }

    static Rendering render(String template, Map<Placeholder, String> values) {
        Set<String> unresolved = new LinkedHashSet<>();
        String text = replace(template, values, unresolved, value -> value, name -> "{{" + name + "}}");
        return new Rendering(text, List.copyOf(unresolved));
    }

    /** The preview as HTML; an unresolved placeholder shows as a marked {@code {{name}}}. */
    static String previewHtml(String template, Map<Placeholder, String> values) {
        List<String> substitutes = new ArrayList<>();
        // Markers of letters and digits only survive Markdown untouched, wherever they stand.
        String nonce = Long.toHexString(Double.doubleToLongBits(Math.random())).toUpperCase();
        String marked = replace(template, values, new LinkedHashSet<>(), value -> {
            substitutes.add(HtmlUtils.htmlEscape(value));
            return "GDPH" + nonce + "X" + (substitutes.size() - 1) + "X";
        }, name -> {
            substitutes.add("<mark class=\"unresolved\">{{" + HtmlUtils.htmlEscape(name) + "}}</mark>");
            return "GDPH" + nonce + "X" + (substitutes.size() - 1) + "X";
        });
        String html = HTML.render(MARKDOWN.parse(marked));
        Matcher matcher = Pattern.compile("GDPH" + nonce + "X(\\d+)X").matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(substitutes.get(Integer.parseInt(matcher.group(1)))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether the template uses a value from the ticket's gateway logs (those cost a log match per ticket). */
    static boolean usesLogs(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (Placeholder.of(matcher.group(1)).filter(Placeholder::fromLogs).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The placeholder names a body uses that no renderer knows, for the admin form. */
    static List<String> unknownIn(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (Placeholder.of(matcher.group(1)).isEmpty()) {
                unknown.add(matcher.group(1));
            }
        }
        return List.copyOf(unknown);
    }

    private static String replace(String template, Map<Placeholder, String> values, Set<String> unresolved,
                                  java.util.function.UnaryOperator<String> filled,
                                  java.util.function.UnaryOperator<String> missing) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = Placeholder.of(name).map(values::get).orElse(null);
            String replacement;
            if (value == null || value.isBlank()) {
                unresolved.add(name);
                replacement = missing.apply(name);
            } else {
                replacement = filled.apply(value);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
