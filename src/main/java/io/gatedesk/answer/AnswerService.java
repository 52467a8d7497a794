package io.gatedesk.answer;

import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.triage.ErrorCategory;
import io.gatedesk.triage.TriageService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public face of short answers: which answers suit a ticket, filling them in through the one renderer, counting
 * inserts, and the admin's create, edit and retire with every state kept as a version.
 */
@Service
@Transactional(readOnly = true)
public class AnswerService {

    static final int MAX_BODY = 10_000;
    static final int MAX_TITLE = 200;
    /** The category filter value that asks for answers of no category. */
    public static final String GENERAL = "GENERAL";

    private final StoredAnswerRepository answers;
    private final AnswerVersionRepository versions;
    private final AnswerUsageRepository usage;
    private final TicketFacts facts;
    private final TicketService tickets;
    private final TriageService triage;
    private final SecretGuard secretGuard;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AnswerService(StoredAnswerRepository answers, AnswerVersionRepository versions, AnswerUsageRepository usage,
                  TicketFacts facts, TicketService tickets, TriageService triage, SecretGuard secretGuard,
                  MessageSource messages, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.answers = answers;
        this.versions = versions;
        this.usage = usage;
        this.facts = facts;
        this.tickets = tickets;
        this.triage = triage;
        this.secretGuard = secretGuard;
        this.messages = messages;
        this.clock = clock;
    }

    /** Answers in use, filtered by category code ({@link #GENERAL} for none) and language when given. */
    public List<ShortAnswer> list(String category, String language) {
        return answers.findAll().stream().map(StoredAnswer::toView)
                .filter(answer -> !answer.retired())
                .filter(answer -> category == null || category.isBlank()
                        || (GENERAL.equalsIgnoreCase(category) ? answer.category() == null
                        : category.equalsIgnoreCase(String.valueOf(answer.category()))))
                .filter(answer -> language == null || language.isBlank() || language.equalsIgnoreCase(answer.language()))
                .sorted(Comparator.comparing(ShortAnswer::key).thenComparing(ShortAnswer::language))
                .toList();
    }

    /**
     * The answers for the ticket's category and the general ones, in the customer's language first, then those of
     * the category before the general ones.
     */
    @Transactional
    public List<ShortAnswer> suggestionsFor(long ticketId) {
        ErrorCategory category = triage.forTicket(ticketId).category();
        String customerLanguage = Languages.of(tickets.detail(ticketId).locale());
        return answers.findAll().stream().map(StoredAnswer::toView)
                .filter(answer -> !answer.retired())
                .filter(answer -> answer.category() == null || answer.category().equals(category.name()))
                .sorted(Comparator.comparing((ShortAnswer answer) -> !answer.language().equals(customerLanguage))
                        .thenComparing(answer -> answer.category() == null)
                        .thenComparing(ShortAnswer::title))
                .toList();
    }

    /** The language the ticket's customer reads, as an answer language. */
    public String customerLanguage(long ticketId) {
        return Languages.of(tickets.detail(ticketId).locale());
    }

    public ShortAnswer find(long id) {
        return stored(id).toView();
    }

    /** The answer by key in the wanted language, else in the other one. */
    public Optional<ShortAnswer> find(String key, String language) {
        List<StoredAnswer> found = answers.findByKeyOrderByLanguageAsc(key);
        return found.stream().filter(answer -> answer.getLanguage().equals(language)).findFirst()
                .or(() -> found.stream().findFirst())
                .map(StoredAnswer::toView);
    }

    /** The answer filled in for the ticket as plain text, with what could not be filled. */
    public Rendering render(ShortAnswer answer, long ticketId, String agentName) {
        return PlaceholderRenderer.render(answer.body(), facts.values(ticketId, agentName, answer.language()));
    }

    /** Any text with placeholders (a bulk reply an agent wrote) filled in for the ticket, through the one renderer. */
    public Rendering renderText(String body, long ticketId, String agentName, String language) {
        return PlaceholderRenderer.render(body, facts.values(ticketId, agentName, language));
    }

