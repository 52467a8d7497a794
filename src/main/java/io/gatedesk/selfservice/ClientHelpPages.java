package io.gatedesk.selfservice;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders the client help pages from {@code templates-seed/clients/<client>.<lang>.md}. Placeholders are swapped for
 * inert tokens before Markdown is parsed and the HTML-escaped values are put in afterwards, so a value can neither
 * inject Markdown nor HTML; raw HTML written in the Markdown itself is escaped too. A file in
 * {@code gatedesk.self-service.help-dir} wins over the shipped one, so operators can edit pages without a rebuild.
 */
@Service
public class ClientHelpPages {

    static final List<String> PLACEHOLDERS = List.of("site.name", "site.apiBaseUrl", "client.name",
            "client.baseUrl", "model", "models", "models.table", "checkUrl");
    static final String FALLBACK_MODEL = "gpt-4o-mini";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z.]+)\\s*}}");

    private final SiteSettingsService site;
    private final MessageSource messages;
    private final Path overrideDir;
    private final Map<String, String> shipped = new ConcurrentHashMap<>();
    private final Parser parser;
    private final HtmlRenderer renderer;

    ClientHelpPages(SiteSettingsService site, MessageSource messages,
                    @Value("${gatedesk.self-service.help-dir:}") String overrideDir) {
        this.site = site;
        this.messages = messages;
        this.overrideDir = overrideDir == null || overrideDir.isBlank() ? null : Path.of(overrideDir);
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
    }

    /** The page's HTML for {@code client} in the language of {@code locale}. */
    public String render(HelpClient client, String clientName, Locale locale, String checkUrl) {
        String markdown = source(client, language(locale));
        SiteSettings settings = site.current();
        List<CatalogueModel> catalogue = site.catalogue();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("site.name", settings.name());
        values.put("site.apiBaseUrl", settings.apiBaseUrl());
        values.put("client.name", clientName);
        values.put("client.baseUrl", ConfigChecker.expectedBaseUrl(settings, client.app()));
        values.put("model", catalogue.isEmpty() ? FALLBACK_MODEL : catalogue.get(0).name());
        values.put("models", catalogue.isEmpty() ? FALLBACK_MODEL
                : catalogue.stream().map(CatalogueModel::name).collect(Collectors.joining(", ")));
        values.put("checkUrl", checkUrl);

        Map<String, String> tokens = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(markdown);
        StringBuilder tokenized = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                matcher.appendReplacement(tokenized, Matcher.quoteReplacement(matcher.group()));
                continue;
            }
            String token = "GDPLACEHOLDER" + tokens.size() + "X";
            tokens.put(token, name);
            matcher.appendReplacement(tokenized, token);
        }
        matcher.appendTail(tokenized);

        Node document = parser.parse(tokenized.toString());
        String html = renderer.render(document);
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            if (token.getValue().equals("models.table")) {
                html = html.replace("<p>" + token.getKey() + "</p>", modelTable(catalogue, locale));
                html = html.replace(token.getKey(), HtmlUtils.htmlEscape(values.get("models")));
            } else {
                html = html.replace(token.getKey(), HtmlUtils.htmlEscape(values.getOrDefault(token.getValue(), "")));
            }
        }
        return html;
    }

    private String modelTable(List<CatalogueModel> catalogue, Locale locale) {
        StringBuilder table = new StringBuilder("<table class=\"models\"><thead><tr><th>")
                .append(text("selfservice.help.models.name", locale)).append("</th><th>")
                .append(text("selfservice.help.models.groups", locale)).append("</th></tr></thead><tbody>");
        if (catalogue.isEmpty()) {
            table.append("<tr><td><code>").append(FALLBACK_MODEL).append("</code></td><td>")
                    .append(text("selfservice.help.models.askAdmin", locale)).append("</td></tr>");
        }
        for (CatalogueModel model : catalogue) {
            table.append("<tr><td><code>").append(HtmlUtils.htmlEscape(model.name())).append("</code></td><td>")
                    .append(model.groups().isEmpty() ? text("selfservice.help.models.allGroups", locale)
                            : HtmlUtils.htmlEscape(String.join(", ", model.groups())))
                    .append("</td></tr>");
        }
        return table.append("</tbody></table>").toString();
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }

    static String language(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }

    /** The page's Markdown as written (placeholders unfilled) in {@code en} or {@code zh-CN}, for a search index. */
    public String markdown(HelpClient client, String language) {
        return source(client, "zh-CN".equals(language) ? "zh-CN" : "en");
    }

    String source(HelpClient client, String language) {
        String file = client.slug() + "." + language + ".md";
        if (overrideDir != null) {
            Path edited = overrideDir.resolve(file);
            if (Files.isRegularFile(edited)) {
                try {
                    return Files.readString(edited, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return shipped.computeIfAbsent(file, name -> read("templates-seed/clients/" + name)
                .orElseGet(() -> read("templates-seed/clients/" + client.slug() + ".en.md")
                        .orElseThrow(() -> new IllegalStateException("No help page for " + client.slug()))));
    }

    private static Optional<String> read(String location) {
        ClassPathResource resource = new ClassPathResource(location);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
