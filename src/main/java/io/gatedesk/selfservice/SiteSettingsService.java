package io.gatedesk.selfservice;

import io.gatedesk.secret.SecretGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public face of the site's settings and model catalogue. Until an admin saves the settings page the
 * {@code gatedesk.site.*} properties apply; afterwards the stored row does. Reads are cached for a few seconds
 * because every page's header shows the site name; on several nodes a change shows within that time.
 */
@Service
public class SiteSettingsService {

    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    static final int MAX_NAME = 100;
    static final int MAX_URL = 500;
    static final int MAX_MODEL = 128;
    static final int MAX_LIST = 1000;
    private static final Pattern MODEL_NAME = Pattern.compile("[\\p{L}\\p{N}._:/@+\\-]+");

    private final SiteSettingsRepository settings;
    private final CatalogueModelRepository models;
    private final SecretGuard guard;
    private final Clock clock;
    private final SiteSettings defaults;
    private volatile Snapshot snapshot;

    SiteSettingsService(SiteSettingsRepository settings, CatalogueModelRepository models, SecretGuard guard,
                        Clock clock,
                        @Value("${gatedesk.site.name:GateDesk}") String name,
                        @Value("${gatedesk.site.api-base-url:https://api.example.com}") String apiBaseUrl,
                        @Value("${gatedesk.site.web-urls:}") String webUrls) {
        this.settings = settings;
        this.models = models;
        this.guard = guard;
        this.clock = clock;
        this.defaults = new SiteSettings(name, apiBaseUrl, SiteSettings.splitUrls(webUrls));
    }

    public SiteSettings current() {
        return snapshot().settings();
    }

    public List<CatalogueModel> catalogue() {
        return snapshot().catalogue();
    }

    /** The catalogue with the ids the admin page edits by. */
    @Transactional(readOnly = true)
    public List<CatalogueEntry> catalogueEntries() {
        return models.findAllByOrderByNameAsc().stream()
                .map(row -> new CatalogueEntry(row.getId(), row.toModel())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lastSaved() {
        return settings.findById(SiteSettingsRow.ONLY_ID).map(SiteSettingsRow::getUpdatedAt);
    }

    /** Checks and stores the settings; field errors are message codes keyed by field. */
    @Transactional
    public SiteSettings save(SettingsCommand command, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = clean(command.name());
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.put("name", "selfservice.site.name.invalid");
        }
        String base = clean(command.apiBaseUrl());
        if (!isHttpUrl(base) || base.length() > MAX_URL) {
            errors.put("apiBaseUrl", "selfservice.site.apiBaseUrl.invalid");
        }
        List<String> web = SiteSettings.splitUrls(clean(command.webUrls()));
        if (web.stream().anyMatch(url -> !isHttpUrl(url)) || String.join(",", web).length() > 2000) {
            errors.put("webUrls", "selfservice.site.webUrls.invalid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        SiteSettings saved = new SiteSettings(name, base, web);
        Instant now = clock.instant();
        settings.findById(SiteSettingsRow.ONLY_ID).ifPresentOrElse(row -> row.update(saved, actor, now),
                () -> settings.save(new SiteSettingsRow(saved, actor, now)));
        snapshot = null;
        return saved;
    }

    @Transactional
    public CatalogueModel saveModel(Long id, ModelCommand command) {
        CatalogueModel model = validate(command);
        Optional<CatalogueModelRow> sameName = models.findByName(model.name());
        if (sameName.isPresent() && !sameName.get().getId().equals(id)) {
            throw new InvalidSettingsException(Map.of("name", "selfservice.model.name.taken"));
        }
        if (id == null) {
            models.save(new CatalogueModelRow(model, clock.instant()));
        } else {
            models.findById(id).orElseThrow(() -> new InvalidSettingsException(Map.of("id",
                    "selfservice.model.missing"))).update(model);
        }
        snapshot = null;
        return model;
    }

    @Transactional
    public void deleteModel(long id) {
        models.deleteById(id);
        snapshot = null;
    }

    /**
     * Adds the models of a gateway's {@code /v1/models} answer that the catalogue lacks; existing ones keep their
     * aliases and groups. The text passes the secret guard first (people paste whole curl sessions).
     */
    @Transactional
    public ModelImport.Result importModels(String json) {
        List<String> names = ModelImport.modelIds(guard.redact(json == null ? "" : json).text());
        int added = 0;
        List<String> skipped = new ArrayList<>();
        for (String name : names) {
            if (name.length() > MAX_MODEL || !MODEL_NAME.matcher(name).matches()) {
                skipped.add(name.length() > 40 ? name.substring(0, 40) + "…" : name);
            } else if (models.findByName(name).isEmpty()) {
                models.save(new CatalogueModelRow(new CatalogueModel(name, List.of(), List.of()), clock.instant()));
                added++;
            }
        }
        snapshot = null;
        return new ModelImport.Result(names.size(), added, List.copyOf(skipped));
    }

    private CatalogueModel validate(ModelCommand command) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = clean(command.name());
        if (name.isEmpty() || name.length() > MAX_MODEL || !MODEL_NAME.matcher(name).matches()) {
            errors.put("name", "selfservice.model.name.invalid");
        }
        String aliases = guard.redact(command.aliases() == null ? "" : command.aliases().strip()).text();
        String groups = guard.redact(command.groups() == null ? "" : command.groups().strip()).text();
        if (aliases.length() > MAX_LIST) {
            errors.put("aliases", "selfservice.model.list.tooLong");
        }
        if (groups.length() > MAX_LIST) {
            errors.put("groups", "selfservice.model.list.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        return new CatalogueModel(name, CatalogueModelRow.split(aliases), CatalogueModelRow.split(groups));
    }

    /** Pasted text as it may be shown again on a rejected form: every key masked. */
    public String maskedForDisplay(String text) {
        return guard.redact(text.length() > 200_000 ? text.substring(0, 200_000) : text).text();
    }

    private String clean(String text) {
        return text == null ? "" : guard.redact(text.strip()).text();
    }

    static boolean isHttpUrl(String text) {
        return ConfigChecker.Address.parse(text) != null
                && text.toLowerCase(Locale.ROOT).matches("https?://[^\\s\"'<>]+");
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.loadedAt().plus(CACHE_FOR).isBefore(now)) {
            current = new Snapshot(settings.findById(SiteSettingsRow.ONLY_ID).map(SiteSettingsRow::toSettings)
                    .orElse(defaults),
                    models.findAllByOrderByNameAsc().stream().map(CatalogueModelRow::toModel).toList(), now);
            snapshot = current;
        }
        return current;
    }

    record Snapshot(SiteSettings settings, List<CatalogueModel> catalogue, Instant loadedAt) {
    }

    public record SettingsCommand(String name, String apiBaseUrl, String webUrls) {
    }

    public record ModelCommand(String name, String aliases, String groups) {
    }

    public record CatalogueEntry(long id, CatalogueModel model) {
    }

    /** Field → message code; the admin page shows them in the admin's language and keeps what was typed. */
    public static class InvalidSettingsException extends RuntimeException {

        private final Map<String, String> fieldErrors;

        InvalidSettingsException(Map<String, String> fieldErrors) {
            super("Invalid settings: " + fieldErrors.keySet());
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        public Map<String, String> fieldErrors() {
            return fieldErrors;
        }
    }
}
