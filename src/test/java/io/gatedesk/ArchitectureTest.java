package io.gatedesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The walls between features: each keeps its entities, repositories and controllers to itself. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importProduction() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gatedesk");
    }

    @Test
    void entitiesAndRepositoriesArePackagePrivate() {
        classes().that().areAnnotatedWith(Entity.class).or().areAssignableTo(Repository.class)
                .should().notBePublic()
                .because("other features use a feature's public face, never its persistence")
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
    void usersKnowNothingOfTickets() {
        noClasses().that().resideInAPackage("io.gatedesk.user..")
                .should().dependOnClassesThat().resideInAPackage("io.gatedesk.ticket..")
                .check(classes);
    }
}