    /**
     * The answer {@code key} filled in for each of many tickets, each in its customer's language (else the other
     * one): a bulk reply. The tickets are read with one query per kind of row for all of them, the gateway logs only
     * when the answer uses a log value. Keyed by ticket id; tickets that do not exist are absent.
     */
    public Map<Long, Rendering> renderAnswerForEach(String key, Collection<Long> ticketIds, String agentName) {
        Map<String, Template> byLanguage = new HashMap<>();
        return renderForEach(ticketIds, agentName, language -> byLanguage.computeIfAbsent(language,
                wanted -> find(key, wanted).map(answer -> new Template(answer.body(), answer.language()))
                        .orElseThrow(() -> new AnswerNotFoundException(key))));
    }

    /** As {@link #renderAnswerForEach} for a text an agent wrote, filled in each customer's language. */
    public Map<Long, Rendering> renderTextForEach(String body, Collection<Long> ticketIds, String agentName) {
        return renderForEach(ticketIds, agentName, language -> new Template(body, language));
    }

    /** A text to fill in and the language its values are written in. */
    private record Template(String body, String language) {
    }

    private Map<Long, Rendering> renderForEach(Collection<Long> ticketIds, String agentName,
                                               Function<String, Template> answerIn) {
        Map<Long, Rendering> rendered = new LinkedHashMap<>();
        for (TicketDetail ticket : tickets.details(ticketIds)) {
            Template answer = answerIn.apply(Languages.of(ticket.locale()));
            rendered.put(ticket.id(), PlaceholderRenderer.render(answer.body(), facts.values(ticket, agentName,
                    answer.language(), PlaceholderRenderer.usesLogs(answer.body()))));
        }
        return rendered;
    }

    /** The answer's Markdown as HTML for the preview, every value escaped. */
    public String previewHtml(ShortAnswer answer, long ticketId, String agentName) {
        return PlaceholderRenderer.previewHtml(answer.body(), facts.values(ticketId, agentName, answer.language()));
    }

    /** Fills the answer for an insert into the reply; a complete one is counted for the answer and the agent. */
    @Transactional
    public Rendering insert(long answerId, long ticketId, Actor agent) {
        ShortAnswer answer = find(answerId);
        Rendering rendering = render(answer, ticketId, agent.name());
        if (rendering.complete()) {
            usage.save(new AnswerUsage(answerId, agent.userId(), agent.name(), ticketId, clock.instant()));
            events.publishEvent(new AnswerInserted(answer.key(), answer.language(), ticketId));
        }
        return rendering;
    }

    /** The refusal, in the agent's language, naming every placeholder that blocks sending. */
    public String unresolvedMessage(Rendering rendering, Locale locale) {
        String names = String.join(", ", rendering.unresolved().stream().map(name -> "{{" + name + "}}").toList());
        return messages.getMessage("answer.unresolved", new Object[]{names}, locale);
    }

    public long usesOf(long answerId, Long agentId) {
        return usage.countByAnswerIdAndAgentId(answerId, agentId);
    }

    // ---- administration

    public List<ShortAnswer> all() {
        return answers.findAll().stream().map(StoredAnswer::toView)
                .sorted(Comparator.comparing(ShortAnswer::retired)
                        .thenComparing(answer -> answer.category() == null ? "~" : answer.category())
                        .thenComparing(ShortAnswer::key).thenComparing(ShortAnswer::language))
                .toList();
    }

    public List<ShortAnswerVersion> versions(long id) {
        return versions.findByAnswerIdOrderByVersionNumberDesc(id).stream().map(AnswerVersion::toView).toList();
    }

