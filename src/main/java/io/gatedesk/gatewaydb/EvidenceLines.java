package io.gatedesk.gatewaydb;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the gateway databases said about a ticket's keys and tasks as plain lines for the evidence bundle, with the
 * account panel's words: "sk-abcd…wxyz — User: 张伟 · alice (#7) · Key: prod (enabled) · Group: vip · …". Masks only;
 * a source that failed says so instead of staying silent.
 */
@Component
class EvidenceLines {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    EvidenceLines(MessageSource messages) {
        this.messages = messages;
    }

    List<String> accounts(String mask, List<SourceAccounts> answers, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (SourceAccounts answer : answers) {
            if (answer.error() != null || answer.downSince() != null) {
                lines.add(mask + " — " + unreachable(answer.source(), answer.downSince(), locale));
            } else if (answer.candidates().isEmpty()) {
                lines.add(mask + " — " + t(locale, "gatewaydb.panel.notFound", answer.source()));
            } else {
                if (answer.candidates().size() > 1) {
                    lines.add(mask + " — " + t(locale, "gatewaydb.panel.candidates", answer.candidates().size(),
                            answer.source()));
                }
                answer.candidates().forEach(account -> lines.add(account(account, locale)));
            }
        }
        return lines;
    }

    List<String> tasks(List<SourceTasks> answers, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (SourceTasks answer : answers) {
            if (answer.error() != null || answer.downSince() != null) {
                lines.add(unreachable(answer.source(), answer.downSince(), locale));
                continue;
            }
            for (GatewayTask task : answer.tasks()) {
                List<String> parts = new ArrayList<>();
                parts.add(task.taskId());
                parts.add(join(task.platform(), task.action()));
                parts.add(t(locale, "gatewaydb.tasks.state." + task.state()) + " (" + task.status() + ")");
                if (task.progress() != null) {
                    parts.add(t(locale, "gatewaydb.tasks.progress") + ": " + task.progress());
                }
                if (task.failReason() != null) {
                    parts.add(t(locale, "gatewaydb.tasks.failReason") + ": " + task.failReason());
                }
                if (task.submittedAt() != null) {
                    parts.add(t(locale, "gatewaydb.tasks.submitted") + ": " + UTC.format(task.submittedAt()));
                }
                if (task.finishedAt() != null) {
                    parts.add(t(locale, "gatewaydb.tasks.finished") + ": " + UTC.format(task.finishedAt()));
                }
                if (task.quota() != null) {
                    parts.add(t(locale, "gatewaydb.tasks.quota") + ": " + (task.quotaUsd() == null ? task.quota()
                            : t(locale, "gatewaydb.tasks.charged", "$" + task.quotaUsd(), task.quota())));
                }
                parts.add(t(locale, "gatewaydb.account.source") + ": " + task.source());
                lines.add(String.join(" · ", parts));
            }
        }
        return lines;
    }

    private String account(KeyAccount a, Locale locale) {
        List<String> parts = new ArrayList<>();
        String user = a.displayName() != null ? a.displayName() + " · " + a.username() : a.username();
        if (user != null || a.userId() != null) {
            parts.add(t(locale, "gatewaydb.account.user") + ": " + (user == null ? "" : user)
                    + (a.userId() == null ? "" : " (#" + a.userId() + ")")
                    + ("disabled".equals(a.userStatus()) ? ", " + t(locale, "gatewaydb.account.userDisabled") : "")
                    + ("overBudget".equals(a.userStatus()) ? ", " + t(locale, "gatewaydb.account.userOverBudget") : ""));
        }
        parts.add(t(locale, "gatewaydb.account.key") + ": " + (a.keyName() == null ? "—" : a.keyName()) + " ("
                + t(locale, "gatewaydb.status." + a.status()) + ")");
        parts.add(t(locale, "gatewaydb.account.group") + ": " + (a.group() == null ? "—" : a.group()));
        // "$12.40 left (6,200,000 units)" says what it is; the bare figures get the panel's label.
        String quotaLabel = t(locale, "gatewaydb.account.quota") + ": ";
        if (a.unlimitedQuota()) {
            parts.add(quotaLabel + t(locale, "gatewaydb.account.unlimited"));
        } else if (a.remainUsd() != null) {
            parts.add(a.remainQuota() == null ? t(locale, "gatewaydb.account.leftUsd", "$" + a.remainUsd())
                    : t(locale, "gatewaydb.account.left", "$" + a.remainUsd(), a.remainQuota()));
        } else {
            parts.add(quotaLabel + (a.remainQuota() == null ? "—" : a.remainQuota()));
        }
        if (a.usedUsd() != null) {
            parts.add(t(locale, "gatewaydb.account.used") + ": $" + a.usedUsd());
        }
        parts.add(t(locale, "gatewaydb.account.models") + ": " + (a.models().isEmpty()
                ? t(locale, "gatewaydb.account.allModels") : String.join(", ", a.models())));
        parts.add(t(locale, "gatewaydb.account.expires") + ": " + (a.expiresAt() == null
                ? t(locale, "gatewaydb.account.never") : UTC.format(a.expiresAt())));
        if (!a.allowedIps().isEmpty()) {
            parts.add(t(locale, "gatewaydb.account.ips") + ": " + String.join(", ", a.allowedIps()));
        }
        parts.add(t(locale, "gatewaydb.account.source") + ": " + a.source());
        return a.keyMask() + " — " + String.join(" · ", parts);
    }

    private String unreachable(String source, Instant since, Locale locale) {
        return since == null ? t(locale, "gatewaydb.panel.unreachable", source)
                : t(locale, "gatewaydb.panel.unreachableSince", source, UTC.format(since));
    }

    private static String join(String platform, String action) {
        return platform == null ? String.valueOf(action) : action == null ? platform : platform + " · " + action;
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
