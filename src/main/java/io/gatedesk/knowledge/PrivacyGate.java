package io.gatedesk.knowledge;

import io.gatedesk.gatewaylog.RequestIdExtractor;
import io.gatedesk.secret.Redaction;
import io.gatedesk.secret.SecretGuard;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what may become public. Full keys go through the one secret guard first (so a key is never kept, even in a
 * draft); then the gate looks for what a public page must not hold: keys in any masked spelling, fingerprints,
 * request IDs, emails, known names, IP addresses, balances and amounts of money, order and payment numbers, follow
 * links, internal host names, channel names and pasted log rows. {@link #scrub} removes them from a prefilled draft;
 * {@link #scan} lists them, with field and position, to refuse a publish.
 */
@Component
class PrivacyGate {

    private static final String MASK_RUN = "(?:\u2026+|\\.{3,}|\\*{2,})";
    private static final Pattern MASKED_KEY = Pattern.compile(
            "(?<![A-Za-z0-9_-])(?:sk-ant-[a-z]+\\d+-|sk-or-v1-|sk-proj-|sk-svcacct-|sk-admin-|sk-|gsk_)"
                    + "[A-Za-z0-9_-]{0,16}?" + MASK_RUN + "[A-Za-z0-9_-]{2,16}(?![A-Za-z0-9_-])");
    private static final Pattern KEY_TAIL = Pattern.compile(
            "(?i)(?:(?:key\\s+)?(?:ending|ends)\\s+(?:in|with)|last\\s*(?:4|four)(?:\\s*(?:chars?|characters|digits))?"
                    + "(?:\\s+of\\s+(?:the|my)\\s+key)?\\s*(?:is|are|=|:|：)?|(?<chinese>尾号|尾数|后四位|后4位|末四位|末4位))"
                    + "\\s*(?:是|为|[:：])?\\s*[\"'`“‘]?(?<tail>[A-Za-z0-9_-]{3,8})(?![A-Za-z0-9_-])");
    /** What makes "ends with abcd" speak of a key: the word key (or token) just before, or a key prefix. */
    private static final Pattern KEY_WORD = Pattern.compile("(?i)(?<![a-z])(?:key|token)|sk-|密钥|令牌");
    private static final Pattern KEY_LIKE_TAIL = Pattern.compile(".*(?:\\d|[A-Z]).*");
    private static final Pattern FINGERPRINT = Pattern.compile(
            "(?i)(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])|(?:sha256|fingerprint|指纹)\\s*[:=：]\\s*[0-9a-f]{8,64}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![0-9a-f:])(?=(?:[0-9a-f]{0,4}:){3})[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){3,7}(?![0-9a-f:])");
    private static final Pattern MONEY = Pattern.compile(
            "(?i)[$¥￥€£]\\s?-?\\d[\\d,]*(?:\\.\\d+)?"
                    + "|\\d[\\d,]*(?:\\.\\d+)?\\s?(?:usd|cny|rmb|eur|元|块|美元|美金|刀)(?![a-z])");
    private static final Pattern BALANCE = Pattern.compile(
            "(?i)(?:balance|remaining\\s+quota|quota\\s+left|credit|余额|剩余额度|剩余\\s*quota|额度还剩|还剩)"
                    + "\\s*(?:is|of|was|[:：=是为])?\\s*[$¥￥]?-?\\d[\\d,]*(?:\\.\\d+)?");
    /** Next to an amount, these make it a price or an exchange rate of the kind docs print, not someone's money. */
    private static final Pattern RATE_WORD = Pattern.compile(
            "(?i)=|≈|/\\s*(?:\\d|[km百千万]|tokens?|次|张|月|month|request|call|image)|(?<![a-z])per(?![a-z])|每|tokens?|百万|million|(?<![a-z0-9])1[km](?![a-z])|倍率|ratio|单价|定价|pricing");
    private static final Pattern ORDER = Pattern.compile(
            "(?i)(?:order|payment|invoice|transaction|trade|receipt|订单|支付|付款|交易|发票|流水)\\s*"
                    + "(?:no\\.?|number|id|#|号|编号|单号)?\\s*[:：#=]?\\s*(?=[A-Za-z_-]*\\d)[A-Za-z0-9][A-Za-z0-9_-]{5,}"
                    + "|(?<!\\d)\\d{12,}(?!\\d)");
    private static final Pattern FOLLOW_LINK = Pattern.compile("/t/[A-Za-z0-9_-]{8,}");
    private static final Pattern INTERNAL_HOST = Pattern.compile(
            "(?i)(?<![A-Za-z0-9.-])(?:localhost(?::\\d+)?|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:internal|local|lan|corp"
                    + "|intranet|intra|svc|cluster\\.local|home\\.arpa)(?::\\d+)?)(?![A-Za-z0-9-])");
    /** A channel named or numbered on the same line; "无可用渠道" before a Markdown heading is not one. */
    private static final Pattern CHANNEL = Pattern.compile(
            "(?i)(?:channel|渠道)[ \\t]*(?:id|name|名称|编号|号)?[ \\t]*[:：#=][ \\t]*[\"'`]?[^\\s\"'`,，。;；)）#]{1,64}"
                    + "|(?:channel|渠道)[ \\t]*#[ \\t]*\\d+|(?:channel|渠道)[ \\t]+\\d+(?![ \\t]*(?:个|channels))");
    private static final Pattern LOG_ROW = Pattern.compile(
            "(?m)^.*(?:\\[(?:ERR|GIN|SYS|INFO|WARN)\\]|\\d{4}[/-]\\d{2}[/-]\\d{2}[ T-]+\\d{2}:\\d{2}:\\d{2}.*\\|).*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(?:removed|已移除)[^\\]]*]");

    private final SecretGuard secretGuard;

    PrivacyGate(SecretGuard secretGuard) {
        this.secretGuard = secretGuard;
    }

    /** A piece of text found at {@code start}..{@code end} of one field. */
    record Hit(int start, int end, PrivacyKind kind) {
    }

    /** Full keys masked by the secret guard; the only form of any text the knowledge base keeps. */
    String guard(String text) {
        return text == null ? null : secretGuard.redact(text).text();
    }

    /** Whether the secret guard had to mask a full key in {@code text}. */
    boolean hasFullKey(String text) {
        if (text == null) {
            return false;
        }
        Redaction redaction = secretGuard.redact(text);
        return redaction.masked();
    }

    /** Everything the gate refuses in the fields, ordered by field, then position. */
    List<PrivacyFinding> scan(Map<String, String> fields, Collection<String> knownNames) {
        List<PrivacyFinding> findings = new ArrayList<>();
        fields.forEach((field, raw) -> {
            if (raw == null) {
                return;
            }
            String text = guard(raw);
            for (Hit hit : hits(text, knownNames)) {
                findings.add(new PrivacyFinding(field, hit.start(), hit.kind(), excerpt(text, hit)));
            }
        });
        return findings;
    }

    /** The text with every finding replaced by a neutral marker, for a draft prefilled from a ticket. */
    String scrub(String raw, Collection<String> knownNames, String language) {
        if (raw == null) {
            return null;
        }
        String text = guard(raw);
        List<Hit> hits = hits(text, knownNames);
        StringBuilder out = new StringBuilder(text);
        for (int i = hits.size() - 1; i >= 0; i--) {
            Hit hit = hits.get(i);
            out.replace(hit.start(), hit.end(), marker(hit.kind(), language));
        }
        return out.toString();
    }

    static String marker(PrivacyKind kind, String language) {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return "zh-CN".equals(language) ? "[已移除：" + name + "]" : "[removed: " + name + "]";
    }

    List<Hit> hits(String text, Collection<String> knownNames) {
        List<Hit> hits = new ArrayList<>();
        add(hits, text, LOG_ROW, PrivacyKind.LOG_ROW);
        add(hits, text, MASKED_KEY, PrivacyKind.KEY);
        addKeyTails(hits, text);
        add(hits, text, FINGERPRINT, PrivacyKind.FINGERPRINT);
        add(hits, text, EMAIL, PrivacyKind.EMAIL);
        add(hits, text, FOLLOW_LINK, PrivacyKind.FOLLOW_LINK);
        add(hits, text, INTERNAL_HOST, PrivacyKind.INTERNAL_HOST);
        add(hits, text, IPV4, PrivacyKind.IP_ADDRESS);
        add(hits, text, IPV6, PrivacyKind.IP_ADDRESS);
        addAmounts(hits, text);
        add(hits, text, BALANCE, PrivacyKind.MONEY);
        add(hits, text, ORDER, PrivacyKind.ORDER_NUMBER);
        add(hits, text, CHANNEL, PrivacyKind.CHANNEL);
        for (String id : RequestIdExtractor.extract(text)) {
            for (int at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + id.length())) {
                hits.add(new Hit(at, at + id.length(), PrivacyKind.REQUEST_ID));
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String name : knownNames) {
            if (name == null || name.strip().length() < 2) {
                continue;
            }
            String needle = name.strip().toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length())) {
                hits.add(new Hit(at, at + needle.length(), PrivacyKind.NAME));
            }
        }
        // The gate's own markers are not findings: a scrubbed draft may still say "[removed: email]".
        Matcher placeholders = PLACEHOLDER.matcher(text);
        List<int[]> markers = new ArrayList<>();
        while (placeholders.find()) {
            markers.add(new int[]{placeholders.start(), placeholders.end()});
        }
        hits.removeIf(hit -> markers.stream().anyMatch(m -> hit.start() >= m[0] && hit.end() <= m[1]));
        return merged(hits);
    }

    /** Overlapping hits become one, of the kind found first at the earliest position (a log row covers its parts). */
    private static List<Hit> merged(List<Hit> hits) {
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(hit -> -hit.end()));
        List<Hit> merged = new ArrayList<>();
        for (Hit hit : hits) {
            Hit last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && hit.start() < last.end()) {
                if (hit.end() > last.end()) {
                    merged.set(merged.size() - 1, new Hit(last.start(), hit.end(), last.kind()));
                }
                continue;
            }
            merged.add(hit);
        }
        return merged;
    }

    private static void add(List<Hit> hits, String text, Pattern pattern, PrivacyKind kind) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                hits.add(new Hit(m.start(), m.end(), kind));
            }
        }
    }

    /**
     * "ending in 9fQa" is a key's tail; "the URL ends with the path" is prose. A tail counts when the words before it
     * speak of a key, when it was written in Chinese (尾号), or when it looks like key material (a digit or capital).
     */
    private static void addKeyTails(List<Hit> hits, String text) {
        Matcher m = KEY_TAIL.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 32), m.start("tail"));
            if (m.group("chinese") != null || KEY_WORD.matcher(before).find()
                    || KEY_LIKE_TAIL.matcher(m.group("tail")).matches()) {
                hits.add(new Hit(m.start(), m.end(), PrivacyKind.KEY));
            }
        }
    }

    /** An amount of money, unless a rate word on the same line makes it a price ("$2 per 1M tokens", "1 美元 = 500000"). */
    private static void addAmounts(List<Hit> hits, String text) {
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            if (!RATE_WORD.matcher(lineBefore(text, m.start())).find()
                    && !RATE_WORD.matcher(lineAfter(text, m.end())).find()) {
                hits.add(new Hit(m.start(), m.end(), PrivacyKind.MONEY));
            }
        }
    }

    /** Up to 24 characters before {@code at}, not crossing a line break. */
    private static String lineBefore(String text, int at) {
        String part = text.substring(Math.max(0, at - 24), at);
        return part.substring(part.lastIndexOf('\n') + 1);
    }

    /** Up to 24 characters after {@code at}, not crossing a line break. */
    private static String lineAfter(String text, int at) {
        String part = text.substring(at, Math.min(text.length(), at + 24));
        int newline = part.indexOf('\n');
        return newline < 0 ? part : part.substring(0, newline);
    }

    /** Up to 24 characters either side of the finding, with the finding itself replaced by its marker. */
    private static String excerpt(String text, Hit hit) {
        int from = Math.max(0, hit.start() - 24);
        int to = Math.min(text.length(), hit.end() + 24);
        return (from > 0 ? "…" : "") + text.substring(from, hit.start()) + marker(hit.kind(), "en")
                + text.substring(hit.end(), to) + (to < text.length() ? "…" : "");
    }

    /** Field name → text, in a stable order, for {@link #scan}. */
    static Map<String, String> fields(String title, String summary, String body, String tags) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("summary", summary);
        fields.put("body", body);
        fields.put("tags", tags);
        return fields;
    }
}
