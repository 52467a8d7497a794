package io.gatedesk.selfservice;

import io.gatedesk.ticket.ClientApp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configuration check: a pure function of the site's settings, its model catalogue and what the customer typed.
 * It knows how each client builds its request URL from the base URL (see docs/self-service.md), reports every problem
 * it finds, and always proposes the base URL this client should use.
 */
public final class ConfigChecker {

    /** How a client turns the base URL it is given into a request URL. */
    enum Style {
        /** Wants {@code https://host/v1} and appends {@code /chat/completions}: SDKs, Cursor, LobeChat, Dify. */
        V1,
        /** Wants {@code https://host} and appends {@code /v1/chat/completions}: NextChat. */
        HOST,
        /** Wants {@code https://host}; appends {@code /v1} unless the path has {@code /vN}; a trailing # keeps it as typed. */
        CHERRY,
        /** Calls the full endpoint: curl. */
        ENDPOINT
    }

    static final List<List<String>> ENDPOINTS = List.of(
            List.of("chat", "completions"), List.of("images", "generations"), List.of("images", "edits"),
            List.of("images", "variations"), List.of("audio", "speech"), List.of("audio", "transcriptions"),
            List.of("audio", "translations"), List.of("completions"), List.of("embeddings"), List.of("models"),
            List.of("responses"), List.of("moderations"), List.of("messages"), List.of("rerank"));

    private static final String QUOTES = "\"'`“”‘’„«»「」『』＂＇";

    private ConfigChecker() {
    }

    public static Style style(ClientApp client) {
        if (client == null) {
            return Style.V1;
        }
        return switch (client) {
            case NEXTCHAT -> Style.HOST;
            case CHERRY_STUDIO -> Style.CHERRY;
            case CURL -> Style.ENDPOINT;
            default -> Style.V1;
        };
    }

    /** The base URL {@code client} should be given on this site ({@code curl}: the chat completions endpoint). */
    public static String expectedBaseUrl(SiteSettings site, ClientApp client) {
        return expected(site.apiBaseUrl(), style(client), null);
    }

    public static CheckVerdict check(SiteSettings site, List<CatalogueModel> catalogue, ClientApp client,
                                     String baseUrl, String model) {
        Style style = style(client);
        Map<ProblemCode, CheckVerdict.Finding> found = new EnumMap<>(ProblemCode.class);
        String endpointForFix = null;

        String typed = baseUrl == null ? "" : baseUrl;
        String cleaned = clean(typed);
        if (!cleaned.equals(typed) && !cleaned.isEmpty()) {
            add(found, ProblemCode.WHITESPACE_OR_QUOTES, null);
        }
        boolean asWritten = false;
        if (cleaned.endsWith("#")) {
            cleaned = cleaned.replaceAll("#+$", "");
            asWritten = style == Style.CHERRY;
        }
        Address given = Address.parse(cleaned);
        Address siteAddress = Address.parse(site.apiBaseUrl());
        if (given == null || siteAddress == null) {
            add(found, ProblemCode.NOT_A_URL, null);
        } else {
            endpointForFix = checkAddress(site, style, asWritten, given, siteAddress, found);
        }
        checkModel(catalogue, model, found);
        List<CheckVerdict.Finding> findings = new ArrayList<>(found.values());
        return new CheckVerdict(findings.isEmpty(), List.copyOf(findings),
                expected(site.apiBaseUrl(), style, endpointForFix));
    }

    private static String checkAddress(SiteSettings site, Style style, boolean asWritten, Address given,
                                       Address siteAddress, Map<ProblemCode, CheckVerdict.Finding> found) {
        if (given.secure() != siteAddress.secure() && !given.secure()) {
            add(found, ProblemCode.HTTP_NOT_HTTPS, null);
        }
        boolean apiHost = given.authority().equals(siteAddress.authority());
        for (String web : site.webUrls()) {
            Address page = Address.parse(clean(web));
            if (page == null || !page.authority().equals(given.authority())) {
                continue;
            }
            boolean pageOnOwnHost = !page.authority().equals(siteAddress.authority());
            if ((pageOnOwnHost && (page.segments().isEmpty() || startsWith(given.segments(), page.segments())))
                    || (!pageOnOwnHost && !page.segments().isEmpty() && startsWith(given.segments(), page.segments()))) {
                add(found, ProblemCode.HOMEPAGE_OR_CONSOLE_URL, null);
                return null;
            }
        }
        if (!apiHost) {
            addDetails(found, ProblemCode.WRONG_HOST, List.of(given.authority()));
        }

        List<String> rest = new ArrayList<>(given.segments());
        if (apiHost && startsWith(rest, siteAddress.segments())) {
            rest.subList(0, siteAddress.segments().size()).clear();
        }
        List<String> endpoint = endpointAtEnd(rest);
        if (endpoint != null) {
            rest.subList(rest.size() - endpoint.size(), rest.size()).clear();
        }
        long v1 = rest.stream().filter("v1"::equals).count();
        boolean others = rest.stream().anyMatch(segment -> !segment.equals("v1"));
        if (others) {
            if (v1 == 0 && endpoint == null) {
                if (apiHost) {
                    add(found, ProblemCode.HOMEPAGE_OR_CONSOLE_URL, null);
                }
                return null;
            }
            add(found, ProblemCode.FULL_ENDPOINT_PATH, null);
        }
        switch (style) {
            case V1 -> {
                if (endpoint != null) {
                    add(found, ProblemCode.FULL_ENDPOINT_PATH, null);
                }
                if (v1 == 0) {
                    add(found, ProblemCode.MISSING_V1, null);
                } else if (v1 > 1) {
                    add(found, ProblemCode.DOUBLE_V1, null);
                }
            }
            case HOST -> {
                if (endpoint != null) {
                    add(found, ProblemCode.FULL_ENDPOINT_PATH, null);
                }
                if (v1 > 0) {
                    add(found, ProblemCode.DOUBLE_V1, v1 == 1 ? "appends" : null);
                }
            }
            case CHERRY -> {
                if (endpoint != null) {
                    add(found, ProblemCode.FULL_ENDPOINT_PATH, null);
                }
                if (v1 > 1) {
                    add(found, ProblemCode.DOUBLE_V1, null);
                } else if (v1 == 0 && asWritten) {
                    add(found, ProblemCode.MISSING_V1, "hash");
                }
            }
            case ENDPOINT -> {
                if (endpoint == null && !others) {
                    add(found, ProblemCode.FULL_ENDPOINT_PATH, "missing");
                }
                if (v1 == 0) {
                    add(found, ProblemCode.MISSING_V1, null);
                } else if (v1 > 1) {
                    add(found, ProblemCode.DOUBLE_V1, null);
                }
            }
        }
        return endpoint == null ? null : String.join("/", endpoint);
    }

