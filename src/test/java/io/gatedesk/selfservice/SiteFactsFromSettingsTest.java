package io.gatedesk.selfservice;

import io.gatedesk.answer.SiteFacts;
import io.gatedesk.ticket.ClientApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Short answers and the help pages read one site: what an admin saves on /admin/site. */
@SpringBootTest
@ActiveProfiles("test")
class SiteFactsFromSettingsTest {

    @Autowired
    SiteFacts siteFacts;
    @Autowired
    SiteSettingsService settings;

    @Test
    void answersQuoteTheStoredSiteAndTheCheckersBaseUrls() {
        assertThat(siteFacts).isInstanceOf(StoredSiteFacts.class);
        assertThat(siteFacts.apiBaseUrl()).isEqualTo(settings.current().apiBaseUrl() + "/v1");
        for (ClientApp client : ClientApp.values()) {
            assertThat(siteFacts.expectedBaseUrl(client))
                    .contains(ConfigChecker.expectedBaseUrl(settings.current(), client));
        }
        assertThat(siteFacts.expectedBaseUrl(ClientApp.NEXTCHAT).orElseThrow()).doesNotEndWith("/v1");
        assertThat(siteFacts.expectedBaseUrl(ClientApp.CURSOR).orElseThrow()).endsWith("/v1");
    }
}
