package io.gatedesk.knowledge;

import io.gatedesk.ticket.TicketService;
import io.gatedesk.web.ApiError;
import io.gatedesk.web.SiteLinks;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The articles API for staff, and the public search. */
@RestController
class ArticleApiController {

    private final KnowledgeBase kb;
    private final TicketService tickets;
    private final SiteLinks links;
    private final MessageSource messages;
    private final UsageLedger ledger;
    private final HelpPages helpPages;

    ArticleApiController(KnowledgeBase kb, TicketService tickets, SiteLinks links, MessageSource messages,
                         UsageLedger ledger, HelpPages helpPages) {
        this.helpPages = helpPages;
        this.kb = kb;
        this.tickets = tickets;
        this.links = links;
        this.messages = messages;
        this.ledger = ledger;
    }

    /** A request body: a ticket to draft from, or the article itself. */
    record ArticleRequest(String ticket, String title, String summary, String body, String lang, String category,
                          String tags, String slug, Long version) {

        ArticleDraft draft() {
            return new ArticleDraft(title, summary, body, lang, category, tags, slug);
        }
    }

    record ArticleJson(long id, String slug, String status, String title, String summary, String body, String lang,
                       String category, List<String> tags, String url, Long sourceTicket, String createdBy,
                       String lastEditedBy, String publishedBy, Instant publishedAt, Instant dateModified,
                       Instant lastVerified, int revision, long version) {

        static ArticleJson of(Article a, String url) {
            return new ArticleJson(a.id(), a.slug(), a.status().name(), a.title(), a.summary(), a.body(), a.lang(),
                    a.category(), a.tagList(), a.published() ? url : null, a.sourceTicketId(), a.createdBy(),
                    a.lastEditedBy(), a.publishedBy(), a.publishedAt(), a.modifiedAt(), a.verifiedAt(),
                    a.revision(), a.version());
        }
    }

    record Refusal(String status, String message, List<PrivacyFinding> findings) {
    }

    record SearchItem(String slug, String title, String lang, String url, String summary) {
    }

    record SearchResult(List<SearchItem> items) {
    }

    @PostMapping("/api/v1/articles")
    ResponseEntity<ArticleJson> create(@RequestBody ArticleRequest request, Authentication auth) {
        Article article;
        if (request.ticket() != null && !request.ticket().isBlank()) {
            long ticketId = tickets.idOf(request.ticket().strip())
                    .orElseThrow(() -> new ArticleNotFoundException("ticket " + request.ticket()));
            article = kb.draftFromTicket(ticketId, request.lang(), auth.getName());
        } else {
            article = kb.create(request.draft(), auth.getName());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(json(article));
    }

    @GetMapping("/api/v1/articles/{id}")
    ArticleJson get(@PathVariable long id) {
        return json(kb.find(id));
    }

    @PutMapping("/api/v1/articles/{id}")
    ArticleJson update(@PathVariable long id, @RequestBody ArticleRequest request, Authentication auth) {
        return json(kb.update(id, request.draft(), request.version(), auth.getName(), isAdmin(auth)));
    }

    @PostMapping("/api/v1/articles/{id}/publish")
    ArticleJson publish(@PathVariable long id, Authentication auth) {
        return json(kb.publish(id, auth.getName(), isAdmin(auth)));
    }

    @GetMapping("/api/v1/kb/search")
    SearchResult search(@RequestParam(name = "q", defaultValue = "") String q,
                        @RequestParam(name = "lang", required = false) String lang,
                        @RequestParam(name = "limit", defaultValue = "10") int limit) {
        String wanted = lang == null || lang.isBlank() ? null : KnowledgeBase.language(lang);
        int max = Math.max(1, Math.min(limit, 50));
        List<SearchItem> items = new ArrayList<>();
        kb.publicSearch(q, wanted, max).forEach(a ->
                items.add(new SearchItem(a.slug(), a.title(), a.lang(), links.absolute(a.path()), a.summary())));
        // The client help pages are part of the knowledge base: after the articles, within the same limit.
        if (!q.isBlank()) {
            helpPages.search(q, wanted, 0.75).forEach(h ->
                    items.add(new SearchItem(h.slug(), h.title(), h.lang(), links.absolute(h.path()), "")));
        }
        return new SearchResult(items.stream().limit(max).toList());
    }

    static boolean isAdmin(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private ArticleJson json(Article article) {
        return ArticleJson.of(article, links.absolute(article.path()));
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ResponseEntity<ApiError> notFound(Locale locale) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "kb.error.notFound", locale);
    }

    @ExceptionHandler(InvalidArticleException.class)
    ResponseEntity<ApiError> invalid(InvalidArticleException e, Locale locale) {
        List<ApiError.FieldError> fields = e.errors().entrySet().stream()
                .map(f -> new ApiError.FieldError(f.getKey(), messages.getMessage(f.getValue(), null, locale)))
                .toList();
        return ResponseEntity.badRequest().body(ApiError.of("INVALID_ARTICLE",
                messages.getMessage("kb.error.invalid", null, locale), fields));
    }

    @ExceptionHandler(PublishRefusedException.class)
    ResponseEntity<Refusal> refused(PublishRefusedException e, Locale locale) {
        return ResponseEntity.status(422).body(new Refusal("REFUSED",
                messages.getMessage("kb.gate.refused", new Object[]{e.findings().size()}, locale), e.findings()));
    }

    @ExceptionHandler(ReviewRequiredException.class)
    ResponseEntity<ApiError> review(Locale locale) {
        return error(HttpStatus.FORBIDDEN, "REVIEW_REQUIRED", "kb.error.reviewRequired", locale);
    }

    @ExceptionHandler(EditorRequiredException.class)
    ResponseEntity<ApiError> editorRequired(Locale locale) {
        return error(HttpStatus.FORBIDDEN, "EDITOR_REQUIRED", "kb.error.editorRequired", locale);
    }

    @ExceptionHandler(ArticleConflictException.class)
    ResponseEntity<ApiError> conflict(ArticleConflictException e, Locale locale) {
        return error(HttpStatus.CONFLICT, "CONFLICT", e.messageKey(), locale);
    }

    private ResponseEntity<ApiError> error(HttpStatus status, String code, String key, Locale locale) {
        return ResponseEntity.status(status).body(ApiError.of(code, messages.getMessage(key, null, locale)));
    }
}
