package io.gatedesk.escalation;

import io.gatedesk.gatewaylog.KnownKey;
import io.gatedesk.ticket.EvidenceSection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The evidence bundle as Markdown that reads well pasted into a GitHub or GitLab issue and into Feishu or DingTalk
 * docs: headings, two-column tables, a fenced {@code bash} block for the reproduction command, no HTML.
 */
@Component
class BundleMarkdown {

    private final MessageSource messages;

    BundleMarkdown(MessageSource messages) {
        this.messages = messages;
    }

    String render(EvidenceBundle bundle, Locale locale) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(bundle.ticket()).append(" · ").append(inline(bundle.subject())).append("\n\n");
        EscalationView current = bundle.current();
        md.append("| | |\n|---|---|\n");
        row(md, t("escalation.bundle.status", locale), t("status." + bundle.status(), locale));
        row(md, t("escalation.severity", locale), current.severity() + " · "
                + t("escalation.severity." + current.severity(), locale));
        row(md, t("escalation.bundle.round", locale), String.valueOf(current.round()));
        row(md, t("escalation.bundle.escalatedBy", locale), current.escalatedBy());
        row(md, t("escalation.bundle.escalatedAt", locale), String.valueOf(current.escalatedAt()));
        row(md, t("escalation.engineer", locale), current.engineer());
        row(md, t("escalation.bundle.timeZone", locale), bundle.timeZone());
        md.append("\n## ").append(t("escalation.reason", locale)).append("\n\n")
                .append(quote(current.reason())).append("\n\n");

        md.append("## ").append(t("escalation.bundle.reproduction", locale)).append("\n\n")
                .append(t("escalation.bundle.reproduction.help", locale)).append("\n\n```bash\n")
                .append(bundle.reproduction()).append("\n```\n\n");

        EvidenceBundle.Evidence e = bundle.evidence();
        md.append("## ").append(t("escalation.bundle.evidence", locale)).append("\n\n| | |\n|---|---|\n");
        row(md, t("ticket.client", locale), join(e.client(), e.clientVersion()));
        row(md, t("ticket.baseUrl", locale), code(e.baseUrl()));
        row(md, t("ticket.model", locale), code(e.model()));
        row(md, t("ticket.maskedKey", locale), code(e.maskedKey()));
        row(md, t("ticket.statusCode", locale), e.statusCode() == null ? null : e.statusCode().toString());
        row(md, t("ticket.errorMessage", locale), code(e.errorMessage()));
        row(md, t("ticket.requestTime", locale), join(e.requestTime(), e.requestTimeZone()));
        row(md, t("ticket.stream", locale), e.stream() == null ? null : e.stream().toString());
        row(md, t("ticket.callerType", locale), e.callerType());
        row(md, t("ticket.requestIds", locale), bundle.requestIds().isEmpty() ? null
                : String.join(", ", bundle.requestIds().stream().map(BundleMarkdown::code).toList()));

        md.append("\n## ").append(t("escalation.bundle.keys", locale)).append("\n\n");
        if (bundle.keys().isEmpty()) {
            md.append(t("escalation.bundle.none", locale)).append("\n");
        }
        for (EvidenceBundle.KeyFacts key : bundle.keys()) {
            md.append("- ").append(code(key.masked()));
            if (key.fingerprint() != null) {
                md.append(" sha256:").append(code(key.fingerprint()));
            }
            md.append("\n");
            for (KnownKey known : key.inventory()) {
                md.append("  - ").append(inline(join(known.keyName(), known.source()))).append(" · ")
                        .append(t("escalation.bundle.owner", locale)).append(": ").append(inline(known.owner()))
                        .append(" · ").append(t("escalation.bundle.group", locale)).append(": ")
                        .append(inline(known.group())).append(" · ").append(t("escalation.bundle.keyStatus", locale))
                        .append(": ").append(inline(known.status())).append("\n");
            }
        }

        for (EvidenceSection section : bundle.sections()) {
            md.append("\n## ").append(inline(section.heading())).append("\n\n");
            section.lines().forEach(line -> md.append("- ").append(inline(line)).append("\n"));
        }

        md.append("\n## ").append(t("escalation.bundle.category", locale)).append("\n\n");
        if (bundle.category() == null) {
            md.append(t("escalation.bundle.none", locale)).append("\n");
        } else {
            md.append("**").append(inline(bundle.category().name())).append("** (")
                    .append(bundle.category().confidencePercent()).append("%)\n\n");
            bundle.category().reasons().forEach(reason -> md.append("- ").append(inline(reason)).append("\n"));
        }

        md.append("\n## ").append(t("escalation.bundle.logs", locale)).append("\n\n");
        if (bundle.matchedLogs().isEmpty() && bundle.pinnedLogs().isEmpty()) {
            md.append(t("escalation.bundle.none", locale)).append("\n");
        } else {
            md.append("| ").append(t("escalation.bundle.time", locale))
                    .append(" | request ID | status | error | model → upstream | channel | latency | client IP |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (EvidenceBundle.LogRow row : concat(bundle.matchedLogs(), bundle.pinnedLogs())) {
                md.append("| ").append(cell(row.time())).append("PINNED".equals(row.matchedBy()) ? " 📌" : "")
                        .append(" | ").append(cell(code(row.requestId())))
                        .append(" | ").append(cell(row.statusCode())).append(" | ")
                        .append(cell(join(row.errorType(), row.errorCode()))).append(" | ")
                        .append(cell(row.model() + (row.upstreamModel() == null ? "" : " → " + row.upstreamModel())))
                        .append(" | ").append(cell(row.channel())).append(" | ")
                        .append(cell(row.latencyMs() == null ? null : row.latencyMs() + " ms")).append(" | ")
                        .append(cell(row.clientIp())).append(" |\n");
            }
        }

        md.append("\n## ").append(t("escalation.bundle.timeline", locale)).append(" (").append(bundle.timeZone())
                .append(")\n\n");
        for (EvidenceBundle.TimelineEntry entry : bundle.timeline()) {
            md.append("- `").append(entry.time()).append("` **").append(inline(entry.actor())).append("** ")
                    .append(t("escalation.timeline." + entry.kind(), locale)).append(": ")
                    .append(inline(entry.text())).append("\n");
        }

        List<EscalationView> withFindings = bundle.rounds().stream().filter(r -> r.findings() != null).toList();
        if (!withFindings.isEmpty()) {
            md.append("\n## ").append(t("escalation.findings", locale)).append("\n");
            for (EscalationView round : withFindings) {
                EscalationView.Findings f = round.findings();
                md.append("\n### ").append(t("escalation.bundle.round", locale)).append(" ").append(round.round())
                        .append(" · ").append(t("escalation.rootCause." + f.rootCause(), locale)).append("\n\n")
                        .append(quote(f.summary())).append("\n");
                if (f.actions() != null) {
                    md.append("\n").append(t("escalation.actions", locale)).append(":\n\n")
                            .append(quote(f.actions())).append("\n");
                }
            }
        }
        return md.toString();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(Object value) {
        return value == null ? "—" : inline(value.toString()).replace("|", "\\|");
    }

    /** One line: breaks would end a table row or a list item. */
    private static String inline(String text) {
        return text == null ? "—" : text.replace("\r", "").replace("\n", " ").strip();
    }

    private static String code(String text) {
        return text == null ? null : "`" + text.replace("`", "'").replace("\n", " ") + "`";
    }

    private static String quote(String text) {
        return text == null ? "" : "> " + text.strip().replace("\r", "").replace("\n", "\n> ");
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }
}
