package io.gatedesk.ticket;

import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Merge and split through the real security chain: the desk's review and merge steps and the split button as pages
 * and as htmx fragments, the JSON API, and who may do them. Engineers may not: moving a customer's thread between
 * tickets is the agents' call, like bulk actions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TicketMergeWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;

    StaffMember agent;
    StaffMember engineer;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember("mg-" + marker, "Agent " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        engineer = users.create(new UserService.NewStaffMember("mge-" + marker, "Engineer " + marker, null,
                "engineer-password-1", EnumSet.of(Role.ENGINEER)));
    }

    TicketReceipt file(String subject, String email) {
        return tickets.submit(new NewTicket(subject + " " + marker, "Details " + marker, "Bob", email, null, null,
                null, "gpt-4o", null, List.of(), 401, "invalid key", null, null, null, null), Locale.ENGLISH);
    }

    String email() {
        return "bob-" + marker + "@example.com";
    }

    MockHttpServletRequestBuilder as(StaffMember member, String role, MockHttpServletRequestBuilder request,
                                     boolean htmx) {
        request.with(user(member.username()).roles(role)).with(csrf());
        return htmx ? request.header("HX-Request", "true") : request;
    }

    long version(TicketReceipt receipt) {
        return tickets.detail(receipt.id()).version();
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void theReviewShowsBothTicketsAndTheirCustomersBeforeTheMerge(boolean htmx) throws Exception {
        TicketReceipt target = file("Original", email());
        TicketReceipt source = file("Duplicate", email());

        mvc.perform(as(agent, "AGENT", get("/desk/tickets/" + source.number() + "/merge"), htmx)
                        .param("into", target.number()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Original " + marker)))
                .andExpect(content().string(containsString("Duplicate " + marker)))
                .andExpect(content().string(containsString(email())))
                .andExpect(content().string(containsString("data-merge-confirm")))
                .andExpect(htmx ? content().string(not(containsString("<html")))
                        : content().string(containsString("<html")));
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void withoutATargetTheReviewListsTheCustomersOtherOpenTickets(boolean htmx) throws Exception {
        TicketReceipt target = file("Original", email());
        TicketReceipt other = file("Someone else's", "carol-" + marker + "@example.com");
        TicketReceipt source = file("Duplicate", email());

        mvc.perform(as(agent, "AGENT", get("/desk/tickets/" + source.number() + "/merge"), htmx))
                .andExpect(content().string(containsString("data-merge-candidate=\"" + target.number() + "\"")))
                .andExpect(content().string(not(containsString("data-merge-candidate=\"" + other.number() + "\""))))
                .andExpect(content().string(not(containsString("data-merge-candidate=\"" + source.number() + "\""))));
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void anAgentMergesFromTheDeskAndLandsOnTheTarget(boolean htmx) throws Exception {
        TicketReceipt target = file("Original", email());
        TicketReceipt source = file("Duplicate", email());

        var result = mvc.perform(as(agent, "AGENT", post("/desk/tickets/" + source.number() + "/merge"), htmx)
                .param("into", target.number()).param("version", String.valueOf(version(source))));
        if (htmx) {
            result.andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/desk/tickets/" + target.number()));
        } else {
            result.andExpect(redirectedUrl("/desk/tickets/" + target.number()))
                    .andExpect(flash().attribute("savedText", source.number() + " was merged into this ticket ("
                            + target.number() + ")."));
        }
        assertThat(tickets.detail(source.id()).mergedInto()).isEqualTo(target.number());

        mvc.perform(as(agent, "AGENT", get("/desk/tickets/" + source.number()), false))
                .andExpect(content().string(containsString("data-merged-into")))
                .andExpect(content().string(not(containsString("data-merge-panel"))))
                .andExpect(content().string(not(containsString("data-split="))));
        mvc.perform(as(agent, "AGENT", get("/desk/tickets/" + target.number()), false))
                .andExpect(content().string(containsString("moved from " + source.number())));
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void aMergeAcrossCustomersIsRefusedInTheAgentsLanguageAndNothingChanges(boolean htmx) throws Exception {
        TicketReceipt target = file("Theirs", "carol-" + marker + "@example.com");
        TicketReceipt source = file("Mine", email());
        long version = version(source);

        mvc.perform(as(agent, "AGENT", get("/desk/tickets/" + source.number() + "/merge"), htmx)
                        .param("into", target.number()).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("这两张工单属于不同的客户")))
                .andExpect(content().string(not(containsString("data-merge-confirm"))));
        mvc.perform(as(agent, "AGENT", post("/desk/tickets/" + source.number() + "/merge"), htmx)
                        .param("into", target.number()).param("version", String.valueOf(version)))
                .andExpect(htmx ? status().isOk() : status().isUnprocessableContent())
                .andExpect(content().string(containsString("different customers")))
                .andExpect(content().string(containsString("data-merge-refusal")));
        assertThat(tickets.detail(source.id()).version()).isEqualTo(version);
        assertThat(tickets.detail(source.id()).mergedInto()).isNull();
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void aStaleVersionOrAnUnknownTargetKeepsWhatWasTypedAndMergesNothing(boolean htmx) throws Exception {
        TicketReceipt target = file("Original", email());
        TicketReceipt source = file("Duplicate", email());
        long stale = version(source);
        tickets.addStaffMessage(source.id(), "meanwhile", Visibility.INTERNAL, stale, new Actor(null, "Other"));

        mvc.perform(as(agent, "AGENT", post("/desk/tickets/" + source.number() + "/merge"), htmx)
                        .param("into", target.number()).param("version", String.valueOf(stale)))
                .andExpect(htmx ? status().isOk() : status().isConflict())
                .andExpect(content().string(containsString("data-merge-conflict")));
        mvc.perform(as(agent, "AGENT", post("/desk/tickets/" + source.number() + "/merge"), htmx)
                        .param("into", "GD-x" + marker).param("version", String.valueOf(version(source))))
                .andExpect(htmx ? status().isOk() : status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter a ticket number such as GD-12.")))
                // The page shows what was typed again; htmx leaves the field where it was typed alone.
                .andExpect(htmx ? content().string(not(containsString("data-merge-into")))
                        : content().string(containsString("value=\"GD-x" + marker + "\"")));
        assertThat(tickets.detail(source.id()).mergedInto()).isNull();
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void anAgentSplitsACustomerMessageOffAndStaysOnTheTicket(boolean htmx) throws Exception {
        TicketReceipt source = file("Two problems", email());
        tickets.customerReply(source.followToken(), "Second problem " + marker);
        MessageView message = tickets.detail(source.id()).messages().get(0);

        mvc.perform(as(agent, "AGENT", get("/desk/tickets/" + source.number()), false))
                .andExpect(content().string(containsString("data-split=\"" + message.id() + "\"")));
        var result = mvc.perform(as(agent, "AGENT", post("/desk/tickets/" + source.number() + "/messages/"
                + message.id() + "/split"), htmx).param("version", String.valueOf(version(source))));
        if (htmx) {
            result.andExpect(status().isOk()).andExpect(content().string(containsString("data-split-link")))
                    .andExpect(content().string(containsString("hx-swap-oob")));
        } else {
            result.andExpect(redirectedUrl("/desk/tickets/" + source.number()))
                    .andExpect(flash().attributeExists("splitInto"));
        }
        assertThat(tickets.detail(source.id()).events()).extracting(EventView::action).contains(TicketAction.SPLIT_TO);
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void splittingAStaffNoteIsRefusedWithAMessage(boolean htmx) throws Exception {
        TicketReceipt source = file("One problem", email());
        MessageView note = tickets.addStaffMessage(source.id(), "note", Visibility.INTERNAL, null,
                new Actor(null, "Other"));

        mvc.perform(as(agent, "AGENT", post("/desk/tickets/" + source.number() + "/messages/" + note.id()
                        + "/split"), htmx).param("version", String.valueOf(version(source))))
                .andExpect(htmx ? status().isOk() : status().isUnprocessableContent())
                .andExpect(content().string(containsString("Only a customer&#39;s message can be split off")));
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void engineersMayNotMergeOrSplitAndDoNotSeeTheControls(boolean htmx) throws Exception {
        TicketReceipt target = file("Original", email());
        TicketReceipt source = file("Duplicate", email());
        tickets.customerReply(source.followToken(), "More " + marker);
        long message = tickets.detail(source.id()).messages().get(0).id();

        mvc.perform(as(engineer, "ENGINEER", post("/desk/tickets/" + source.number() + "/merge"), htmx)
                        .param("into", target.number()).param("version", String.valueOf(version(source))))
                .andExpect(status().isForbidden());
        mvc.perform(as(engineer, "ENGINEER", get("/desk/tickets/" + source.number() + "/merge"), htmx))
                .andExpect(status().isForbidden());
        mvc.perform(as(engineer, "ENGINEER", post("/desk/tickets/" + source.number() + "/messages/" + message
                        + "/split"), htmx).param("version", String.valueOf(version(source))))
                .andExpect(status().isForbidden());
        mvc.perform(as(engineer, "ENGINEER", get("/desk/tickets/" + source.number()), htmx))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-merge-panel"))))
                .andExpect(content().string(not(containsString("data-split="))));
        assertThat(tickets.detail(source.id()).mergedInto()).isNull();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginOrRefused() throws Exception {
        TicketReceipt target = file("Original", email());
        TicketReceipt source = file("Duplicate", email());
        mvc.perform(post("/desk/tickets/" + source.number() + "/merge").with(csrf()).param("into", target.number())
                        .param("version", String.valueOf(version(source))))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/api/v1/tickets/" + source.number() + "/merge").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"into\":\"" + target.number() + "\",\"version\":" + version(source) + "}"))
                .andExpect(status().isUnauthorized());
        assertThat(tickets.detail(source.id()).mergedInto()).isNull();
    }

    @Test
    void theApiMergesAndSplitsForAgentsOnly() throws Exception {
        TicketReceipt target = file("Original", email());
        TicketReceipt source = file("Duplicate", email());
        tickets.customerReply(target.followToken(), "Another thing " + marker);
        long message = tickets.detail(target.id()).messages().get(0).id();
        String body = "{\"into\":\"" + target.number() + "\",\"version\":" + version(source) + "}";

        mvc.perform(as(engineer, "ENGINEER", post("/api/v1/tickets/" + source.number() + "/merge"), false)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(as(agent, "AGENT", post("/api/v1/tickets/" + source.number() + "/merge"), false)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(target.number()))
                .andExpect(jsonPath("$.merged").value(source.number()));
        mvc.perform(as(agent, "AGENT", post("/api/v1/tickets/" + source.number() + "/merge"), false)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("MERGE_REFUSED_SOURCE_MERGED"));

        mvc.perform(as(engineer, "ENGINEER", post("/api/v1/tickets/" + target.number() + "/messages/" + message
                        + "/split"), false))
                .andExpect(status().isForbidden());
        mvc.perform(as(agent, "AGENT", post("/api/v1/tickets/" + target.number() + "/messages/" + message
                        + "/split"), false).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version(target) + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.splitFrom").value(target.number()));
    }

    @Test
    void theApiRefusesAcrossCustomersInChineseAndStaleVersionsAsConflicts() throws Exception {
        TicketReceipt theirs = file("Theirs", "carol-" + marker + "@example.com");
        TicketReceipt target = file("Original", email());
        TicketReceipt source = file("Duplicate", email());
        long stale = version(source);
        tickets.addStaffMessage(source.id(), "meanwhile", Visibility.INTERNAL, stale, new Actor(null, "Other"));

        mvc.perform(as(agent, "AGENT", post("/api/v1/tickets/" + source.number() + "/merge"), false)
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"into\":\"" + theirs.number() + "\",\"version\":" + version(source) + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("MERGE_REFUSED_DIFFERENT_CUSTOMER"))
                .andExpect(jsonPath("$.error.message").value(containsString("不同的客户")));
        mvc.perform(as(agent, "AGENT", post("/api/v1/tickets/" + source.number() + "/merge"), false)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"into\":\"" + target.number() + "\",\"version\":" + stale + "}"))
                .andExpect(status().isConflict());
        mvc.perform(as(agent, "AGENT", post("/api/v1/tickets/" + source.number() + "/merge"), false)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"into\":\"" + target.number() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.fields[0].field").value("version"));
        assertThat(tickets.detail(source.id()).mergedInto()).isNull();
    }

    @Test
    void theSourcesOldFollowLinkShowsTheTargetWithAMergedLine() throws Exception {
        TicketReceipt target = file("Original", email());
        TicketReceipt source = file("Duplicate", email());
        tickets.merge(source.id(), target.id(), version(source), new Actor(agent.id(), agent.displayName()));

        mvc.perform(get("/t/" + source.followToken()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Original " + marker)))
                .andExpect(content().string(containsString("Your ticket " + source.number() + " was merged into "
                        + target.number())));
        mvc.perform(get("/t/" + source.followToken()).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("你的工单 " + source.number() + " 已合并到 "
                        + target.number())));
    }
}
