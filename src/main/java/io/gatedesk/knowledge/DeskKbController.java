package io.gatedesk.knowledge;

import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.web.SiteLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;

/**
 * The editors' side: the article list, the editor with preview, review and publish steps and the revision history,
 * and the ticket page's knowledge panel (draft from a resolved ticket, search and insert a link into the reply).
 */
@Controller
class DeskKbController {

    static final String LIST = "knowledge/desk-list";
    static final String EDITOR = "knowledge/desk-editor";
    static final String PREVIEW = "knowledge/desk-editor :: preview";
    static final String TICKET_PANEL = "knowledge/ticket-kb :: content";
    static final String TICKET_RESULTS = "knowledge/ticket-kb :: results";
    /** The article's language in a form; not {@code lang}, which the locale interceptor reads as the page language. */
    static final String ARTICLE_LANG = "articleLang";

    private final KnowledgeBase kb;
    private final ArticleRenderer renderer;
    private final TicketService tickets;
    private final UsageLedger ledger;
    private final SiteLinks links;
    private final PrivacyGate gate;

    DeskKbController(KnowledgeBase kb, ArticleRenderer renderer, TicketService tickets, UsageLedger ledger,
                     SiteLinks links, PrivacyGate gate) {
        this.gate = gate;
        this.kb = kb;
        this.renderer = renderer;
        this.tickets = tickets;
        this.ledger = ledger;
        this.links = links;
    }

    /** What the editor form posts; {@code version} is the version the editor loaded. */
    record EditorForm(String title, String summary, String body, String category, String tags, String slug,
                      Long version) {

        static EditorForm of(Article a) {
            return new EditorForm(a.title(), a.summary(), a.body(), a.category(), a.tags(), a.slug(), a.version());
        }

        ArticleDraft draft(String lang) {
            return new ArticleDraft(title, summary, body, lang, category, tags, slug);
        }

        /** What the editor typed, with any full key masked: a refused form is shown again, never a key in it. */
        EditorForm guarded(PrivacyGate gate) {
            return new EditorForm(gate.guard(title), gate.guard(summary), gate.guard(body), category, gate.guard(tags),
                    slug, version);
        }
    }

    @ModelAttribute("categories")
    List<String> categories() {
        return KnowledgeBase.categories();
    }

