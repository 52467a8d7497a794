package io.gatedesk.security;

import org.jsoup.Jsoup;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Issues a gateway ingest token the way an admin does, on /admin/ingest-tokens, and reads the raw token shown once. */
final class IngestTokenIssuer {

    private IngestTokenIssuer() {
    }

    static String issue(MockMvc mvc, String name) throws Exception {
        String page = mvc.perform(post("/admin/ingest-tokens").param("name", name).with(csrf())
                .with(user("admin").roles("ADMIN"))).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(page).select("[data-issued-token] code").text();
    }
}
