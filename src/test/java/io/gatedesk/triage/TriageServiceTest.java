package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyIterable;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.TicketAction;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * How triage stores a ticket's category: what the classifier reads from the ticket, what is written (the
 * classification, the ticket's category and suggested priority, an event), and how an agent's override and its
 * removal are kept and audited. The ticket feature and the repository are mocks; the repository keeps what is saved.
 */
class TriageServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Actor AGENT = new Actor(7L, "Ada");

    private final RuleBook ruleBook = mock(RuleBook.class);
    private final TicketClassificationRepository classifications = mock(TicketClassificationRepository.class);
    private final TicketService tickets = mock(TicketService.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final Map<Long, TicketClassification> saved = new HashMap<>();
    private final List<LogEvidence> logged = new ArrayList<>();
    private final TriageService triage;

    TriageServiceTest() {
        Classifier classifier = new Classifier(List.of(
                new ClassificationRule("t.quota", ErrorCategory.INSUFFICIENT_QUOTA, RuleKind.ERROR_CODE,
                        "insufficient_quota", 5, "quota", null, null),
                new ClassificationRule("t.401", ErrorCategory.INVALID_KEY, RuleKind.STATUS_CODE, "401", 3, "401",
                        null, null),
                new ClassificationRule("t.rate", ErrorCategory.RATE_LIMITED, RuleKind.MESSAGE_PATTERN,
                        "slow down", 4, "rate", "^Cursor 0\\.4", null)), true, null);
        when(ruleBook.classifier()).thenReturn(classifier);
        when(classifications.findAllById(anyIterable())).thenAnswer(call -> {
            List<TicketClassification> found = new ArrayList<>();
            call.<Iterable<Long>>getArgument(0).forEach(id -> Optional.ofNullable(saved.get(id)).ifPresent(found::add));
            return found;
        });
        when(classifications.findById(anyLong())).thenAnswer(call -> Optional.ofNullable(saved.get(call.<Long>getArgument(0))));
        when(classifications.existsById(anyLong())).thenAnswer(call -> saved.containsKey(call.<Long>getArgument(0)));
        when(classifications.saveAll(anyIterable())).thenAnswer(call -> {
            call.<Iterable<TicketClassification>>getArgument(0).forEach(c -> saved.put(c.getTicketId(), c));
            return call.getArgument(0);
        });
        when(classifications.save(any(TicketClassification.class))).thenAnswer(call -> {
            TicketClassification c = call.getArgument(0);
            saved.put(c.getTicketId(), c);
            return c;
        });
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("logs", (LogEvidenceSource) evidence -> List.copyOf(logged));
        triage = new TriageService(ruleBook, classifications, tickets, beans.getBeanProvider(LogEvidenceSource.class),
                Clock.fixed(NOW, ZoneOffset.UTC), events);
    }

    private static TicketEvidence ticket(long id, Integer status, String error, CallerType callerType) {
        return new TicketEvidence(id, "T-" + id, "subject " + id, "description " + id, null, null, null, null, null,
                List.of(), status, error, null, callerType, List.of(), List.of(), NOW, List.of());
    }

    private void given(TicketEvidence... evidence) {
        for (TicketEvidence e : evidence) {
            when(tickets.evidence(e.id())).thenReturn(e);
        }
    }

    @Test
    void theClassifierReadsTheCustomersTextsAndNotesButNotPublicRepliesAndEveryMatchedLogEntry() {
        logged.add(new LogEvidence(429, "rate_limit", null, "upstream said slow down"));
        TicketEvidence evidence = new TicketEvidence(1, "T-1", "Cursor fails", " ", ClientApp.CURSOR, "0.45",
                "https://gw.example/v1", "gpt-4o", null, List.of(), 429, "Too Many Requests", null, null,
                List.of("customer: still failing", "staff reply: if you see 401 check your key", "note: quota?"),
                List.of("customer: still failing", "", "note: quota?"), NOW, List.of());

        TriageInput input = triage.inputOf(evidence);

        assertThat(input.text()).isEqualTo("Cursor fails\n\ncustomer: still failing\n\nnote: quota?");
        assertThat(input.client()).isEqualTo("Cursor 0.45");
        assertThat(input).extracting(TriageInput::statusCode, TriageInput::errorMessage, TriageInput::baseUrl,
                TriageInput::model).containsExactly(429, "Too Many Requests", "https://gw.example/v1", "gpt-4o");
        assertThat(input.logEvidence()).containsExactly(new LogEvidence(429, "rate_limit", null, "upstream said slow down"));
    }

    @Test
    void aClientWithoutAVersionIsNamedAloneAndNoClientIsNone() {
        TicketEvidence withoutVersion = new TicketEvidence(1, "T-1", null, null, ClientApp.CHERRY_STUDIO, null, null,
                null, null, List.of(), null, null, null, null, List.of(), List.of(), NOW, List.of());

        assertThat(triage.inputOf(withoutVersion).client()).isEqualTo("Cherry Studio");
        assertThat(triage.inputOf(withoutVersion).text()).isEmpty();
        assertThat(triage.inputOf(ticket(2, null, null, null)).client()).isNull();
    }

    @Test
    void everyClientIsNamedAsCustomersWriteItSoTheRulesClientPatternsMatch() {
        Map<ClientApp, String> names = new HashMap<>();
        Arrays.stream(ClientApp.values()).forEach(app -> names.put(app, TriageService.clientName(app)));

        assertThat(names).containsOnly(
                Map.entry(ClientApp.CURSOR, "Cursor"), Map.entry(ClientApp.CHERRY_STUDIO, "Cherry Studio"),
                Map.entry(ClientApp.LOBECHAT, "LobeChat"), Map.entry(ClientApp.NEXTCHAT, "NextChat"),
                Map.entry(ClientApp.DIFY, "Dify"), Map.entry(ClientApp.OPENAI_PYTHON, "OpenAI Python SDK"),
                Map.entry(ClientApp.OPENAI_NODE, "OpenAI Node SDK"), Map.entry(ClientApp.CURL, "curl"),
                Map.entry(ClientApp.BACKEND_SERVICE, "backend service"), Map.entry(ClientApp.OTHER, "other"));
    }

    @Test
    void aRuleForOneClientVersionCountsOnlyForTicketsFromThatClient() {
        TicketEvidence cursor = new TicketEvidence(3, "T-3", "slow down please", null, ClientApp.CURSOR, "0.45", null,
                null, null, List.of(), null, null, null, null, List.of(), List.of(), NOW, List.of());
        TicketEvidence dify = new TicketEvidence(4, "T-4", "slow down please", null, ClientApp.DIFY, "0.45", null,
                null, null, List.of(), null, null, null, null, List.of(), List.of(), NOW, List.of());
        given(cursor, dify);

        assertThat(triage.reclassify(3).category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(triage.reclassify(4).category()).isEqualTo(ErrorCategory.OTHER);
    }

    @Test
    void classifyingATicketStoresTheCategoryWithItsReasonsSetsTheTicketsCategoryAndPriorityAndTellsOthers() {
        given(ticket(5, 401, null, CallerType.PRODUCTION));

        TicketTriage result = triage.reclassify(5);

        assertThat(result.ticketId()).isEqualTo(5);
        assertThat(result.category()).isEqualTo(ErrorCategory.INVALID_KEY);
        assertThat(result.inferredCategory()).isEqualTo(ErrorCategory.INVALID_KEY);
        assertThat(result.inferredAt()).isEqualTo(NOW);
        assertThat(result.overridden()).isFalse();
        assertThat(result.confidence()).isPositive();
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo("t.401");
            assertThat(reason.matched()).isEqualTo("401");
            assertThat(reason.source()).isEqualTo("STATUS_CODE");
        });
        assertThat(saved.get(5L).getReasons()).contains("\"ruleId\":\"t.401\"");
        verify(tickets).applyCategories(List.of(new TicketService.CategoryUpdate(5, "INVALID_KEY", Priority.P2,
                "INVALID_KEY")), TriageService.ACTOR);
        verify(events).publishEvent(new TicketClassified(5, ErrorCategory.INVALID_KEY));
    }

    @Test
    void aBatchReadsAndWritesOnceAndUpdatesATicketAlreadyClassified() {
        TicketClassification earlier = new TicketClassification(6);
        earlier.inferred(new Classification(ErrorCategory.OTHER, 0, List.of()), "[]", NOW.minusSeconds(60));
        saved.put(6L, earlier);
        when(tickets.evidence(anyCollection())).thenReturn(List.of(
                ticket(6, null, "insufficient_quota", CallerType.TEST), ticket(8, 401, null, CallerType.PERSONAL)));

        List<TicketTriage> results = triage.reclassifyAll(List.of(6L, 7L, 8L));

        assertThat(results).extracting(TicketTriage::ticketId, TicketTriage::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6L, ErrorCategory.INSUFFICIENT_QUOTA),
                org.assertj.core.groups.Tuple.tuple(8L, ErrorCategory.INVALID_KEY));
        assertThat(saved.get(6L)).isSameAs(earlier);
        assertThat(earlier.getInferredAt()).isEqualTo(NOW);
        verify(classifications).findAllById(List.of(6L, 8L));
        verify(tickets).applyCategories(List.of(
                new TicketService.CategoryUpdate(6, "INSUFFICIENT_QUOTA", Priority.P4, "INSUFFICIENT_QUOTA"),
                new TicketService.CategoryUpdate(8, "INVALID_KEY", Priority.P4, "INVALID_KEY")), TriageService.ACTOR);
    }

    @Test
    void aTicketAlreadyClassifiedIsShownAsStoredAndAnOlderOneIsClassifiedOnFirstView() {
        given(ticket(9, 401, null, null));

        assertThat(triage.forTicket(9).category()).isEqualTo(ErrorCategory.INVALID_KEY);
        verify(tickets).evidence(9L);

        assertThat(triage.forTicket(9).category()).isEqualTo(ErrorCategory.INVALID_KEY);
        verify(tickets).evidence(9L);
    }

    @Test
    void anAgentsOverrideIsAuditedAppliedWithItsPriorityAndSurvivesTheNextClassification() {
        given(ticket(10, 401, null, CallerType.PRODUCTION));

        TicketTriage overridden = triage.override(10, ErrorCategory.RATE_LIMITED, AGENT);

        assertThat(overridden.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(overridden.inferredCategory()).isEqualTo(ErrorCategory.INVALID_KEY);
        assertThat(overridden.overridden()).isTrue();
        assertThat(overridden.overriddenBy()).isEqualTo("Ada");
        assertThat(overridden.overriddenAt()).isEqualTo(NOW);
        verify(tickets).recordAudit(10, AGENT, TicketAction.CATEGORY_OVERRIDDEN, "INVALID_KEY → RATE_LIMITED");
        verify(tickets).applyCategory(10, "RATE_LIMITED", Priority.P1, TriageService.ACTOR, "RATE_LIMITED");
        verify(events).publishEvent(new TicketClassified(10, ErrorCategory.RATE_LIMITED));

        TicketTriage later = triage.reclassify(10);
        assertThat(later.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(later.inferredCategory()).isEqualTo(ErrorCategory.INVALID_KEY);
        verify(tickets).applyCategories(List.of(new TicketService.CategoryUpdate(10, "RATE_LIMITED", Priority.P1,
                "RATE_LIMITED")), TriageService.ACTOR);
    }

    @Test
    void handingTheCategoryBackToTheClassifierIsAuditedAsSuch() {
        given(ticket(11, 401, null, CallerType.TEST));
        triage.override(11, ErrorCategory.UPSTREAM_ERROR, AGENT);

        TicketTriage handedBack = triage.override(11, null, AGENT);

        assertThat(handedBack.category()).isEqualTo(ErrorCategory.INVALID_KEY);
        assertThat(handedBack.overridden()).isFalse();
        assertThat(handedBack.overriddenBy()).isNull();
        assertThat(handedBack.overriddenAt()).isNull();
        verify(tickets).recordAudit(11, AGENT, TicketAction.CATEGORY_OVERRIDDEN,
                "UPSTREAM_ERROR → INVALID_KEY (GateDesk)");
        verify(tickets).applyCategory(11, "INVALID_KEY", Priority.P4, TriageService.ACTOR, "INVALID_KEY");
    }

    @Test
    void anOverrideThatChangesNothingWritesNothing() {
        given(ticket(12, 401, null, null));
        triage.override(12, null, AGENT);
        verify(classifications, never()).save(any());
        verify(tickets, never()).recordAudit(anyLong(), any(), any(), any());

        triage.override(12, ErrorCategory.ACCESS_DENIED, AGENT);
        triage.override(12, ErrorCategory.ACCESS_DENIED, AGENT);

        verify(classifications).save(any());
        verify(tickets).recordAudit(12, AGENT, TicketAction.CATEGORY_OVERRIDDEN, "INVALID_KEY → ACCESS_DENIED");
    }

    @Test
    void anAgentMayOverrideWithTheCategoryTheClassifierInferred() {
        given(ticket(13, 401, null, null));

        TicketTriage pinned = triage.override(13, ErrorCategory.INVALID_KEY, AGENT);

        assertThat(pinned.overridden()).isTrue();
        verify(tickets).recordAudit(13, AGENT, TicketAction.CATEGORY_OVERRIDDEN, "INVALID_KEY → INVALID_KEY");
    }

    @Test
    void storedReasonsFitTheirColumnByDroppingTheLeastWeightyAndSmallOnesAreKeptWhole() {
        List<Reason> many = IntStream.range(0, 400).mapToObj(i -> new Reason("rule." + i, ErrorCategory.OTHER,
                "TEXT", "m".repeat(100), 400 - i)).toList();

        String json = triage.reasonsJson(many);

        assertThat(json.length()).isLessThanOrEqualTo(30_000).isGreaterThan(29_000);
        assertThat(json).startsWith("[{\"ruleId\":\"rule.0\"").doesNotContain("\"rule.399\"");
        assertThat(triage.reasonsJson(many.subList(0, 2))).contains("rule.0", "rule.1");
        assertThat(triage.reasonsJson(List.of())).isEqualTo("[]");
    }

    @Test
    void evidenceThatBelongsToNoTicketIsClassifiedWithTheCurrentRules() {
        Classification result = triage.classify(new TriageInput(null, "insufficient_quota", null, null, null, null,
                List.of()));

        assertThat(result.category()).isEqualTo(ErrorCategory.INSUFFICIENT_QUOTA);
        verify(tickets, never()).evidence(anyLong());
        verify(tickets, never()).evidence(org.mockito.ArgumentMatchers.<Collection<Long>>any());
    }
}
