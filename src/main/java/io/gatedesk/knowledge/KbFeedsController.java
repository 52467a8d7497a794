package io.gatedesk.knowledge;

import io.gatedesk.selfservice.HelpClient;
import io.gatedesk.web.SiteLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What search engines and AI assistants read: the sitemap (published articles with their twins as alternates, and
 * the help pages), llms.txt (published articles only, with their Markdown twins), the Atom feed and robots.txt.
 */
@Controller
class KbFeedsController {

    private final KnowledgeBase kb;
    private final SiteLinks links;

    KbFeedsController(KnowledgeBase kb, SiteLinks links) {
        this.kb = kb;
        this.links = links;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String body = "User-agent: *\nAllow: /kb\nAllow: /help\nDisallow: /desk\nDisallow: /admin\nDisallow: /t/\n"
                + "Disallow: /api/\n\nSitemap: " + links.absolute("/sitemap.xml") + "\n";
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
                .append("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        List<Article> all = published();
        Map<String, List<Article>> bySlug = all.stream().collect(Collectors.groupingBy(Article::slug));
        for (Article a : all) {
            xml.append("  <url>\n    <loc>").append(esc(links.absolute(a.path()))).append("</loc>\n")
                    .append("    <lastmod>").append(PublicKbController.iso(a.modifiedAt())).append("</lastmod>\n");
            List<Article> twins = bySlug.get(a.slug());
            if (twins.size() > 1) {
                for (Article twin : twins) {
                    alternate(xml, twin.lang(), twin.path());
                }
                alternate(xml, "x-default", twins.stream().filter(t -> t.lang().equals("en")).findFirst()
                        .orElse(a).path());
            }
            xml.append("  </url>\n");
        }
        xml.append("  <url><loc>").append(esc(links.absolute("/help"))).append("</loc></url>\n");
        for (HelpClient client : HelpClient.values()) {
            xml.append("  <url><loc>").append(esc(links.absolute("/help/clients/" + client.slug())))
                    .append("</loc></url>\n");
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    private void alternate(StringBuilder xml, String lang, String path) {
        xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(lang).append("\" href=\"")
                .append(esc(links.absolute(path))).append("\"/>\n");
    }

    /** The llms.txt proposal: an H1, a blockquote summary, then H2 sections of links to Markdown pages. */
    @GetMapping("/llms.txt")
    ResponseEntity<String> llms() {
        StringBuilder txt = new StringBuilder("# Knowledge base\n\n> Answers for developers who call this site's "
                + "OpenAI-compatible API: configuration, errors and their fixes, launch checklist, cost control, "
                + "glossary. English and Simplified Chinese.\n");
        for (String lang : KnowledgeBase.LANGUAGES) {
            List<Article> articles = kb.published(lang);
            if (articles.isEmpty()) {
                continue;
            }
            txt.append("\n## ").append(lang.equals("en") ? "English" : "简体中文").append("\n\n");
            for (Article a : articles.stream().sorted(Comparator.comparing(Article::title)).toList()) {
                txt.append("- [").append(a.title().replace("]", ")")).append("](")
                        .append(links.absolute(a.path() + ".md")).append(")");
                if (!a.summary().isBlank()) {
                    txt.append(": ").append(a.summary().replace('\n', ' '));
                }
                txt.append('\n');
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(txt.toString());
    }

    @GetMapping("/kb/feed.atom")
    ResponseEntity<String> feed() {
        List<Article> all = published().stream().sorted(Comparator.comparing(Article::modifiedAt).reversed())
                .limit(50).toList();
        Instant updated = all.isEmpty() ? Instant.EPOCH : all.get(0).modifiedAt();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>Knowledge base</title>\n")
                .append("  <id>").append(esc(links.absolute("/kb"))).append("</id>\n")
                .append("  <link rel=\"self\" href=\"").append(esc(links.absolute("/kb/feed.atom"))).append("\"/>\n")
                .append("  <link href=\"").append(esc(links.absolute("/kb"))).append("\"/>\n")
                .append("  <updated>").append(PublicKbController.iso(updated)).append("</updated>\n")
                .append("  <author><name>Support</name></author>\n");
        for (Article a : all) {
            xml.append("  <entry xml:lang=\"").append(a.lang()).append("\">\n")
                    .append("    <title>").append(esc(a.title())).append("</title>\n")
                    .append("    <id>").append(esc(links.absolute(a.path()))).append("</id>\n")
                    .append("    <link href=\"").append(esc(links.absolute(a.path()))).append("\"/>\n")
                    .append("    <published>").append(PublicKbController.iso(a.publishedAt())).append("</published>\n")
                    .append("    <updated>").append(PublicKbController.iso(a.modifiedAt())).append("</updated>\n")
                    .append("    <summary>").append(esc(a.summary().isBlank() ? a.title() : a.summary()))
                    .append("</summary>\n  </entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml.toString());
    }

    private List<Article> published() {
        return kb.list(ArticleStatus.PUBLISHED);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