    /** Inserts per answer id. */
    public Map<Long, Long> usageByAnswer() {
        Map<Long, Long> counts = new HashMap<>();
        usage.countByAnswer().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    public List<AnswerUsageCount> usageByAgent() {
        return usage.countByAgent().stream().map(row -> new AnswerUsageCount((String) row[0], (Long) row[1])).toList();
    }

    @Transactional
    public ShortAnswer create(AnswerForm form, String by) {
        AnswerForm clean = checked(form, true);
        if (answers.findByKeyAndLanguage(clean.key(), clean.language()).isPresent()) {
            throw new InvalidAnswerException(clean, Map.of("key", message("answer.key.taken")));
        }
        StoredAnswer stored = answers.save(new StoredAnswer(clean.key(), clean.language(), clean.title(),
                emptyToNull(clean.category()), clean.body(), StoredAnswer.ADMIN, null, by, clock.instant()));
        versions.save(stored.snapshot("CREATED"));
        return stored.toView();
    }

    /** Saves an edit as a new version; {@code expectedVersion} is the version the admin edited. */
    @Transactional
    public ShortAnswer update(long id, AnswerForm form, int expectedVersion, String by) {
        StoredAnswer stored = stored(id);
        AnswerForm clean = checked(new AnswerForm(stored.getKey(), stored.getLanguage(), form.title(),
                form.category(), form.body()), false);
        if (stored.getCurrentVersion() != expectedVersion) {
            throw new InvalidAnswerException(clean, Map.of("version", message("answer.conflict")));
        }
        ShortAnswer before = stored.toView();
        if (Objects.equals(before.title(), clean.title()) && Objects.equals(before.category(), emptyToNull(clean.category()))
                && Objects.equals(before.body(), clean.body())) {
            return before;
        }
        stored.apply(clean.title(), emptyToNull(clean.category()), clean.body(), by, clock.instant());
        versions.save(stored.snapshot("EDITED"));
        return stored.toView();
    }

    @Transactional
    public ShortAnswer setRetired(long id, boolean retired, String by) {
        StoredAnswer stored = stored(id);
        if (stored.toView().retired() != retired) {
            stored.retire(retired, by, clock.instant());
            versions.save(stored.snapshot(retired ? "RETIRED" : "RESTORED"));
        }
        return stored.toView();
    }

    /** Trims and masks the form (admins paste too), then checks every field at once. */
    private AnswerForm checked(AnswerForm form, boolean creating) {
        AnswerForm clean = new AnswerForm(trim(form.key()), trim(form.language()),
                secretGuard.redact(trim(form.title())).text(), trim(form.category()),
                secretGuard.redact(form.body() == null ? "" : form.body().strip()).text());
        Map<String, String> errors = new LinkedHashMap<>();
        if (creating && !SeedFiles.KEY.matcher(clean.key()).matches()) {
            errors.put("key", message("answer.key.invalid"));
        }
        if (!Languages.known(clean.language())) {
            errors.put("language", message("answer.language.invalid"));
        }
        if (clean.title().isEmpty() || clean.title().length() > MAX_TITLE) {
            errors.put("title", message("answer.title.invalid", MAX_TITLE));
        }
        if (!clean.category().isEmpty()) {
            try {
                ErrorCategory.valueOf(clean.category());
            } catch (IllegalArgumentException e) {
                errors.put("category", message("answer.category.invalid"));
            }
        }
        if (clean.body().isEmpty() || clean.body().length() > MAX_BODY) {
            errors.put("body", message("answer.body.invalid", MAX_BODY));
        } else {
            List<String> unknown = PlaceholderRenderer.unknownIn(clean.body());
            if (!unknown.isEmpty()) {
                errors.put("body", message("answer.body.unknownPlaceholders",
                        String.join(", ", unknown.stream().map(name -> "{{" + name + "}}").toList())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswerException(clean, errors);
        }
        return clean;
    }

    private StoredAnswer stored(long id) {
        return answers.findById(id).orElseThrow(() -> new AnswerNotFoundException("#" + id));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Missing evidence fields of a ticket, by the ticket form's field names; for the panel's hint. */
    public List<String> missingEvidence(long ticketId) {
        TicketDetail detail = tickets.detail(ticketId);
        return TicketFacts.missingFields(detail);
    }
}
