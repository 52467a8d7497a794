package io.gatedesk.answer;

import io.gatedesk.ticket.ClientApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one renderer: every placeholder, unknown and empty ones, and where HTML in a value is escaped. */
class PlaceholderRendererTest {

    static Map<Placeholder, String> allValues() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        for (Placeholder placeholder : Placeholder.values()) {
            values.put(placeholder, "value of " + placeholder.token());
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(Placeholder.class)
    void everyPlaceholderIsFilledFromItsValue(Placeholder placeholder) {
        Rendering rendering = PlaceholderRenderer.render("A {{" + placeholder.token() + "}} B", allValues());

        assertThat(rendering.text()).isEqualTo("A value of " + placeholder.token() + " B");
        assertThat(rendering.complete()).isTrue();
    }

    @Test
    void spacesInsideTheBracesAreAllowedAndEveryUseIsFilled() {
        Rendering rendering = PlaceholderRenderer.render("{{ ticket.number }} and {{ticket.number}}", allValues());

        assertThat(rendering.text()).isEqualTo("value of ticket.number and value of ticket.number");
    }

    @Test
    void anUnknownPlaceholderBlocksAndIsNamed() {
        Rendering rendering = PlaceholderRenderer.render("Hi {{customer.nmae}}, {{ticket.number}} {{site.baseUrl}}",
                allValues());

        assertThat(rendering.complete()).isFalse();
        assertThat(rendering.unresolved()).containsExactly("customer.nmae", "site.baseUrl");
        assertThat(rendering.text()).contains("{{customer.nmae}}", "value of ticket.number");
    }

    @Test
    void aPlaceholderWithoutValueForThisTicketBlocksAndIsNamedOnce() {
        Map<Placeholder, String> values = allValues();
        values.remove(Placeholder.TICKET_MODEL);
        values.put(Placeholder.LOG_TIME, "   ");

        Rendering rendering = PlaceholderRenderer.render("{{ticket.model}} {{log.time}} {{ticket.model}}", values);

        assertThat(rendering.unresolved()).containsExactly("ticket.model", "log.time");
    }

    @Test
    void theReplyTextKeepsHtmlInValuesAsTypedBecauseTheConversationShowsText() {
        Map<Placeholder, String> values = allValues();
        values.put(Placeholder.CUSTOMER_NAME, "<script>alert(1)</script> & \"Bob\"");
        values.put(Placeholder.TICKET_MODEL, "$1 \\ {{agent.name}}");

        Rendering rendering = PlaceholderRenderer.render("Hi {{customer.name}}, model {{ticket.model}}", values);

        assertThat(rendering.text()).isEqualTo("Hi <script>alert(1)</script> & \"Bob\", model $1 \\ {{agent.name}}");
        assertThat(rendering.complete()).isTrue();
    }

    @Test
    void thePreviewEscapesHtmlInValuesAndInTheBodyAndDoesNotReadValuesAsMarkdown() {
        Map<Placeholder, String> values = allValues();
        values.put(Placeholder.CUSTOMER_NAME, "<img src=x onerror=alert(1)>");
        values.put(Placeholder.TICKET_MODEL, "*gpt* [x](javascript:alert(1))");
        values.put(Placeholder.TICKET_BASE_URL, "https://a.example/\"onmouseover=\"x");

        String html = PlaceholderRenderer.previewHtml("Hi **{{customer.name}}** <b>raw</b>\n\n- {{ticket.model}}\n\n"
                + "[link]({{ticket.baseUrl}}) `{{ticket.number}}`", values);

        assertThat(html).contains("<strong>&lt;img src=x onerror=alert(1)&gt;</strong>", "&lt;b&gt;raw&lt;/b&gt;",
                "<li>*gpt* [x](javascript:alert(1))</li>", "<code>value of ticket.number</code>",
                "href=\"https://a.example/&quot;onmouseover=&quot;x\"");
        assertThat(html).doesNotContain("<img", "<b>", "<em>gpt");
    }

    @Test
    void thePreviewMarksWhatCannotBeFilled() {
        String html = PlaceholderRenderer.previewHtml("Use {{nope<b>}} now", allValues());

        assertThat(html).contains("<mark class=\"unresolved\">{{nope&lt;b&gt;}}</mark>");
    }

    @Test
    void unknownPlaceholdersAreListedForTheAdminForm() {
        assertThat(PlaceholderRenderer.unknownIn("{{ticket.model}} {{site.baseUrl}} {{ x }}"))
                .containsExactly("site.baseUrl", "x");
    }

    @Test
    void siteFactsFollowEachClientsBaseUrlConvention() {
        PropertySiteFacts site = new PropertySiteFacts("Gate", "https://api.example.com/v1/");

        assertThat(site.apiBaseUrl()).isEqualTo("https://api.example.com/v1");
        assertThat(site.expectedBaseUrl(ClientApp.CURSOR)).contains("https://api.example.com/v1");
        assertThat(site.expectedBaseUrl(ClientApp.OPENAI_PYTHON)).contains("https://api.example.com/v1");
        assertThat(site.expectedBaseUrl(ClientApp.LOBECHAT)).contains("https://api.example.com/v1");
        assertThat(site.expectedBaseUrl(ClientApp.DIFY)).contains("https://api.example.com/v1");
        assertThat(site.expectedBaseUrl(ClientApp.NEXTCHAT)).contains("https://api.example.com");
        assertThat(site.expectedBaseUrl(ClientApp.CHERRY_STUDIO)).contains("https://api.example.com");
        assertThat(site.expectedBaseUrl(ClientApp.CURL)).contains("https://api.example.com/v1/chat/completions");
        assertThat(site.expectedBaseUrl(ClientApp.BACKEND_SERVICE)).contains("https://api.example.com/v1");
        assertThat(site.expectedBaseUrl(null)).isEmpty();
    }

    @Test
    void everySeedFileParsesWithKnownPlaceholdersAndEveryCategoryHasBothLanguages() {
        var seeds = SeedFiles.answers();
        for (var category : io.gatedesk.triage.ErrorCategory.values()) {
            for (String language : Languages.ALL) {
                assertThat(seeds).as(category + " " + language)
                        .anyMatch(s -> category.name().equals(s.category()) && s.language().equals(language));
            }
        }
        for (String key : new String[]{"request-missing-evidence", "key-exposed-rotate", "known-incident"}) {
            assertThat(seeds).filteredOn(s -> s.key().equals(key)).extracting(SeedFiles.SeedAnswer::language)
                    .containsExactlyInAnyOrder("en", "zh-CN");
        }
        assertThat(SeedFiles.checklistItems()).extracting(SeedFiles.SeedItem::category)
                .containsAll(java.util.Arrays.stream(io.gatedesk.triage.ErrorCategory.values()).map(Enum::name).toList());
    }
}
