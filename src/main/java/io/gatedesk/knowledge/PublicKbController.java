package io.gatedesk.knowledge;

import io.gatedesk.web.SiteLinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The public knowledge base: index per language, article pages with their Markdown twins, search, votes. */
@Controller
class PublicKbController {

    static final String INDEX = "knowledge/kb-index";
    static final String ARTICLE = "knowledge/kb-article";
    static final String SEARCH = "knowledge/kb-search";
    static final String VOTED = "knowledge/kb-article :: voted";
    static final String RELATED = "knowledge/kb-search :: related";
    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One {@code <link rel="alternate" hreflang>} of a page. */
    record Alternate(String hreflang, String href) {
    }

    private final KnowledgeBase kb;
    private final ArticleRenderer renderer;
    private final UsageLedger ledger;
    private final HelpPages helpPages;
    private final SiteLinks links;

    PublicKbController(KnowledgeBase kb, ArticleRenderer renderer, UsageLedger ledger, SiteLinks links,
                       HelpPages helpPages) {
        this.helpPages = helpPages;
        this.kb = kb;
        this.renderer = renderer;
        this.ledger = ledger;
        this.links = links;
    }

    @GetMapping("/kb")
    RedirectView kb(Locale locale) {
        RedirectView redirect = new RedirectView("/kb/" + KnowledgeBase.language(locale), true);
        redirect.setStatusCode(HttpStatus.FOUND);
        return redirect;
    }

    @GetMapping("/kb/{lang:en|zh-CN}")
    String index(@PathVariable String lang, Model model) {
        Map<String, List<Article>> byCategory = new TreeMap<>();
        for (Article a : kb.published(lang)) {
            byCategory.computeIfAbsent(a.category(), c -> new ArrayList<>()).add(a);
        }
        byCategory.values().forEach(list -> list.sort(java.util.Comparator.comparing(Article::title)));
        model.addAttribute("lang", lang);
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("helpPages", helpPages.all(lang));
        model.addAttribute("canonicalUrl", links.absolute("/kb/" + lang));
        model.addAttribute("alternates", List.of(new Alternate("en", links.absolute("/kb/en")),
                new Alternate("zh-CN", links.absolute("/kb/zh-CN")),
                new Alternate("x-default", links.absolute("/kb/en"))));
        return INDEX;
    }

    @GetMapping("/kb/search")
    String search(@RequestParam(name = "q", defaultValue = "") String q,
                  @RequestParam(name = "lang", required = false) String lang, Locale locale, Model model) {
        String wanted = lang == null || lang.isBlank() ? null : KnowledgeBase.language(lang);
        model.addAttribute("q", q);
        model.addAttribute("results", q.isBlank() ? List.of() : kb.publicSearch(q, wanted, 20));
        model.addAttribute("helpResults", q.isBlank() ? List.of() : helpPages.search(q, wanted, 0.75));
        model.addAttribute("lang", wanted == null ? KnowledgeBase.language(locale) : wanted);
        return SEARCH;
    }

    /** Articles related to what a customer types on the ticket form or the diagnose page; exact strings first. */
    @GetMapping("/kb/related")
    String related(@RequestParam(name = "q", defaultValue = "") String q,
                   @RequestParam(name = "from", defaultValue = "form") String from, Locale locale, Model model) {
        String text = q.length() > 2000 ? q.substring(0, 2000) : q;
        model.addAttribute("related", text.isBlank() ? List.of() : kb.search(text, null, 5, 0.3));
        model.addAttribute("from", "diagnose".equals(from) ? "related-diagnose" : "related-form");
        return RELATED;
    }

    @GetMapping("/kb/{lang:en|zh-CN}/{slug}")
    Object article(@PathVariable String lang, @PathVariable String slug,
                   @RequestParam(name = "from", required = false) String from, Model model) {
        if (slug.endsWith(".md")) {
            Article a = require(lang, slug.substring(0, slug.length() - 3));
            return ResponseEntity.ok().contentType(MARKDOWN).body(markdown(a));
        }
        Article a = require(lang, slug);
        ledger.record(UsageLedger.ARTICLE, a.slug(), a.lang(), UsageLedger.Event.VIEW);
        if (from != null && from.startsWith("related")) {
            ledger.record(UsageLedger.ARTICLE, a.slug(), a.lang(), UsageLedger.Event.RELATED_CLICK);
        }
        List<Article> twins = kb.publishedTwins(a.slug());
        List<Alternate> alternates = new ArrayList<>();
        for (Article twin : twins) {
            alternates.add(new Alternate(twin.lang(), links.absolute(twin.path())));
        }
        Article xDefault = twins.stream().filter(t -> t.lang().equals("en")).findFirst().orElse(a);
        alternates.add(new Alternate("x-default", links.absolute(xDefault.path())));
        model.addAttribute("article", a);
        model.addAttribute("html", renderer.html(a.body()));
        model.addAttribute("twins", twins.stream().filter(t -> !t.lang().equals(a.lang())).toList());
        model.addAttribute("canonicalUrl", links.absolute(a.path()));
        model.addAttribute("alternates", alternates);
        model.addAttribute("metaDescription", a.summary().isBlank() ? null : a.summary());
        model.addAttribute("jsonLd", jsonLd(a));
        model.addAttribute("markdownUrl", a.path() + ".md");
        model.addAttribute("lang", a.lang());
        return ARTICLE;
    }

    @PostMapping("/kb/{lang:en|zh-CN}/{slug}/vote")
    String vote(@PathVariable String lang, @PathVariable String slug,
                @RequestParam(name = "helpful", defaultValue = "true") boolean helpful, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Article a = require(lang, slug);
        ledger.record(UsageLedger.ARTICLE, a.slug(), a.lang(),
                helpful ? UsageLedger.Event.HELPFUL : UsageLedger.Event.UNHELPFUL);
        if (htmx == null) {
            return "redirect:" + a.path() + "?voted=" + helpful;
        }
        model.addAttribute("helpful", helpful);
        return VOTED;
    }

    private Article require(String lang, String slug) {
        return kb.published(lang, slug).orElseThrow(() -> new ArticleNotFoundException(lang + "/" + slug));
    }

    /** schema.org Article: escaped so that no value can close the script element it sits in. */
    String jsonLd(Article a) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Article");
        ld.put("headline", a.title());
        if (!a.summary().isBlank()) {
            ld.put("description", a.summary());
        }
        ld.put("inLanguage", a.lang());
        ld.put("url", links.absolute(a.path()));
        ld.put("mainEntityOfPage", links.absolute(a.path()));
        ld.put("datePublished", iso(a.publishedAt()));
        ld.put("dateModified", iso(a.modifiedAt()));
        if (!a.tagList().isEmpty()) {
            ld.put("keywords", String.join(", ", a.tagList()));
        }
        return JSON.writeValueAsString(ld).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static String markdown(Article a) {
        StringBuilder md = new StringBuilder("# ").append(a.title()).append("\n\n");
        if (!a.summary().isBlank()) {
            md.append("> ").append(a.summary()).append("\n\n");
        }
        return md.append(a.body().strip()).append('\n').toString();
    }

    static String iso(java.time.Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "knowledge/kb-missing";
    }
}