    private static void checkModel(List<CatalogueModel> catalogue, String model,
                                   Map<ProblemCode, CheckVerdict.Finding> found) {
        String name = clean(model == null ? "" : model);
        if (name.isEmpty() || catalogue == null || catalogue.isEmpty()) {
            return;
        }
        if (catalogue.stream().anyMatch(entry -> entry.name().equals(name))) {
            return;
        }
        List<String> suggestions = suggest(catalogue, name);
        List<String> details = new ArrayList<>();
        details.add(name);
        details.add(String.join(", ", suggestions));
        found.put(ProblemCode.UNKNOWN_MODEL, new CheckVerdict.Finding(ProblemCode.UNKNOWN_MODEL,
                suggestions.isEmpty() ? "none" : null, List.copyOf(details)));
    }

    /** Catalogue names close to {@code typed}: same name in another case, an alias, or a few edits away. */
    static List<String> suggest(List<CatalogueModel> catalogue, String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String squashed = squash(typed);
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (CatalogueModel entry : catalogue) {
            String candidate = entry.name().toLowerCase(Locale.ROOT);
            int score;
            if (candidate.equals(lower) || squash(entry.name()).equals(squashed)) {
                score = 0;
            } else if (entry.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(typed)
                    || squash(alias).equals(squashed))) {
                score = 1;
            } else {
                int distance = distance(lower, candidate);
                int allowed = Math.max(2, Math.min(lower.length(), candidate.length()) / 4);
                if (distance > allowed) {
                    continue;
                }
                score = 1 + distance;
            }
            scored.add(new Scored(entry.name(), score));
        }
        Set<String> names = new LinkedHashSet<>();
        scored.stream().sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .forEach(s -> names.add(s.name()));
        return names.stream().limit(3).toList();
    }

    private static String squash(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Drops whitespace anywhere (pasting adds it) and quotes around the text. */
    static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B'
                && c != '\uFEFF').forEach(kept::appendCodePoint);
        String value = kept.toString();
        int start = 0;
        int end = value.length();
        while (start < end && QUOTES.indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && QUOTES.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }

    private static String expected(String apiBaseUrl, Style style, String endpoint) {
        String base = apiBaseUrl;
        Address site = Address.parse(apiBaseUrl);
        if (site != null) {
            base = site.canonical();
        }
        return switch (style) {
            case V1 -> base + "/v1";
            case HOST, CHERRY -> base;
            case ENDPOINT -> base + "/v1/" + (endpoint == null ? "chat/completions" : endpoint);
        };
    }

    private static List<String> endpointAtEnd(List<String> segments) {
        for (List<String> endpoint : ENDPOINTS) {
            if (segments.size() >= endpoint.size()
                    && segments.subList(segments.size() - endpoint.size(), segments.size()).equals(endpoint)) {
                return endpoint;
            }
        }
        return null;
    }

    private static boolean startsWith(List<String> list, List<String> prefix) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    private static void addDetails(Map<ProblemCode, CheckVerdict.Finding> found, ProblemCode code,
                                   List<String> details) {
        found.putIfAbsent(code, new CheckVerdict.Finding(code, null, details == null ? List.of() : details));
    }

    private static void add(Map<ProblemCode, CheckVerdict.Finding> found, ProblemCode code, String variant) {
        found.putIfAbsent(code, new CheckVerdict.Finding(code, variant, List.of()));
    }

    /** An absolute http(s) address: host and port compared without case, path as lower-case segments. */
    record Address(boolean secure, String authority, List<String> segments, String canonical) {

        static Address parse(String text) {
            if (text == null || text.isEmpty()) {
                return null;
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()
                    || uri.getRawUserInfo() != null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean secure = scheme.equals("https");
            if (port == 443 && secure || port == 80 && !secure) {
                port = -1;
            }
            String authority = port == -1 ? host : host + ":" + port;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            List<String> segments = new ArrayList<>();
            List<String> original = new ArrayList<>();
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment.toLowerCase(Locale.ROOT));
                    original.add(segment);
                }
            }
            String canonical = scheme + "://" + authority + (original.isEmpty() ? "" : "/" + String.join("/", original));
            return new Address(secure, authority, List.copyOf(segments), canonical);
        }
    }
}
