package io.gatedesk.knowledge;

import io.gatedesk.selfservice.ClientHelpPages;
import io.gatedesk.selfservice.HelpClient;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client help pages (owned by self-service, at {@code /help/clients/<client>}) as part of the knowledge base: one
 * set of pages, listed under Clients in the index and found by the same search terms as articles. Their text is read
 * through {@link ClientHelpPages}, never copied into articles.
 */
@Component
class HelpPages {

    /** One client's help page in one language. */
    record HelpPage(String slug, String lang, String title, String path) {
    }

    private final ClientHelpPages pages;
    private final MessageSource messages;
    private final Map<String, Set<String>> terms = new ConcurrentHashMap<>();

    HelpPages(ClientHelpPages pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
    }

    List<HelpPage> all(String lang) {
        List<HelpPage> all = new ArrayList<>();
        for (HelpClient client : HelpClient.values()) {
            all.add(page(client, lang));
        }
        return all;
    }

    /** Help pages holding at least {@code minShare} of the query's terms; {@code lang} null means both languages. */
    List<HelpPage> search(String query, String lang, double minShare) {
        Set<String> wanted = SearchTerms.of(query);
        if (wanted.isEmpty()) {
            return List.of();
        }
        int needed = Math.max(1, (int) Math.ceil(wanted.size() * minShare));
        List<HelpPage> found = new ArrayList<>();
        for (String language : lang == null ? KnowledgeBase.LANGUAGES : List.of(lang)) {
            for (HelpClient client : HelpClient.values()) {
                HelpPage page = page(client, language);
                Set<String> held = terms.computeIfAbsent(client.slug() + "." + language,
                        key -> SearchTerms.of(page.title() + " " + client.slug() + " " + pages.markdown(client, language)));
                if (wanted.stream().filter(held::contains).count() >= needed) {
                    found.add(page);
                }
            }
        }
        return found;
    }

    private HelpPage page(HelpClient client, String lang) {
        Locale locale = "zh-CN".equals(lang) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        String name = messages.getMessage("client." + client.app(), null, client.slug(), locale);
        String title = messages.getMessage("kb.help.title", new Object[]{name}, name, locale);
        return new HelpPage(client.slug(), lang, title, "/help/clients/" + client.slug() + "?lang=" + lang);
    }
}
