package io.gatedesk.knowledge;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.Code;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Article Markdown to HTML with commonmark: raw HTML in the Markdown is escaped, link targets are sanitised (no
 * {@code javascript:}), and every heading gets a stable anchor from its text, so a page can link to the exact error
 * string ({@code #model_not_found}, {@code #无可用渠道}).
 */
@Component
class ArticleRenderer {

    private final Parser parser;
    private final List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());

    ArticleRenderer() {
        this.parser = Parser.builder().extensions(extensions).build();
    }

    String html(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        Map<Heading, String> anchors = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String base = anchor(textOf(heading));
                int n = used.merge(base, 1, Integer::sum);
                anchors.put(heading, n == 1 ? base : base + "-" + n);
            }
        });
        AttributeProvider ids = (node, tag, attributes) -> {
            if (node instanceof Heading heading && anchors.containsKey(heading)) {
                attributes.put("id", anchors.get(heading));
            }
            if ("a".equals(tag) && attributes.getOrDefault("href", "").startsWith("http")) {
                attributes.put("rel", "nofollow noopener");
            }
        };
        return HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(context -> ids).build().render(document);
    }

    /** Lower case, letters (any script), digits, {@code _} and {@code -} kept, other runs become one hyphen. */
    static String anchor(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        String anchor = normal.replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
        return anchor.isEmpty() ? "section" : anchor;
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}