    @GetMapping("/desk/kb")
    String list(@RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "q", defaultValue = "") String q, Model model) {
        ArticleStatus wanted = parseStatus(status);
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Article> articles = kb.list(wanted).stream()
                .filter(a -> needle.isEmpty() || a.title().toLowerCase(Locale.ROOT).contains(needle)
                        || a.slug().contains(needle) || a.tags().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        model.addAttribute("articles", articles);
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("q", q);
        return LIST;
    }

    @GetMapping("/desk/kb/articles/new")
    String newArticle(Model model, Locale locale) {
        model.addAttribute("form", new EditorForm("", "", "", "", "", "", null));
        model.addAttribute("lang", KnowledgeBase.language(locale));
        model.addAttribute("languages", KnowledgeBase.LANGUAGES);
        return EDITOR;
    }

    @PostMapping("/desk/kb/articles")
    String create(@ModelAttribute EditorForm form,
                  @RequestParam(name = ARTICLE_LANG, defaultValue = "en") String lang,
                  Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Article created = kb.create(form.draft(lang), auth.getName());
            redirect.addFlashAttribute("notice", "kb.desk.created");
            return "redirect:/desk/kb/articles/" + created.id();
        } catch (InvalidArticleException e) {
            model.addAttribute("form", form.guarded(gate));
            model.addAttribute("lang", KnowledgeBase.LANGUAGES.contains(lang) ? lang : "en");
            model.addAttribute("languages", KnowledgeBase.LANGUAGES);
            model.addAttribute("errors", e.errors());
            response.setStatus(422);
            return EDITOR;
        }
    }

    @GetMapping("/desk/kb/articles/{id}")
    String edit(@PathVariable long id, Authentication auth, Model model) {
        Article article = kb.find(id);
        return editor(article, EditorForm.of(article), auth, model);
    }

    @PostMapping("/desk/kb/articles/{id}")
    String save(@PathVariable long id, @ModelAttribute EditorForm form, Authentication auth, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Article current = kb.find(id);
        try {
            kb.update(id, form.draft(current.lang()), form.version(), auth.getName(), isAdmin(auth));
            redirect.addFlashAttribute("notice", "kb.desk.saved");
            return "redirect:/desk/kb/articles/" + id;
        } catch (InvalidArticleException e) {
            model.addAttribute("errors", e.errors());
            response.setStatus(422);
        } catch (ArticleConflictException e) {
            model.addAttribute("problem", e.messageKey());
            response.setStatus(HttpStatus.CONFLICT.value());
        } catch (PublishRefusedException e) {
            model.addAttribute("findings", e.findings());
            response.setStatus(422);
        } catch (EditorRequiredException e) {
            model.addAttribute("problem", "kb.error.editorRequired");
            response.setStatus(HttpStatus.FORBIDDEN.value());
        }
        // What the editor typed stays in the form (keys masked); the version stays the one they loaded.
        return editor(current, form.guarded(gate), auth, model);
    }

    /** The preview uses the public pages' renderer, so what the editor sees is what readers will see. */
    @PostMapping("/desk/kb/preview")
    String preview(@RequestParam(name = "body", defaultValue = "") String body, Model model) {
        model.addAttribute("html", renderer.html(body));
        return PREVIEW;
    }

    @PostMapping("/desk/kb/articles/{id}/submit")
    String submit(@PathVariable long id, Authentication auth, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return step(id, auth, model, response, redirect, "kb.desk.submitted",
                () -> kb.submitForReview(id, auth.getName()));
    }

    @PostMapping("/desk/kb/articles/{id}/publish")
    String publish(@PathVariable long id, Authentication auth, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return step(id, auth, model, response, redirect, "kb.desk.published",
                () -> kb.publish(id, auth.getName(), isAdmin(auth)));
    }

    @PostMapping("/desk/kb/articles/{id}/archive")
    String archive(@PathVariable long id, Authentication auth, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return step(id, auth, model, response, redirect, "kb.desk.archived",
                () -> kb.archive(id, auth.getName(), isAdmin(auth)));
    }

    @PostMapping("/desk/kb/articles/{id}/verify")
    String verify(@PathVariable long id, Authentication auth, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return step(id, auth, model, response, redirect, "kb.desk.verified",
                () -> kb.markVerified(id, auth.getName(), isAdmin(auth)));
    }

    private String step(long id, Authentication auth, Model model, HttpServletResponse response,
                        RedirectAttributes redirect, String notice, Runnable action) {
        Article current = kb.find(id);
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/desk/kb/articles/" + id;
        } catch (PublishRefusedException e) {
            model.addAttribute("findings", e.findings());
            response.setStatus(422);
        } catch (ReviewRequiredException e) {
            model.addAttribute("problem", "kb.error.reviewRequired");
            response.setStatus(HttpStatus.FORBIDDEN.value());
        } catch (EditorRequiredException e) {
            model.addAttribute("problem", "kb.error.editorRequired");
            response.setStatus(HttpStatus.FORBIDDEN.value());
        } catch (ArticleConflictException e) {
            model.addAttribute("problem", e.messageKey());
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return editor(current, EditorForm.of(current), auth, model);
    }

    private String editor(Article article, EditorForm form, Authentication auth, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("form", form);
        model.addAttribute("lang", article.lang());
        // Newest first, as the store reads them; the list is numbered downwards (<ol reversed>).
        model.addAttribute("revisions", kb.revisions(article.id()));
        model.addAttribute("twins", kb.twins(article.slug()).stream()
                .filter(t -> !t.lang().equals(article.lang())).toList());
        model.addAttribute("editor", kb.isEditor(auth.getName(), isAdmin(auth)));
        model.addAttribute("selfPublishing", kb.selfPublishing());
        model.addAttribute("publicUrl", article.published() ? links.absolute(article.path()) : null);
        if (!model.containsAttribute("findings")) {
            model.addAttribute("findings", kb.findings(article.id()));
        }
        return EDITOR;
    }

    // ------------------------------------------------------------------------------------------------ ticket page

    /** The ticket page's knowledge panel: a draft button once the ticket is resolved, and a search box. */
    @GetMapping("/desk/kb/for-ticket/{number}")
    String ticketPanel(@PathVariable String number, Model model) {
        TicketDetail ticket = tickets.detail(ticketId(number));
        model.addAttribute("number", ticket.number());
        model.addAttribute("resolved", ticket.status() == TicketStatus.RESOLVED
                || ticket.status() == TicketStatus.CLOSED);
        model.addAttribute("drafts", kb.draftsFromTicket(ticket.id()));
        model.addAttribute("languages", KnowledgeBase.LANGUAGES);
        model.addAttribute("ticketLang", KnowledgeBase.language(ticket.locale()));
        return TICKET_PANEL;
    }

    @GetMapping("/desk/kb/for-ticket/{number}/search")
    String ticketSearch(@PathVariable String number, @RequestParam(name = "q", defaultValue = "") String q,
                        Model model) {
        ticketId(number);
        List<Article> found = q.isBlank() ? List.of() : kb.search(q, null, 8, 0.5);
        model.addAttribute("results", found.stream()
                .map(a -> new LinkChoice(a.slug(), a.lang(), a.title(), links.absolute(a.path())))
                .toList());
        model.addAttribute("q", q);
        return TICKET_RESULTS;
    }

    /** A published article's link, as the reply box receives it. */
    record LinkChoice(String slug, String lang, String title, String url) {
    }

    /** The panel's insert button tells us the link went into a reply box: counted in the use ledger. */
    @PostMapping("/desk/kb/link-inserted")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void linkInserted(@RequestParam String slug, @RequestParam(name = ARTICLE_LANG) String lang) {
        kb.published(KnowledgeBase.language(lang), slug).ifPresent(a ->
                ledger.record(UsageLedger.ARTICLE, a.slug(), a.lang(), UsageLedger.Event.LINK_INSERTED));
    }

    @PostMapping("/desk/kb/for-ticket/{number}/draft")
    String draftFromTicket(@PathVariable String number,
                           @RequestParam(name = ARTICLE_LANG, required = false) String lang,
                           Authentication auth, RedirectAttributes redirect) {
        Article draft = kb.draftFromTicket(ticketId(number), lang, auth.getName());
        redirect.addFlashAttribute("notice", "kb.desk.drafted");
        return "redirect:/desk/kb/articles/" + draft.id();
    }

    private long ticketId(String number) {
        return tickets.idOf(number).orElseThrow(() -> new ArticleNotFoundException("ticket " + number));
    }

    private static ArticleStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isAdmin(Authentication auth) {
        return ArticleApiController.isAdmin(auth);
    }

    /** A draft asked for in a language we do not write: the request is wrong, the page says so. */
    @ExceptionHandler(InvalidArticleException.class)
    String badRequest(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.badRequest");
        return "web/error";
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.notFound");
        return "web/error";
    }
}
