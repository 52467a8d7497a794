package io.gatedesk;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The walls between features: each keeps its entities, repositories and controllers to itself. */
class ArchitectureTest {

    static final String ROOT = "io.gatedesk.";

    static JavaClasses classes;
    /** Names of the classes compiled from src/test: benchmarks, generators, fixtures, the tests themselves. */
    static Set<String> testOnlyClasses;

    @BeforeAll
    static void importProduction() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gatedesk");
        testOnlyClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.gatedesk").stream().map(JavaClass::getName).collect(Collectors.toSet());
    }

    @Test
    void entitiesAndRepositoriesArePackagePrivate() {
        classes().that().areAnnotatedWith(Entity.class).or().areAssignableTo(Repository.class)
                .and().resideOutsideOfPackage("io.gatedesk.ticket.store")
                .should().notBePublic()
                .because("other features use a feature's public face, never its persistence")
                .check(classes);
    }

    /**
     * The ticket's entities are public inside {@code ticket.store} so the feature's use cases (filing, work, read) can
     * share them; the inner-door rule below and this one keep them inside the feature all the same.
     */
    @Test
    void theTicketStoreIsUsedWithinTheFeatureOnly() {
        classes().that().resideInAPackage("io.gatedesk.ticket.store..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("io.gatedesk.ticket..")
                .check(classes);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .check(classes);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("io.gatedesk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSecretGuardDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("io.gatedesk.secret..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatedesk.ticket..", "io.gatedesk.user..",
                        "io.gatedesk.triage..", "io.gatedesk.web..", "io.gatedesk.gatewaylog..")
                .check(classes);
    }

    @Test
    void clusterPlumbingKnowsNoFeature() {
        noClasses().that().resideInAPackage("io.gatedesk.cluster..")
                .should().dependOnClassesThat(DescribedPredicate.describe("other GateDesk packages",
                        (JavaClass c) -> c.getPackageName().startsWith(ROOT)
                                && !c.getPackageName().startsWith(ROOT + "cluster")))
                .because("locks, shared buckets and the like serve every feature; a feature using them must not be"
                        + " reached back into")
                .check(classes);
    }

    @Test
    void sharedLayersDoNotReachIntoFeatures() {
        noClasses().that().resideInAnyPackage("io.gatedesk.web..", "io.gatedesk.common..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatedesk.ticket..", "io.gatedesk.user..",
                        "io.gatedesk.triage..", "io.gatedesk.gatewaylog..", "io.gatedesk.demo..")
                .check(classes);
    }

    @Test
    void ticketsKnowNothingOfAnswers() {
        noClasses().that().resideInAnyPackage("io.gatedesk.ticket..", "io.gatedesk.triage..",
                        "io.gatedesk.gatewaylog..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.answer..")
                .because("answers build on tickets, triage and logs; the queue gets checklist progress as a plain value")
                .check(classes);
    }

    @Test
    void noFeatureBelowDependsOnEscalation() {
        noClasses().that().resideInAnyPackage("io.gatedesk.ticket..", "io.gatedesk.triage..",
                        "io.gatedesk.gatewaylog..", "io.gatedesk.answer..", "io.gatedesk.secret..",
                        "io.gatedesk.user..", "io.gatedesk.web..", "io.gatedesk.common..", "io.gatedesk.selfservice..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.escalation..")
                .because("escalation builds on tickets, logs and triage; the queue's badge comes through"
                        + " ticket.QueueRowMarker")
                .check(classes);
    }

    @Test
    void nothingBelowTheGatewayDatabaseKnowsIt() {
        noClasses().that().resideInAnyPackage("io.gatedesk.ticket..", "io.gatedesk.triage..", "io.gatedesk.secret..",
                        "io.gatedesk.gatewaylog..", "io.gatedesk.user..", "io.gatedesk.web..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.gatewaydb..")
                .because("the gateway database builds on tickets and the secret guard; nothing below it knows it")
                .check(classes);
    }

    @Test
    void incidentsAreReachedOnlyThroughTheirPublicFace() {
        noClasses().that().resideOutsideOfPackage("io.gatedesk.incident..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.incident..")
                .because("incidents build on tickets, triage, answers and logs; nothing below them knows they exist")
                .check(classes);
    }

    @Test
    void nothingDependsOnAttachmentsOrPresence() {
        noClasses().that().resideOutsideOfPackages("io.gatedesk.attachment..", "io.gatedesk.presence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatedesk.attachment..", "io.gatedesk.presence..")
                .because("attachments and presence plug into ticket pages through htmx panels and the ticket's SPIs"
                        + " (TicketAttachments, TicketEvidenceContributor); tickets never name them")
                .check(classes);
    }

    @Test
    void nothingDependsOnMail() {
        noClasses().that().resideOutsideOfPackage("io.gatedesk.mail..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.mail..")
                .because("mail listens to ticket events and reads tickets through their public face; no feature"
                        + " waits on it, so an SMTP outage cannot reach them")
                .check(classes);
    }

    @Test
    void noFeatureKnowsTheKnowledgeBase() {
        noClasses().that().resideOutsideOfPackage("io.gatedesk.knowledge..")
                .and().resideOutsideOfPackage("io.gatedesk.metrics..")
                .and().resideOutsideOfPackage("io.gatedesk.incident..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.knowledge..")
                .because("the knowledge base builds on tickets, triage, answers and the secret guard; pages reach it"
                        + " through URLs and static JS only")
                .check(classes);
    }

    @Test
    void incidentsDraftArticlesOnlyThroughKnowledgeBaseWithPlainText() {
        noClasses().that().resideInAPackage("io.gatedesk.incident..")
                .should().dependOnClassesThat(DescribedPredicate.describe("knowledge classes other than KnowledgeBase",
                        (JavaClass c) -> c.getPackageName().startsWith("io.gatedesk.knowledge")
                                && !c.getName().equals("io.gatedesk.knowledge.KnowledgeBase")))
                .because("an incident hands the knowledge base plain text (title, category, reply, a ticket id) to draft"
                        + " from; the knowledge base never reads incidents (nothing depends on incident), so no cycle")
                .check(classes);
    }

    @Test
    void theMetricsReadTheUseLedgerOnlyThroughKbUsage() {
        noClasses().that().resideInAPackage("io.gatedesk.metrics..")
                .should().dependOnClassesThat(DescribedPredicate.describe("knowledge classes other than KbUsage",
                        (JavaClass c) -> c.getPackageName().startsWith("io.gatedesk.knowledge")
                                && !c.getName().matches("io\\.gatedesk\\.knowledge\\.KbUsage(\\$.*)?")))
                .because("the metrics' usage figures read the knowledge base's use ledger through its read-only public"
                        + " face, never its tables, entities or the ledger's writer")
                .check(classes);
    }

    @Test
    void usersKnowNothingOfTickets() {
        noClasses().that().resideInAPackage("io.gatedesk.user..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.ticket..")
                .check(classes);
    }

    // ------------------------------------------------------------------------------------------------ inner doors

    /**
     * A feature's root package is its public face; its sub-packages (gatewaylog.format, gatewaylog.store, …, and any
     * a feature grows later) are its internals, which no other package may touch.
     */
    @Test
    void noFeatureReachesIntoAnotherFeaturesSubPackages() {
        classes().that().resideInAPackage("io.gatedesk..")
                .should(new ArchCondition<JavaClass>("use other features only through their root package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = feature(origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            if (target.startsWith(ROOT) && target.substring(ROOT.length()).contains(".")
                                    && !feature(target).equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    /** {@code io.gatedesk.gatewaylog.store} → {@code gatewaylog}; {@code io.gatedesk} → the empty string. */
    private static String feature(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return "";
        }
        String rest = packageName.substring(ROOT.length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    @Test
    void logFormatsAreReadByTheImportAndTheStoreOnly() {
        classes().that().resideInAPackage("io.gatedesk.gatewaylog.format..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("io.gatedesk.gatewaylog",
                        "io.gatedesk.gatewaylog.format..", "io.gatedesk.gatewaylog.store..")
                .because("parsers hand records to the import, which hands them to the store")
                .check(classes);
    }

    @Test
    void logFormatsKnowNothingOfTheRestOfTheFeature() {
        noClasses().that().resideInAPackage("io.gatedesk.gatewaylog.format..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatedesk.gatewaylog",
                        "io.gatedesk.gatewaylog.store..", "io.gatedesk.gatewaylog.match..",
                        "io.gatedesk.gatewaylog.ingest..")
                .because("a parser turns text into records; what happens to them is not its business")
                .check(classes);
    }

    @Test
    void theLogStoreIsUsedWithinTheFeatureOnly() {
        classes().that().resideInAPackage("io.gatedesk.gatewaylog.store..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("io.gatedesk.gatewaylog..")
                .check(classes);
    }

    @Test
    void theLogStoreKnowsNothingOfMatchingOrIngest() {
        noClasses().that().resideInAPackage("io.gatedesk.gatewaylog.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatedesk.gatewaylog.match..",
                        "io.gatedesk.gatewaylog.ingest..")
                .because("matching and ingest build on the store, not the other way round")
                .check(classes);
    }

    @Test
    void matchingIsUsedThroughTheFeaturesFaceOnly() {
        classes().that().resideInAPackage("io.gatedesk.gatewaylog.match..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("io.gatedesk.gatewaylog",
                        "io.gatedesk.gatewaylog.match..")
                .check(classes);
    }

    @Test
    void ingestTokensAreSeenThroughTheFeaturesFaceOnly() {
        classes().that().resideInAPackage("io.gatedesk.gatewaylog.ingest..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("io.gatedesk.gatewaylog.ingest..")
                .because("the security chain knows ingest tokens as gatewaylog.IngestTokens")
                .check(classes);
    }

    @Test
    void theTicketStoreKnowsNothingOfTheUseCasesOrThePages() {
        noClasses().that().resideInAPackage("io.gatedesk.ticket.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gatedesk.ticket.filing..",
                        "io.gatedesk.ticket.work..", "io.gatedesk.ticket.read..", "io.gatedesk.ticket.web..")
                .because("filing, working and reading tickets build on the store, not the other way round")
                .check(classes);
    }

    @Test
    void ticketUseCasesAreReachedThroughTicketServiceOnly() {
        classes().that().resideInAnyPackage("io.gatedesk.ticket.filing..", "io.gatedesk.ticket.work..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("io.gatedesk.ticket",
                        "io.gatedesk.ticket.filing..", "io.gatedesk.ticket.work..")
                .because("the pages and other features file and work tickets through the facade TicketService")
                .check(classes);
    }

    @Test
    void ticketReadsAreUsedWithinTheFeatureOnly() {
        classes().that().resideInAPackage("io.gatedesk.ticket.read..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("io.gatedesk.ticket..")
                .check(classes);
    }

    @Test
    void filingAndWorkingATicketKnowNothingOfEachOther() {
        noClasses().that().resideInAPackage("io.gatedesk.ticket.filing..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.ticket.work..")
                .check(classes);
        noClasses().that().resideInAPackage("io.gatedesk.ticket.work..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.ticket.filing..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheTicketPages() {
        classes().that().resideInAPackage("io.gatedesk.ticket.web..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("io.gatedesk.ticket.web..")
                .because("controllers and their view helpers are entry points; the use cases never call back into them")
                .check(classes);
    }

    // ------------------------------------------------------------------------------------------------ test code

    @Test
    void onlyMailParsesHtmlWithJsoup() {
        // jsoup is a compile dependency since inbound mail sanitises HTML with its Safelist; elsewhere it stays a test
        // tool (page assertions).
        noClasses().that().resideOutsideOfPackage("io.gatedesk.mail..").should().dependOnClassesThat()
                .resideInAPackage("org.jsoup..").check(classes);
    }

    @Test
    void productionCodeUsesNoTestLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.assertj..",
                        "org.mockito..", "org.hamcrest..", "org.springframework.test..",
                        "org.springframework.boot.test..", "org.springframework.security.test..", "io.zonky.test..",
                        "org.openqa.selenium..", "com.tngtech.archunit..", "org.awaitility..", "net.jqwik..",
                        "org.openjdk.jmh..")
                .check(classes);
    }

    @Test
    void productionCodeUsesNothingFromTheTestTree() {
        noClasses().should().dependOnClassesThat(DescribedPredicate.describe("live in src/test",
                        (JavaClass target) -> testOnlyClasses.contains(target.getName())))
                .because("generators, fixtures and benchmarks are not shipped")
                .check(classes);
    }

    @Test
    void nothingDependsOnMetrics() {
        noClasses().that().resideOutsideOfPackage("io.gatedesk.metrics..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.metrics..")
                .because("metrics is a read-only report over the other features; they must not need it")
                .check(classes);
    }

    @Test
    void metricsOnlyReadsOtherFeaturesTables() {
        noClasses().that().resideInAPackage("io.gatedesk.metrics..")
                .and().doNotHaveFullyQualifiedName("io.gatedesk.metrics.MetricsRollup")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().callMethod(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate.class,
                        "update", String.class, java.util.Map.class)
                .orShould().callMethod(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate.class,
                        "update", String.class, org.springframework.jdbc.core.namedparam.SqlParameterSource.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .because("metrics aggregates with SELECTs through NamedParameterJdbcTemplate and writes nothing; only"
                        + " MetricsRollup writes, and only its own metrics_* tables (next test)")
                .check(classes);
    }

    @Test
    void theMetricsRollupWritesOnlyItsOwnTables() {
        noClasses().that().haveFullyQualifiedName("io.gatedesk.metrics.MetricsRollup")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .because("the rollup is derived data: it reads other features' tables and writes metrics_* only")
                .check(classes);
    }
}
