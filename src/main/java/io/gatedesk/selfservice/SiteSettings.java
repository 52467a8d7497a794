package io.gatedesk.selfservice;

import java.util.Arrays;
import java.util.List;

/**
 * The site as customers know it: its name, the gateway's API root without {@code /v1}, and the addresses of its web
 * pages (homepage, console) that customers paste by mistake.
 */
public record SiteSettings(String name, String apiBaseUrl, List<String> webUrls) {

    public SiteSettings {
        name = name == null || name.isBlank() ? "GateDesk" : name.strip();
        apiBaseUrl = normalizeBase(apiBaseUrl);
        webUrls = webUrls == null ? List.of() : webUrls.stream().map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> url.replaceAll("/+$", "")).distinct().toList();
    }

    /** Reads the comma-separated form used by the property and the admin page. */
    public static List<String> splitUrls(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split("[,\\s]+")).map(String::strip).filter(url -> !url.isEmpty()).toList();
    }

    public String webUrlsText() {
        return String.join(", ", webUrls);
    }

    /** An admin who pastes {@code https://host/v1} means the root: the clients' own forms are computed from it. */
    static String normalizeBase(String url) {
        String base = url == null ? "" : url.strip().replaceAll("/+$", "");
        if (base.toLowerCase(java.util.Locale.ROOT).endsWith("/v1")) {
            base = base.substring(0, base.length() - 3).replaceAll("/+$", "");
        }
        return base;
    }
}
