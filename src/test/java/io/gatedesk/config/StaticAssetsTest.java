package io.gatedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Static files are public, under one prefix, and every link to them resolves in the resource chain: a link that
 * does not resolve is looked up on the classpath again on every page, which is never cached.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StaticAssetsTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ResourceUrlProvider resourceUrls;

    @Test
    void assetsAreServedToAnonymousVisitors() throws Exception {
        mvc.perform(get("/assets/css/app.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/assets/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void everyAssetLinkOnAPageResolvesInTheResourceChain() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "<link rel=\"stylesheet\" href=\"/assets/css/app.css\">")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("src=\"/assets/js/app.js\"")));

        assertThat(resourceUrls.getForLookupPath("/assets/css/app.css")).isEqualTo("/assets/css/app.css");
        assertThat(resourceUrls.getForLookupPath("/assets/js/app.js")).isEqualTo("/assets/js/app.js");
        assertThat(resourceUrls.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
                .matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js");
        // Ordinary links are not static files and never reach the classpath.
        assertThat(resourceUrls.getForLookupPath("/desk/tickets/GD-1")).isNull();
    }
}
