package io.gatedesk.triage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What admins do with rules: list, create, edit, disable and enable them, each change kept as a version. Forms are
 * checked field by field here, with messages in the admin's language, before {@link ClassificationRule} sees them.
 */
@Service
@Transactional(readOnly = true)
class RuleAdminService {

    static final int MAX_VALUE = 4000;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_CLIENT = 500;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern STATUS_CODE = Pattern.compile("[1-5][0-9][0-9]");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]+");

    private final ApplicationEventPublisher publisher;
    private final StoredRuleRepository rules;
    private final RuleVersionRepository versions;
    private final MessageSource messages;
    private final Clock clock;

    RuleAdminService(StoredRuleRepository rules, RuleVersionRepository versions, MessageSource messages, Clock clock,
                     ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.rules = rules;
        this.versions = versions;
        this.messages = messages;
        this.clock = clock;
    }

    /** Every rule, grouped by category in the categories' declared order. */
    Map<ErrorCategory, List<RuleView>> byCategory() {
        Map<ErrorCategory, List<RuleView>> grouped = new EnumMap<>(ErrorCategory.class);
        for (StoredRule rule : rules.findAllByOrderByCategoryAscRuleIdAsc()) {
            grouped.computeIfAbsent(rule.toView().category(), c -> new java.util.ArrayList<>()).add(rule.toView());
        }
        return grouped;
    }

    RuleView find(String id) {
        return rules.findById(id).map(StoredRule::toView).orElseThrow(() -> new UnknownRuleException(id));
    }

    List<RuleVersionView> history(String id) {
        return versions.findByRuleIdOrderByVersionNumberDesc(id).stream().map(RuleVersion::toView).toList();
    }

    @Transactional
    RuleView create(RuleForm form, String by) {
        ClassificationRule rule = validate(form, true);
        if (rules.existsById(rule.id())) {
            throw new InvalidRuleException(Map.of("id", message("rule.id.taken")));
        }
        StoredRule stored = rules.save(new StoredRule(rule, RuleOrigin.ADMIN, null, by, clock.instant()));
        versions.save(stored.snapshot(RuleChange.CREATED));
        publisher.publishEvent(new RuleBook.RulesChanged());
        return stored.toView();
    }

    @Transactional
    RuleView update(String id, RuleForm form, String by) {
        StoredRule stored = rules.findById(id).orElseThrow(() -> new UnknownRuleException(id));
        checkVersion(stored, form.version());
        ClassificationRule rule = validate(new RuleForm(id, form.category(), form.kind(), form.value(), form.weight(),
                form.description(), form.client(), form.unlessClient(), form.version()), false);
        if (rule.equals(stored.toRule())) {
            return stored.toView();
        }
        stored.apply(rule, by, clock.instant());
        return save(stored, RuleChange.EDITED);
    }

    @Transactional
    RuleView setEnabled(String id, boolean enabled, Long expectedVersion, String by) {
        StoredRule stored = rules.findById(id).orElseThrow(() -> new UnknownRuleException(id));
        checkVersion(stored, expectedVersion);
        if (stored.isEnabled() == enabled) {
            return stored.toView();
        }
        stored.setEnabled(enabled, by, clock.instant());
        return save(stored, enabled ? RuleChange.ENABLED : RuleChange.DISABLED);
    }

    private RuleView save(StoredRule stored, RuleChange change) {
        try {
            rules.saveAndFlush(stored);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new RuleConflictException(stored.getRuleId());
        }
        versions.save(stored.snapshot(change));
        publisher.publishEvent(new RuleBook.RulesChanged());
        return stored.toView();
    }

    private static void checkVersion(StoredRule stored, Long expected) {
        if (expected != null && expected != stored.getVersion()) {
            throw new RuleConflictException(stored.getRuleId());
        }
    }

    /** Every problem of the form at once, or the rule it describes. */
    ClassificationRule validate(RuleForm form, boolean checkId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String id = strip(form.id());
        if (checkId && (id == null || !ID.matcher(id).matches())) {
            errors.put("id", message("rule.id.invalid"));
        }
        ErrorCategory category = parse(ErrorCategory.class, form.category());
        if (category == null || category == ErrorCategory.OTHER) {
            errors.put("category", message("rule.category.invalid"));
        }
        RuleKind kind = parse(RuleKind.class, form.kind());
        if (kind == null) {
            errors.put("kind", message("rule.kind.invalid"));
        }
        String value = strip(form.value());
        if (value == null) {
            errors.put("value", message("rule.value.required"));
        } else if (value.length() > MAX_VALUE) {
            errors.put("value", message("rule.tooLong", MAX_VALUE));
        } else if (kind != null) {
            checkValue(kind, value).ifPresent(problem -> errors.put("value", problem));
        }
        Double weight = parseWeight(form.weight());
        if (weight == null || weight <= 0 || weight > ClassificationRule.MAX_WEIGHT) {
            errors.put("weight", message("rule.weight.invalid", ClassificationRule.MAX_WEIGHT));
        }
        String description = strip(form.description());
        if (description == null) {
            errors.put("description", message("rule.description.required"));
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.put("description", message("rule.tooLong", MAX_DESCRIPTION));
        }
        checkClientPattern(strip(form.client())).ifPresent(problem -> errors.put("client", problem));
        checkClientPattern(strip(form.unlessClient()))
                .ifPresent(problem -> errors.put("unlessClient", problem));
        if (!errors.isEmpty()) {
            throw new InvalidRuleException(errors);
        }
        return new ClassificationRule(id, category, kind, value, weight, description, strip(form.client()),
                strip(form.unlessClient()));
    }

    private java.util.Optional<String> checkValue(RuleKind kind, String value) {
        switch (kind) {
            case STATUS_CODE -> {
                for (String part : value.split(",")) {
                    if (!STATUS_CODE.matcher(part.strip()).matches()) {
                        return java.util.Optional.of(message("rule.value.statusCodes", part.strip()));
                    }
                }
            }
            case ERROR_CODE -> {
                for (String part : value.split(",")) {
                    if (!ERROR_CODE.matcher(part.strip()).matches()) {
                        return java.util.Optional.of(message("rule.value.errorCodes", part.strip()));
                    }
                }
            }
            case MESSAGE_PATTERN, BASE_URL_SYMPTOM -> {
                return regexProblem(value);
            }
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<String> checkClientPattern(String pattern) {
        if (pattern == null) {
            return java.util.Optional.empty();
        }
        if (pattern.length() > MAX_CLIENT) {
            return java.util.Optional.of(message("rule.tooLong", MAX_CLIENT));
        }
        return regexProblem(pattern);
    }

    private java.util.Optional<String> regexProblem(String regex) {
        try {
            Pattern pattern = Pattern.compile(regex, ClassificationRule.flags(regex));
            // A pattern that matches the empty string would match every ticket.
            if (pattern.matcher("").matches()) {
                return java.util.Optional.of(message("rule.regex.matchesEverything"));
            }
            return java.util.Optional.empty();
        } catch (PatternSyntaxException e) {
            return java.util.Optional.of(message("rule.regex.invalid", Math.max(0, e.getIndex()) + 1,
                    e.getDescription()));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Double parseWeight(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double weight = Double.parseDouble(value.strip().replace(',', '.'));
            return Double.isFinite(weight) ? weight : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
