package io.gatedesk.knowledge;

import io.gatedesk.answer.AnswerService;
import io.gatedesk.answer.ShortAnswer;
import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.triage.ErrorCategory;
import io.gatedesk.triage.TriageService;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The public face of the knowledge base: writing articles (directly or drafted from a ticket), the review and
 * publish steps behind the privacy gate, and finding published articles.
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeBase {

    public static final List<String> LANGUAGES = List.of("en", "zh-CN");
    /** Topics besides the error categories. */
    public static final List<String> TOPICS = List.of("CONFIGURATION", "CLIENTS", "LAUNCH_CHECKLIST", "COST_CONTROL",
            "GLOSSARY");
    static final String SEED = "SEED";
    static final String DESK = "DESK";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[a-zA-Z]+\\.([a-zA-Z]+)\\s*}}");

    private final ArticleStore store;
    private final PrivacyGate gate;
    private final TicketService tickets;
    private final TriageService triage;
    private final AnswerService answers;
    private final UsageLedger ledger;
    private final UserService users;
    private final KbSettings settings;
    private final HelpPages helpPages;
    private final Clock clock;

    KnowledgeBase(ArticleStore store, PrivacyGate gate, TicketService tickets, TriageService triage,
                  AnswerService answers, UsageLedger ledger, UserService users, KbSettings settings,
                  HelpPages helpPages, Clock clock) {
        this.helpPages = helpPages;
        this.ledger = ledger;
        this.users = users;
        this.settings = settings;
        this.store = store;
        this.gate = gate;
        this.tickets = tickets;
        this.triage = triage;
        this.answers = answers;
        this.clock = clock;
    }

    public static String path(String lang, String slug) {
        return "/kb/" + lang + "/" + slug;
    }

    /** The error categories and the topics, as category codes. */
    public static List<String> categories() {
        List<String> all = new ArrayList<>();
        for (ErrorCategory category : ErrorCategory.values()) {
            all.add(category.name());
        }
        all.addAll(TOPICS);
        return all;
    }

    /** {@code zh}, {@code zh-CN}, {@code zh_CN} → {@code zh-CN}; everything else → {@code en}. */
    public static String language(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh-CN" : "en";
    }

    public static String language(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }

    // ------------------------------------------------------------------------------------------------ reading

    public Article find(long id) {
        return store.find(id).orElseThrow(() -> new ArticleNotFoundException("#" + id)).article();
    }

    public Optional<Article> published(String lang, String slug) {
        return store.find(lang, slug).map(ArticleStore.Row::article).filter(Article::published);
    }

    /** The published twins of a slug (one per language), English first. */
    public List<Article> publishedTwins(String slug) {
        return store.bySlug(slug).stream().filter(Article::published).toList();
    }

    public List<Article> published(String lang) {
        return store.list(ArticleStatus.PUBLISHED, lang);
    }

    /** Every article sharing the slug (the en and zh-CN twins), whatever their state. */
    public List<Article> twins(String slug) {
        return store.bySlug(slug);
    }

    /** Articles drafted from one ticket, newest first. */
    public List<Article> draftsFromTicket(long ticketId) {
        return store.fromTicket(ticketId);
    }

    public List<Article> list(ArticleStatus status) {
        return store.list(status, null);
    }

    public List<ArticleRevision> revisions(long id) {
        return store.revisions(id);
    }

    /** What the gate would refuse in the article as stored now. */
    public List<PrivacyFinding> findings(long id) {
        Article a = find(id);
        return gate.scan(PrivacyGate.fields(a.title(), a.summary(), a.body(), a.tags()), knownNames(a));
    }

    // ------------------------------------------------------------------------------------------------ searching

    /**
     * Published articles matching the query, best first: those holding the query verbatim (an exact error string)
     * first, then by how many of the query's terms they hold, then by weight. {@code minShare} is the part of the
     * query's terms an article must hold: high for a search box, low for a pasted error text.
     */
    public List<Article> search(String query, String lang, int limit, double minShare) {
        Set<String> terms = SearchTerms.of(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        Map<Long, int[]> matches = store.matches(terms, lang);
        int needed = Math.max(1, (int) Math.ceil(terms.size() * minShare));
        Map<Long, int[]> kept = new HashMap<>();
        matches.forEach((id, m) -> {
            if (m[0] >= needed) {
                kept.put(id, m);
            }
        });
        String phrase = query.strip().toLowerCase(Locale.ROOT);
        return store.byIds(kept.keySet()).stream()
                .sorted(Comparator.comparing((Article a) -> !contains(a, phrase))
                        .thenComparing(a -> -kept.get(a.id())[0])
                        .thenComparing(a -> -kept.get(a.id())[1])
                        .thenComparing(Article::title))
                .limit(limit)
                .toList();
    }

    /**
     * The public search: like {@link #search}, and a query that found nothing is kept for the admins, unless it
     * holds anything the privacy gate would refuse (a visitor may paste an email or a key into the box).
     */
    public List<Article> publicSearch(String query, String lang, int limit) {
        List<Article> found = search(query, lang, limit, 0.75);
        if (found.isEmpty() && query != null && !query.isBlank() && helpPages.search(query, lang, 0.75).isEmpty()
                && !gate.hasFullKey(query)
                && gate.hits(query, List.of()).isEmpty()) {
            ledger.recordMiss(query, lang == null ? "any" : lang);
        }
        return found;
    }

    private static boolean contains(Article a, String phrase) {
        return phrase.length() >= 3 && (a.body().toLowerCase(Locale.ROOT).contains(phrase)
                || a.title().toLowerCase(Locale.ROOT).contains(phrase));
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** A new draft written by an editor; keys are masked by the secret guard before anything is stored. */
    @Transactional
    public Article create(ArticleDraft draft, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        String lang = requireLanguage(draft.lang(), errors);
        String title = required(draft.title(), "title", 200, errors);
        String body = required(draft.body(), "body", 60000, errors);
        String category = category(draft.category(), errors);
        String summary = optional(draft.summary(), "summary", 500, errors);
        String tags = optional(draft.tags(), "tags", 300, errors);
        String slug = draft.slug() == null || draft.slug().isBlank() ? null : slug(draft.slug(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
        return insert(lang, title, summary, body, category, tags, slug, null, by, "CREATED");
    }

    /**
     * A draft prefilled from a ticket: the category's short answer, the agent's last public reply and the error text,
     * each passed through the privacy gate's scrub, so no key, email, balance, request ID or name reaches the draft.
     */
    @Transactional
    public Article draftFromTicket(long ticketId, String requestedLang, String by) {
        TicketDetail ticket = tickets.detail(ticketId);
        String lang = requestedLang == null || requestedLang.isBlank() ? language(ticket.locale())
                : requireLanguage(requestedLang, new LinkedHashMap<>());
        if (lang == null) {
            throw new InvalidArticleException(Map.of("lang", "kb.error.lang"));
        }
        ErrorCategory category = triage.forTicket(ticketId).category();
        List<String> names = ticketNames(ticket);
        String reply = lastPublicReply(ticket);
        StringBuilder body = draftBody(ticket.errorMessage(), category.name(), reply, names, lang);
        if (body.isEmpty()) {
            body.append(gate.scrub(ticket.description(), names, lang));
        }
        String title = gate.scrub(ticket.subject(), names, lang);
        return insert(lang, cut(title, 200), "", cut(body.toString().strip(), 60000), category.name(), "", null,
                ticketId, by, "DRAFTED_FROM_TICKET");
    }

    /**
     * A draft prefilled from a resolved incident, given as plain text so the knowledge base never depends on
     * incidents: its title, its category (an error category code, or anything else for none), the reply its tickets
     * got, and one linked ticket whose error text and people's names the gate uses (may be {@code null}). Everything
     * passes the privacy gate's scrub, as a ticket draft does; the draft keeps that ticket as its source, so the gate
     * knows the same names again at review and publish. Returns the new draft's id.
     */
    @Transactional
    public long draftFromIncident(String title, String category, String reply, Long exampleTicketId,
                                  String requestedLang, String by) {
        TicketDetail ticket = exampleTicketId == null ? null : tickets.detail(exampleTicketId);
        String lang = requestedLang == null || requestedLang.isBlank()
                ? (ticket == null ? "en" : language(ticket.locale()))
                : requireLanguage(requestedLang, new LinkedHashMap<>());
        if (lang == null) {
            throw new InvalidArticleException(Map.of("lang", "kb.error.lang"));
        }
        String code = category != null && categories().contains(category) ? category : null;
        List<String> names = ticket == null ? List.of() : ticketNames(ticket);
        StringBuilder body = draftBody(ticket == null ? null : ticket.errorMessage(), code, reply, names, lang);
        if (body.isEmpty()) {
            body.append(lang.equals("zh-CN") ? "（写下原因与处理方法。）" : "(Write the cause and the fix.)");
        }
        String clean = gate.scrub(title == null || title.isBlank() ? "Incident" : title.strip(), names, lang);
        return insert(lang, cut(clean, 200), "", cut(body.toString().strip(), 60000), code, "", null,
                exampleTicketId, by, "DRAFTED_FROM_INCIDENT").id();
    }

    private static String lastPublicReply(TicketDetail ticket) {
        return ticket.messages().stream()
                .filter(m -> !m.fromCustomer() && m.visibility() == Visibility.PUBLIC)
                .reduce((first, second) -> second)
                .map(MessageView::body)
                .orElse(null);
    }

    /** The error, the category's short answer and the reply, as sections, each through the gate's scrub. */
    private StringBuilder draftBody(String error, String category, String reply, List<String> names, String lang) {
        boolean zh = lang.equals("zh-CN");
        StringBuilder body = new StringBuilder();
        if (error != null && !error.isBlank()) {
            body.append(zh ? "## 报错\n\n" : "## The error\n\n").append("```\n")
                    .append(gate.scrub(error.strip(), names, lang)).append("\n```\n\n");
        }
        if (category != null) {
            answers.list(category, lang).stream().findFirst().map(ShortAnswer::body).ifPresent(answer ->
                    body.append(zh ? "## 原因与处理\n\n" : "## Cause and fix\n\n")
                            .append(gate.scrub(generalised(answer), names, lang)).append("\n\n"));
        }
        if (reply != null && !reply.isBlank()) {
            body.append(zh ? "## 我们的回复\n\n" : "## What we answered\n\n")
                    .append(gate.scrub(reply.strip(), names, lang)).append("\n");
        }
        return body;
    }

    /** {@code {{ticket.model}}} → {@code <model>}: an article speaks of any ticket, not this one. */
    private static String generalised(String answerBody) {
        return PLACEHOLDER.matcher(answerBody).replaceAll(m -> "`<" + m.group(1) + ">`");
    }

    /** Admins, and agents whose account carries the editor flag. */
    public boolean isEditor(String username, boolean admin) {
        return admin || users.findByUsername(username).map(StaffMember::editor).orElse(false);
    }

    public boolean selfPublishing() {
        return settings.selfPublishing();
    }

    @Transactional
    public void setSelfPublishing(boolean allowed, String by) {
        settings.setSelfPublishing(allowed, by);
    }

    /**
     * Saves an editor's text. {@code expectedVersion} is the version the editor loaded: a save over someone else's
     * newer one is refused. Any agent may edit a draft; changing what is public is for editors.
     */
    @Transactional
    public Article update(long id, ArticleDraft draft, Long expectedVersion, String by, boolean admin) {
        Article current = find(id);
        if (current.published() && !isEditor(by, admin)) {
            throw new EditorRequiredException();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String title = draft.title() == null ? current.title() : required(draft.title(), "title", 200, errors);
        String body = draft.body() == null ? current.body() : required(draft.body(), "body", 60000, errors);
        String summary = draft.summary() == null ? current.summary() : optional(draft.summary(), "summary", 500, errors);
        String tags = draft.tags() == null ? current.tags() : optional(draft.tags(), "tags", 300, errors);
        String category = draft.category() == null || draft.category().isBlank() ? current.category()
                : category(draft.category(), errors);
        String slug = current.slug();
        if (draft.slug() != null && !draft.slug().isBlank() && !draft.slug().strip().equals(current.slug())) {
            if (current.published()) {
                errors.put("slug", "kb.error.slugPublished");
            } else {
                slug = slug(draft.slug(), errors);
                if (slug != null && store.slugTaken(slug, current.lang())) {
                    errors.put("slug", "kb.error.slugTaken");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(errors);
        }
        Instant now = clock.instant();
        // Editing a published article keeps it public only if the new text passes the gate again. An article in
        // review stays in review: the publish step checks the last editor, so whoever edits last needs someone else.
        ArticleStatus status = current.status() == ArticleStatus.ARCHIVED ? ArticleStatus.DRAFT : current.status();
        Article next = new Article(id, slug, current.lang(), title, summary, body, category, tags, status,
                current.origin(), current.sourceTicketId(), current.createdBy(), by, current.publishedBy(),
                current.publishedAt(), now, current.verifiedAt(), current.revision() + 1,
                expectedVersion == null ? current.version() : expectedVersion);
        if (next.published()) {
            refuseFindings(next);
        }
        save(next, "EDITED", by, now);
        return find(id);
    }

    /**
     * Sends a draft to a reviewer. The gate runs here too: a reviewer should never be asked to read a key or an
     * email, and the author learns what to remove before anyone else sees the text.
     */
    @Transactional
    public Article submitForReview(long id, String by) {
        Article current = find(id);
        if (current.status() != ArticleStatus.DRAFT) {
            throw new ArticleConflictException("kb.error.notDraft");
        }
        refuseFindings(current);
        return step(current, ArticleStatus.IN_REVIEW, "SUBMITTED", by, false);
    }

    private void refuseFindings(Article a) {
        List<PrivacyFinding> findings = gate.scan(PrivacyGate.fields(a.title(), a.summary(), a.body(), a.tags()),
                knownNames(a));
        if (!findings.isEmpty()) {
            throw new PublishRefusedException(findings);
        }
    }

    /**
     * Publishes after the privacy gate finds nothing. Only editors and admins publish; the last editor may not publish
     * their own text unless they are an admin or an admin allowed self-publishing; nobody can publish past a finding.
     */
    @Transactional
    public Article publish(long id, String by, boolean admin) {
        Article current = find(id);
        if (!isEditor(by, admin)) {
            throw new EditorRequiredException();
        }
        if (current.status() == ArticleStatus.PUBLISHED) {
            return current;
        }
        if (current.status() == ArticleStatus.ARCHIVED) {
            throw new ArticleConflictException("kb.error.archived");
        }
        if (!admin && by.equals(current.lastEditedBy()) && !settings.selfPublishing()) {
            throw new ReviewRequiredException();
        }
        refuseFindings(current);
        return step(current, ArticleStatus.PUBLISHED, "PUBLISHED", by, true);
    }

    @Transactional
    public Article archive(long id, String by, boolean admin) {
        Article current = find(id);
        if (!isEditor(by, admin)) {
            throw new EditorRequiredException();
        }
        if (current.status() == ArticleStatus.ARCHIVED) {
            return current;
        }
        return step(current, ArticleStatus.ARCHIVED, "ARCHIVED", by, false);
    }

    /** An editor checked the article against the product today: the page shows it as "last verified". */
    @Transactional
    public Article markVerified(long id, String by, boolean admin) {
        Article a = find(id);
        if (!isEditor(by, admin)) {
            throw new EditorRequiredException();
        }
        Instant now = clock.instant();
        save(new Article(a.id(), a.slug(), a.lang(), a.title(), a.summary(), a.body(), a.category(), a.tags(),
                a.status(), a.origin(), a.sourceTicketId(), a.createdBy(), a.lastEditedBy(), a.publishedBy(),
                a.publishedAt(), a.modifiedAt(), now, a.revision() + 1, a.version()), "VERIFIED", by, now);
        return find(id);
    }

    private Article step(Article a, ArticleStatus status, String kind, String by, boolean publishing) {
        Instant now = clock.instant();
        Article next = new Article(a.id(), a.slug(), a.lang(), a.title(), a.summary(), a.body(), a.category(),
                a.tags(), status, a.origin(), a.sourceTicketId(), a.createdBy(), a.lastEditedBy(),
                publishing ? by : a.publishedBy(), publishing && a.publishedAt() == null ? now : a.publishedAt(),
                a.modifiedAt(), publishing && a.verifiedAt() == null ? now : a.verifiedAt(), a.revision() + 1,
                a.version());
        save(next, kind, by, now);
        return find(a.id());
    }

    private Article insert(String lang, String title, String summary, String body, String category, String tags,
                           String wantedSlug, Long ticketId, String by, String kind) {
        Instant now = clock.instant();
        String guardedTitle = gate.guard(title);
        String slug = uniqueSlug(wantedSlug != null ? wantedSlug : slugOf(guardedTitle), lang);
        Article a = new Article(0, slug, lang, guardedTitle, gate.guard(summary), gate.guard(body), category,
                gate.guard(tags), ArticleStatus.DRAFT, DESK, ticketId, by, by, null, null, now, null, 1, 0);
        long id = store.insert(a, null);
        Article stored = find(id);
        store.addRevision(id, kind, stored, now, by);
        index(stored);
        return stored;
    }

    /** Seeds or refreshes a shipped article; one whose text an editor changed is left alone. */
    @Transactional
    void seed(ArticleDraft draft, String hash) {
        Instant now = clock.instant();
        Optional<ArticleStore.Row> existing = store.find(draft.lang(), draft.slug());
        if (existing.isEmpty()) {
            Article a = new Article(0, draft.slug(), draft.lang(), draft.title(), draft.summary(), draft.body(),
                    draft.category(), draft.tags(), ArticleStatus.PUBLISHED, SEED, null, "GateDesk", "GateDesk",
                    "GateDesk", now, now, now, 1, 0);
            long id = store.insert(a, hash);
            Article stored = find(id);
            store.addRevision(id, "SEEDED", stored, now, "GateDesk");
            index(stored);
            return;
        }
        Article a = existing.get().article();
        String storedHash = existing.get().seedHash();
        if (hash.equals(storedHash) || !SEED.equals(a.origin()) || a.lastEditedBy() == null
                || !"GateDesk".equals(a.lastEditedBy())) {
            return;
        }
        Article next = new Article(a.id(), a.slug(), a.lang(), draft.title(), draft.summary(), draft.body(),
                draft.category(), draft.tags(), a.status(), a.origin(), null, a.createdBy(), "GateDesk",
                a.publishedBy(), a.publishedAt(), now, now, a.revision() + 1, a.version());
        store.update(next, hash);
        store.addRevision(a.id(), "SEEDED", next, now, "GateDesk");
        index(next);
    }

    private void save(Article next, String kind, String by, Instant now) {
        String seedHash = store.find(next.id()).map(ArticleStore.Row::seedHash).orElse(null);
        Article guarded = new Article(next.id(), next.slug(), next.lang(), gate.guard(next.title()),
                gate.guard(next.summary()), gate.guard(next.body()), next.category(), gate.guard(next.tags()),
                next.status(), next.origin(), next.sourceTicketId(), next.createdBy(), next.lastEditedBy(),
                next.publishedBy(), next.publishedAt(), next.modifiedAt(), next.verifiedAt(), next.revision(),
                next.version());
        if (!store.update(guarded, seedHash)) {
            throw new ArticleConflictException("kb.error.conflict");
        }
        store.addRevision(next.id(), kind, guarded, now, by);
        index(guarded);
    }

    private void index(Article a) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        put(weights, SearchTerms.of(a.body()), 1);
        put(weights, SearchTerms.of(a.summary() + " " + a.tags()), 2);
        put(weights, SearchTerms.of(a.title()), 3);
        store.index(a.id(), weights);
    }

    private static void put(Map<String, Integer> weights, Set<String> terms, int weight) {
        for (String term : terms) {
            weights.merge(term, weight, Math::max);
        }
    }

    // ------------------------------------------------------------------------------------------------ privacy

    /** Names the gate looks for: the customer and staff on the source ticket. */
    private List<String> knownNames(Article a) {
        if (a.sourceTicketId() == null) {
            return List.of();
        }
        return ticketNames(tickets.detail(a.sourceTicketId()));
    }

    private static List<String> ticketNames(TicketDetail ticket) {
        Set<String> names = new LinkedHashSet<>();
        names.add(ticket.customerName());
        names.add(ticket.customerEmail());
        names.add(ticket.assigneeName());
        for (MessageView message : ticket.messages()) {
            names.add(message.authorName());
        }
        names.remove(null);
        return List.copyOf(names);
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static String requireLanguage(String lang, Map<String, String> errors) {
        if (lang == null || !LANGUAGES.contains(lang.strip())) {
            errors.put("lang", "kb.error.lang");
            return null;
        }
        return lang.strip();
    }

    private static String required(String value, String field, int max, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "kb.error.required");
            return null;
        }
        if (value.strip().length() > max) {
            errors.put(field, "kb.error.tooLong");
            return null;
        }
        return value.strip();
    }

    private static String optional(String value, String field, int max, Map<String, String> errors) {
        if (value == null) {
            return "";
        }
        if (value.strip().length() > max) {
            errors.put(field, "kb.error.tooLong");
        }
        return value.strip();
    }

    private static String category(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return ErrorCategory.OTHER.name();
        }
        String code = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!categories().contains(code)) {
            errors.put("category", "kb.error.category");
            return null;
        }
        return code;
    }

    private static String slug(String value, Map<String, String> errors) {
        String slug = value.strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            errors.put("slug", "kb.error.slug");
            return null;
        }
        return slug;
    }

    /** ASCII words of the title joined by hyphens; a title without any (Chinese) gets {@code article}. */
    static String slugOf(String title) {
        String slug = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }

    private String uniqueSlug(String base, String lang) {
        String slug = base;
        for (int n = 2; store.slugTaken(slug, lang); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static String cut(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
